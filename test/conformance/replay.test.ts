// Replay of recordings made from real runs against the mock, as NDJSON and as HAR.
import { beforeAll, describe, expect, it } from "vitest";
import { allChecks, checks } from "../../conformance/checks/index.js";
import { maxDistinctViolations } from "../../conformance/run/exchange-tally.js";
import { replayRecording } from "../../conformance/replay/replay.js";
import { main } from "../../conformance/cli/index.js";
import { UserError } from "../../src/errors.js";
import { recordMockRun, tempDir, toHar, writeFile } from "./recordings.js";
import { vi } from "vitest";

const replay = (path: string) => replayRecording(path, { checks: allChecks, severityThreshold: "low" });
const ids = (r: Awaited<ReturnType<typeof replay>>, status: string) =>
  [...new Set(r.outcomes.filter((o) => o.status === status).map((o) => o.check))].sort();
// A recording does not carry the tenant's TAP policy: the rule that judges by it has nothing to go on.
const needsPolicy = ["usability-matches-policy"];
const exchangeIds = allChecks.filter((c) => c.kind === "exchange" && !needsPolicy.includes(c.id)).map((c) => c.id);
const scenarioIds = allChecks.filter((c) => c.kind === "scenario").map((c) => c.id);

describe("replay", () => {
  let dir: string;
  let faithful: string[];
  let leaky: string[];

  beforeAll(async () => {
    dir = tempDir();
    faithful = await recordMockRun();
    leaky = await recordMockRun(["secret-on-read", "wrong-odata-context"]);
  });

  it(
    "passes a faithful NDJSON recording (the mock run's throttled probe included); checks that need requests are " +
      "skipped",
    async () => {
      const result = await replay(writeFile(dir, "faithful.ndjson", faithful.join("")));
      expect(ids(result, "fail")).toEqual([]);
      expect(ids(result, "error")).toEqual([]);
      expect(ids(result, "pass")).toEqual([...exchangeIds].sort());
      expect(ids(result, "skip")).toEqual([...scenarioIds, ...needsPolicy].sort());
      expect(result.recording).toEqual({ exchanges: faithful.length, ignored: 0 });
      expect(result.exitCode).toBe(0);
    },
  );

  it("fails what the recorded service broke, from NDJSON and from HAR alike", async () => {
    const fromNdjson = await replay(writeFile(dir, "leaky.ndjson", leaky.join("")));
    const fromHar = await replay(writeFile(dir, "leaky.har", toHar(leaky)));
    for (const result of [fromNdjson, fromHar]) {
      expect(ids(result, "fail")).toEqual(["odata-context", "response-schema", "secret-null-on-read"]);
      expect(result.exitCode).toBe(1);
    }
    expect(fromHar.recording).toEqual({ exchanges: leaky.length + 2, ignored: 2 });
    const strip = (r: typeof fromHar) => r.outcomes.map((o) => [o.check, o.operation, o.status, o.exchanges]);
    expect(strip(fromHar)).toEqual(strip(fromNdjson));
  });

  it("detects the format by content when the extension says nothing", async () => {
    const result = await replay(writeFile(dir, "leaky.recording", toHar(leaky)));
    expect(result.recording?.ignored).toBe(2);
  });

  it("reports one defect across many exchanges as one violation with its count", async () => {
    // The same broken read, with a different request id each time: distinct messages, one defect.
    const line = JSON.parse(leaky.find((l) => l.includes('"GET"') && l.includes("temporaryAccessPassMethods/"))!) as {
      request: { headers: Record<string, string> };
    };
    const many = Array.from({ length: 3000 }, (_, i) => {
      line.request.headers["client-request-id"] = `client-${i}`;
      return JSON.stringify(line);
    });
    const result = await replayRecording(writeFile(dir, "many.ndjson", many.join("\n")), {
      checks: [checks["request-id-headers"]],
      severityThreshold: "low",
    });
    const [outcome] = result.outcomes;
    expect(outcome?.status).toBe("fail");
    expect(outcome?.exchanges).toBe(3000);
    expect(outcome?.violations.length).toBe(1);
    expect(outcome?.violations[0]?.count).toBe(3000);
    expect(outcome?.violations.length).toBeLessThanOrEqual(maxDistinctViolations);
    expect(outcome?.message).toContain("(3000 violations in 3000 exchanges)");
  });

  it.each([
    [
      "a broken NDJSON line",
      "bad.ndjson",
      () => `${faithful[0]}${faithful[1]}{"request":\n`,
      /bad\.ndjson: line 3 \(entry 3\) is not valid JSON/,
    ],
    [
      "an NDJSON line without a response",
      "noresp.ndjson",
      () =>
        `${faithful[0]}{"request":{"method":"GET","url":"http://x/v1.0/me/authentication/` +
        `temporaryAccessPassMethods"}}\n`,
      /line 2 \(entry 2\): expected "response" with an integer "status"/,
    ],
    [
      "a HAR entry without a request",
      "bad.har",
      () =>
        JSON.stringify({
          log: { entries: [JSON.parse(toHar(faithful.slice(0, 1))).log.entries[0], { response: { status: 200 } }] },
        }),
      /bad\.har: entry 2: expected "request"/,
    ],
    [
      "a truncated HAR",
      "cut.har",
      () => toHar(faithful.slice(0, 3)).slice(0, -40),
      /cut\.har: entry \d+: not valid HAR JSON/,
    ],
    ["an empty file", "empty.ndjson", () => "", /no exchanges found/],
  ])("refuses %s with a one-line error naming the entry", async (_name, file, text, message) => {
    const path = writeFile(dir, file, text());
    await expect(replay(path)).rejects.toThrow(UserError);
    await expect(replay(path)).rejects.toThrow(message);
  });

  it("exits 2 with one line from the CLI for an unreadable file, 1 for a failing recording", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["replay", `${dir}/missing.har`])).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(
        /^tap-contract replay: cannot read recording .*missing\.har: no such file or directory \(ENOENT\)$/,
      ),
    ]);
    expect(await main(["replay", writeFile(dir, "again.ndjson", leaky.join("")), "--out", `${dir}/reports`])).toBe(1);
    expect(
      await main([
        "replay",
        writeFile(dir, "fine.ndjson", faithful.join("")),
        "--reporter",
        "json",
        "--out",
        `${dir}/reports`,
      ]),
    ).toBe(0);
    out.mockRestore();
    err.mockRestore();
  });

  it("exits 2, never green, when the recording holds no TAP call: nothing was checked", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const errs: string[] = [];
    const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      errs.push(String(chunk));
      return true;
    });
    // Only the calls that are not TAP calls (the HAR's two ignored entries).
    const other = JSON.stringify({
      request: { method: "GET", url: "https://graph.microsoft.com/v1.0/me", headers: {} },
      response: { status: 200, headers: { "content-type": "application/json" }, body: { id: "x" } },
    });
    const code = await main(["replay", writeFile(dir, "unrelated.ndjson", `${other}\n`), "--out", `${dir}/reports`]);
    out.mockRestore();
    err.mockRestore();
    expect(code).toBe(2);
    expect(errs.join("")).toMatch(
      /^tap-contract replay: nothing was checked: all \d+ outcomes were skipped .*TAP calls/m,
    );
  });
});
