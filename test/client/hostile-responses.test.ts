// Responses no Graph should send, over real HTTP: each becomes a typed error, never a crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTapClient, InvalidResponseError, NetworkError, unwrap } from "../../src/index.js";
import { envelope, json, samplePass, startLocalServer, type LocalServer } from "./support/local-server.js";

const ID = samplePass.id;
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const user = decodeURIComponent(req.url.split("/")[3] ?? "");
    switch (user) {
      case "html-502":
        res.writeHead(502, { "content-type": "text/html" });
        return res.end("<html><body>Bad gateway</body></html>");
      case "empty-500":
        res.writeHead(500);
        return res.end();
      case "json-not-envelope":
        return json(res, 400, { message: "bad" });
      case "not-json-200":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end('{"id": ');
      case "empty-200":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end();
      case "array-200":
        return json(res, 200, [samplePass]);
      case "list-without-value":
        return json(res, 200, { "@odata.context": "x" });
      case "truncated":
        res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
        res.write('{"id":"');
        return setTimeout(() => res.destroy(), 20);
      case "huge-declared":
        res.writeHead(200, { "content-type": "application/json", "content-length": String(5 * 1024 * 1024) });
        return res.write("{");
      case "huge-chunked": {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = "x".repeat(64 * 1024);
        for (let i = 0; i < 40; i++) res.write(chunk);
        return res.end();
      }
      case "echo-token":
        return json(
          res,
          401,
          envelope("InvalidAuthenticationToken", `Token ${req.headers.authorization ?? ""} is not valid`),
        );
      case "envelope-404":
        return json(res, 404, envelope("itemNotFound", "No such pass"), { "request-id": "rid-404" });
      default:
        return json(res, 200, samplePass);
    }
  });
});
afterAll(() => server.close());

function client() {
  return createTapClient({ baseUrl: server.graphUrl, credential: "token-for-tests", retry: false });
}

describe("responses that are not Graph's", () => {
  it("keeps Graph's envelope with status, request-id and the client-request-id sent", async () => {
    const result = await client().get({ user: "envelope-404", id: ID });
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject({
      status: 404,
      requestId: "rid-404",
      error: { code: "itemNotFound", message: "No such pass" },
    });
    expect(result.error?.clientRequestId).toBe(server.received.at(-1)?.headers["client-request-id"]);
    expect(result.error?.bodyProblem).toBeUndefined();
  });

  it("turns an HTML error page into an error with bodyProblem not-json", async () => {
    const { error } = await client().get({ user: "html-502", id: ID });
    expect(error).toMatchObject({ status: 502, bodyProblem: "not-json", error: { code: "unexpectedResponse" } });
    expect(error?.error.message).toMatch(/Received: HTTP 502 with a body that is not JSON \(text\/html\)/);
  });

  it("turns an empty error body into bodyProblem empty", async () => {
    const { error } = await client().delete({ user: "empty-500", id: ID });
    expect(error).toMatchObject({ status: 500, bodyProblem: "empty" });
  });

  it("turns JSON that is not an envelope into bodyProblem not-an-envelope", async () => {
    const { error } = await client().list({ user: "json-not-envelope" });
    expect(error).toMatchObject({ status: 400, bodyProblem: "not-an-envelope" });
  });

  it.each([
    ["not-json-200", "not-json"],
    ["empty-200", "not-an-object"],
    ["array-200", "not-an-object"],
    ["truncated", "truncated"],
    ["huge-declared", "too-large"],
    ["huge-chunked", "too-large"],
  ])("rejects a success body from %s with InvalidResponseError(%s)", async (user, reason) => {
    const err = await client()
      .get({ user, id: ID })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(err).toMatchObject({ reason, status: 200 });
  });

  it("rejects a list without a value array", async () => {
    await expect(client().list({ user: "list-without-value" })).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "not-an-object",
    });
  });

  it("honours maxResponseBytes", async () => {
    const small = createTapClient({ baseUrl: server.graphUrl, credential: "t", maxResponseBytes: 100, retry: false });
    await expect(small.get({ user: "fine", id: ID })).rejects.toMatchObject({ reason: "too-large" });
    expect((await client().get({ user: "fine", id: ID })).data).toEqual(samplePass);
  });

  it("reports a refused connection as a NetworkError naming the cause", async () => {
    const dead = await startLocalServer(() => undefined);
    await dead.close();
    const tap = createTapClient({ baseUrl: dead.graphUrl, credential: "t", retry: false });
    const err = (await tap.list({ user: "me" }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/v1\.0\/me\/authentication\/temporaryAccessPassMethods: no response: ECONNREFUSED/,
    );
  });

  it("never puts the token in an error message", async () => {
    const token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig-secret-part";
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: token, retry: false });
    const messages: string[] = [];
    for (const user of ["html-502", "not-json-200", "truncated", "huge-declared", "echo-token"]) {
      const outcome = await unwrap(tap.get({ user, id: ID })).catch((e: unknown) => e);
      messages.push(
        outcome instanceof Error
          ? `${outcome.message} ${String(outcome.stack)}`
          : JSON.stringify((outcome as { error?: unknown }).error),
      );
    }
    expect(messages).toHaveLength(5);
    expect(messages.at(-1)).toMatch(
      /^Graph answered 401 InvalidAuthenticationToken: Token Bearer <redacted token> is not valid/,
    );
    expect(messages.join("\n")).not.toContain("sig-secret-part");
  });
});
