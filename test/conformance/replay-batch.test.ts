// Replay of recorded JSON batches: each inner TAP exchange judged as one sent alone, naming the
// batch and the inner id; a malformed envelope is a finding of its own, on POST /$batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allChecks } from "../../conformance/checks/index.js";
import { replayRecording } from "../../conformance/replay/replay.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { tempDir, toHar, writeFile } from "./recordings.js";

let mock: MockGraph;
let admin: string;
const megan = "c0a70000-0000-4000-8000-000000000004";
const nestor = "c0a70000-0000-4000-8000-000000000005";
const taps = (u: string) => `/users/${u}/authentication/temporaryAccessPassMethods`;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0, scenarios: true });
  admin = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.ReadWrite.All"] });
});
afterAll(() => mock.close());

/** One recorded batch as an NDJSON line: a List, a Create and a Get of an unknown pass. */
async function recordBatch(scenario?: string): Promise<string> {
  const url = `${mock.graphUrl}/$batch`;
  const requestBody = {
    requests: [
      { id: "list", method: "GET", url: taps(megan) },
      { id: "create", method: "POST", url: taps(nestor), headers: { "Content-Type": "application/json" }, body: {} },
      { id: "get", method: "GET", url: `/v1.0${taps(nestor)}/05267842-25b2-4b21-8abd-8e4982796f7f` },
    ],
  };
  const headers: Record<string, string> = { authorization: `Bearer ${admin}`, "content-type": "application/json" };
  if (scenario) headers["x-tap-mock-scenario"] = scenario;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(requestBody) });
  const responseHeaders: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    responseHeaders[k] = v;
  });
  return `${JSON.stringify({
    request: { method: "POST", url, headers: { ...headers, authorization: "Bearer <redacted>" }, body: requestBody },
    response: { status: res.status, headers: responseHeaders, body: await res.json() },
    startedAt: new Date().toISOString(),
  })}\n`;
}

const replay = (path: string) => replayRecording(path, { checks: allChecks, severityThreshold: "low" });

describe("replay of $batch exchanges", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it("judges the envelope and each inner TAP exchange, from HAR and NDJSON alike", async () => {
    const line = await recordBatch();
    for (const path of [writeFile(dir, "batch.ndjson", line), writeFile(dir, "batch.har", toHar([line]))]) {
      const result = await replay(path);
      expect(result.outcomes.filter((o) => o.status === "fail")).toEqual([]);
      const judged = (op: string) =>
        result.outcomes.filter((o) => o.operation === op && o.status === "pass").map((o) => o.check);
      expect(judged("POST /$batch")).toEqual(expect.arrayContaining(["response-schema", "status-code-documented"]));
      expect(judged("GET /users/{user-id}/authentication/temporaryAccessPassMethods")).toContain("secret-null-on-read");
      expect(judged("POST /users/{user-id}/authentication/temporaryAccessPassMethods")).toContain("secret-on-create");
      expect(
        judged(
          "GET /users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
        ),
      ).toContain("error-envelope");
    }
  });

  it("names the batch entry and the inner id of a broken inner exchange", async () => {
    const result = await replay(writeFile(dir, "leaky-batch.ndjson", await recordBatch("secret-on-read")));
    const leak = result.outcomes.find((o) => o.check === "secret-null-on-read" && o.status === "fail");
    expect(leak?.message).toContain('(in $batch entry 1, request id "list")');
    expect(leak?.exchange?.via).toBe('$batch entry 1, request id "list"');
    expect(JSON.stringify(result)).not.toContain("Lk4!mZq9");
  });

  it("reports a malformed envelope as a finding on POST /$batch", async () => {
    const line = JSON.parse(await recordBatch()) as { response: { body: unknown } };
    line.response.body = { responses: { id: "list" } };
    const result = await replay(writeFile(dir, "broken-batch.ndjson", `${JSON.stringify(line)}\n`));
    const broken = result.outcomes.find((o) => o.operation === "POST /$batch" && o.status === "fail");
    expect(broken?.check).toBe("response-schema");
    expect(result.exitCode).toBe(1);
  });
});
