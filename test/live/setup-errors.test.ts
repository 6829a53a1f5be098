// Each setup mistake stops a live run before any check, within one request timeout, with one
// line naming the token, user or pass (exit 2), never a run of API failures (issue 18).
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import { UsageError, UserError } from "../../src/errors.js";
import type { MockGraph } from "../../src/mock/index.js";
import { appClientId, liveTokens, startMockGraph, watchingProxy } from "./support.js";

function quietStderr(): NodeJS.WriteStream {
  return { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
}

async function check(argv: string[], env: Record<string, string | undefined>) {
  return runCheck(argv, { stdout: () => undefined, env, color: false, stderr: quietStderr() });
}

/** The error a run stops with, and how long it took. */
async function stopsWith(argv: string[], env: Record<string, string | undefined>) {
  const t0 = performance.now();
  const error = await check(argv, env).then(
    (code) => new Error(`ran to the end with exit code ${code}`),
    (e: Error) => e,
  );
  return { error, ms: performance.now() - t0 };
}

describe("setup mistakes are setup errors", () => {
  let mock: MockGraph;
  let other: MockGraph;
  let env: Record<string, string>;
  beforeAll(async () => {
    [mock, other] = await Promise.all([startMockGraph(), startMockGraph()]);
    env = await liveTokens(mock);
  });
  afterAll(async () => {
    await Promise.all([mock.close(), other.close()]);
  });

  it("a token for another audience names the variable, Graph's code and message, and the cause", async () => {
    const wrong = await mock.issueToken({ app: appClientId, audience: "https://management.azure.com" });
    const { error } = await stopsWith(["--target", mock.graphUrl], { ...env, GRAPH_TOKEN_APP: wrong });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^GRAPH_TOKEN_APP: the target refuses the token \(401 InvalidAuthenticationToken: "/);
    expect(error.message).toContain("its audience (aud) is https://management.azure.com, not Graph");
    expect(error.message).not.toContain(wrong);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("a token the target cannot verify (another signer) is refused by name", async () => {
    const [head, body] = (await other.issueToken({ user: "adele" })).split(".");
    const foreign = `${head}.${body}.${Buffer.from("not the mock's signature").toString("base64url")}`;
    const { error } = await stopsWith(["--target", mock.graphUrl], { ...env, GRAPH_TOKEN_ADMIN: foreign });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^GRAPH_TOKEN_ADMIN: the target refuses the token \(401 /);
    expect(error.message).toContain("tenant and cloud");
  });

  it("an expired GRAPH_TOKEN_APP says when it expired", async () => {
    const old = await mock.issueToken({ app: appClientId, expiresInSeconds: -60 });
    const { error } = await stopsWith(["--target", mock.graphUrl], { ...env, GRAPH_TOKEN_APP: old });
    expect(error.message).toMatch(
      /^GRAPH_TOKEN_APP: the target refuses the token \(401 .*; it expired at \d{4}-\d\d-\d\dT/,
    );
  });

  it("an expired token under another name is kept for rejects-expired-token", async () => {
    const old = await mock.issueToken({ app: appClientId, expiresInSeconds: -60 });
    const code = await check(["--target", mock.graphUrl, "--user", "megan@contoso.onmicrosoft.com"], {
      ...env,
      GRAPH_TOKEN_EXPIRED: old,
    });
    expect(code).toBe(0);
  });

  it("a --user the target does not know", async () => {
    const { error } = await stopsWith(["--target", mock.graphUrl, "--user", "nobody@contoso.onmicrosoft.com"], env);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^--user nobody@contoso\.onmicrosoft\.com: the target does not know this user \(404 /,
    );
  });

  it("a --test-user the target does not know", async () => {
    const { error } = await stopsWith(
      ["--target", mock.graphUrl, "--allow-writes", "--test-user", "nobody@contoso.onmicrosoft.com"],
      env,
    );
    expect(error.message).toMatch(/^--test-user nobody@contoso\.onmicrosoft\.com: the target does not know this user/);
  });

  it("a --method that is not a GUID is a usage error; an unknown one a setup error", async () => {
    const user = ["--user", "megan@contoso.onmicrosoft.com"];
    const bad = await stopsWith(["--target", mock.graphUrl, ...user, "--method", "abc"], env);
    expect(bad.error).toBeInstanceOf(UsageError);
    expect(bad.error.message).toBe('--method "abc": expected a pass id (a GUID, as List shows it)');
    const unknown = "7d1f7a54-0000-4000-8000-000000000000";
    const missing = await stopsWith(["--target", mock.graphUrl, ...user, "--method", unknown], env);
    expect(missing.error).toBeInstanceOf(UserError);
    expect(missing.error.message).toMatch(
      new RegExp(`^--method ${unknown}: megan@contoso\\.onmicrosoft\\.com has no pass with this id \\(404 `),
    );
  });

  it("--method without --user is refused", async () => {
    const { error } = await stopsWith(
      ["--target", mock.graphUrl, "--method", "7d1f7a54-0000-4000-8000-000000000000"],
      env,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^--method needs --user/);
  });
});

describe("a target that does not answer is unreachable at once", () => {
  let server: Server;
  const sockets: Socket[] = [];
  let url: string;
  beforeAll(async () => {
    // Accepts connections and never answers.
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  });
  afterAll(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });

  it("silent: exit 2 within one request timeout", async () => {
    const mock = await startMockGraph();
    try {
      const env = await liveTokens(mock);
      const { error, ms } = await stopsWith(["--target", url, "--timeout", "1500"], env);
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(/ is unreachable: no complete response within 1500 ms$/);
      expect(ms).toBeLessThan(1500 + 3000);
    } finally {
      await mock.close();
    }
  });

  it("refused connection: exit 2 naming the host", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mock = await startMockGraph();
    try {
      const env = await liveTokens(mock);
      const { error } = await stopsWith(["--target", `http://127.0.0.1:${port}/v1.0`], env);
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(
        new RegExp(`is unreachable: cannot connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)$`),
      );
    } finally {
      await mock.close();
    }
  });
});

describe("a target that stops answering mid-run", () => {
  it("ends the run as an error after a few timeouts in a row, not minutes later", async () => {
    const mock = await startMockGraph();
    // Preflight (4 tokens, 2 users) and some of the run are answered, then nothing.
    const proxy = await watchingProxy(mock, { answerFirst: 14 });
    try {
      const env = await liveTokens(mock);
      const nestor = "nestor@contoso.onmicrosoft.com";
      const { error, ms } = await stopsWith(
        ["--target", proxy.graphUrl, "--timeout", "800", "--allow-writes", "--test-user", nestor, "--concurrency", "1"],
        env,
      );
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(
        / stopped answering \(3 requests in a row got no answer within 800 ms\); the run ended early/,
      );
      // Three timeouts, then the cleanup's own requests (bounded), not one timeout per remaining request.
      expect(ms).toBeLessThan(20_000);
    } finally {
      await proxy.close();
      await mock.close();
    }
  }, 40_000);
});
