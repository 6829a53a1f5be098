// A new user's first runs (issue 11): no false green, no late failure on an output path, no
// silent run, and one plain line for each bad input.
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import { runReplay } from "../../conformance/cli/commands/replay.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { fakeAppToken } from "../conformance/fake-tokens.js";
import { tempDir } from "../conformance/recordings.js";

/** A stderr that is not a terminal, as in a CI log. */
function fakeStderr(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = { isTTY: false, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

async function check(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = "";
  const err = fakeStderr();
  const code = await runCheck(argv, { stdout: (t) => void (out += t), env, color: false, stderr: err.stream });
  return { code, out, err: err.text() };
}

/** A server that counts requests and answers none of them usefully. */
async function countingServer(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((_req, res) => {
    n++;
    res
      .writeHead(401, { "content-type": "application/json" })
      .end('{"error":{"code":"InvalidAuthenticationToken","message":"no"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1.0`,
    count: () => n,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("a live run is never green without a usable token", () => {
  let mock: MockGraph;
  beforeAll(async () => {
    mock = await startMockGraph();
  });
  afterAll(() => mock.close());

  it("with no GRAPH_TOKEN_* and no AZURE_*: exit 2 before any request, naming the variables", async () => {
    const server = await countingServer();
    try {
      await expect(check(["--target", server.url])).rejects.toThrow(
        /^nothing to check: no token given\. Set GRAPH_TOKEN_APP, GRAPH_TOKEN_SELF or GRAPH_TOKEN_ADMIN .*AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET/,
      );
      expect(server.count()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it(
    "with only an expired token (only unauthenticated probes ran): " + "nothing checked, exit 2 with one line",
    async () => {
      const env = { GRAPH_TOKEN_OLD: await mock.issueToken({ user: "megan", expiresInSeconds: -3600 }) };
      const { code, out, err } = await check(["--target", mock.graphUrl], env);
      expect(out).toMatch(/[1-9]\d* passed/);
      expect(out).toMatch(/NOTHING CHECKED\n$/);
      expect(code).toBe(2);
      expect(err).toMatch(
        /^tap-contract check: nothing was checked: no request carried a usable token .*Set GRAPH_TOKEN_APP/m,
      );
    },
  );

  it("a usable token makes it a real run", async () => {
    const env = { GRAPH_TOKEN_APP: await mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c" }) };
    expect((await check(["--target", mock.graphUrl, "--user", "c0a70000-0000-4000-8000-000000000004"], env)).code).toBe(
      0,
    );
  });

  it.each([
    ["/v2.0", `http://127.0.0.1:9/v2.0`],
    ["no version segment", `http://127.0.0.1:9`],
    ["/v1.0/users", `http://127.0.0.1:9/v1.0/users`],
  ])("a target that is not a Graph v1.0 or beta root is a usage error (%s)", async (_name, url) => {
    await expect(check(["--target", url], { GRAPH_TOKEN_APP: fakeAppToken })).rejects.toThrow(
      /^--target: expected a Graph v1\.0 or beta root \(a path ending in \/v1\.0 or \/beta/,
    );
  });

  it("a beta root runs green against the mock, judged by the beta contract", async () => {
    const env = { GRAPH_TOKEN_APP: await mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c" }) };
    const beta = `${mock.url}/beta`;
    const { code, out } = await check(["--target", beta, "--user", "c0a70000-0000-4000-8000-000000000004"], env);
    expect(out).toMatch(/0 failed/);
    expect(code).toBe(0);
  });

  it("beta on another cloud's Graph root is a usage error", async () => {
    await expect(
      check(["--target", "https://graph.microsoft.us/beta"], { GRAPH_TOKEN_APP: fakeAppToken }),
    ).rejects.toThrow(/^--target: the beta endpoint is documented for the global cloud only, not usgov-l4/);
  });
});

describe("a live target gets tokens only where the client would send them (issue 10, finding 2)", () => {
  it.each([
    [
      "plain http to another host",
      "http://graph.example.com/v1.0",
      /^--target: http:\/\/graph\.example\.com uses http to a non-loopback host: expected https/,
    ],
    ["another scheme", "ftp://graph.example.com/v1.0", /^--target: .* has the scheme ftp:: expected https$/],
  ])("%s is refused before any request", async (_name, url, message) => {
    await expect(check(["--target", url], { GRAPH_TOKEN_APP: fakeAppToken })).rejects.toThrow(message);
  });

  it("credentials in the URL are refused and never printed", async () => {
    for (const url of [
      "https://alice:s3cr3t-pw@graph.example.com/v1.0",
      "http://alice:s3cr3t-pw@127.0.0.1:9/v1.0",
      "https://alice:s3cr3t-pw@graph.example.com:bad/v1.0",
    ]) {
      const error = await check(["--target", url], { GRAPH_TOKEN_APP: fakeAppToken }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^--target: /);
      expect(error?.message).not.toContain("s3cr3t-pw");
      expect(error?.message).not.toContain("alice");
    }
  });

  it("http to loopback stays allowed (the mock, a local proxy)", async () => {
    const server = await countingServer();
    try {
      // The server refuses every token: the preflight request reached it, and the run stops there.
      await expect(check(["--target", server.url], { GRAPH_TOKEN_APP: fakeAppToken })).rejects.toThrow(
        /^GRAPH_TOKEN_APP: the target refuses the token \(401 InvalidAuthenticationToken: "no"\)/,
      );
      expect(server.count()).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("every output path is checked before the first request", () => {
  let server: Awaited<ReturnType<typeof countingServer>>;
  beforeAll(async () => {
    server = await countingServer();
  });
  afterAll(() => server.close());

  it.each([
    [
      "--record in a missing directory",
      (dir: string) => ["--record", join(dir, "nodir", "x.ndjson")],
      /^--record .*x\.ndjson: cannot write it: no such file or directory \(ENOENT\)$/,
    ],
    [
      "--record on a directory",
      (dir: string) => ["--record", dir],
      /^--record .*: it is a directory, expected a file$/,
    ],
    [
      "--out on a file",
      (dir: string) => (writeFileSync(join(dir, "afile"), "x"), ["--reporter", "json", "--out", join(dir, "afile")]),
      /^--out .*afile: it is a file, expected a directory/,
    ],
    [
      "--out under /proc",
      () => ["--reporter", "json", "--out", "/proc/nope"],
      /^--out \/proc\/nope: cannot write reports there: /,
    ],
    [
      "--out under a file",
      (dir: string) => (writeFileSync(join(dir, "f"), "x"), ["--reporter", "html", "--out", join(dir, "f", "sub")]),
      /^--out .*: cannot write reports there: a part of the path is not a directory/,
    ],
  ])(
    "%s: one sentence, no request",
    async (_name, args, message) => {
      const before = server.count();
      await expect(
        check(["--target", server.url, ...args(tempDir())], { GRAPH_TOKEN_APP: fakeAppToken }),
      ).rejects.toThrow(message);
      expect(server.count()).toBe(before);
    },
    10_000,
  );

  it("an unwritable GITHUB_STEP_SUMMARY is found before the run too", async () => {
    const dir = tempDir();
    await expect(
      check(["--reporter", "github"], { GITHUB_STEP_SUMMARY: join(dir, "no", "summary.md") }),
    ).rejects.toThrow(/^\$GITHUB_STEP_SUMMARY .*: cannot write it: no such file/);
  });

  it("a missing --out directory and its parents are made", async () => {
    const dir = join(tempDir(), "a", "b");
    const { code, err } = await check(["--checks", "content-type", "--reporter", "json", "--out", dir]);
    expect(code).toBe(0);
    expect(existsSync(join(dir, "tap-contract.json"))).toBe(true);
    expect(err).toContain(`reports: ${join(dir, "tap-contract.json")}`);
  });
});

describe("no silent run", () => {
  it("with only file reporters, a failing run ends with its verdict and the report paths", async () => {
    const dir = tempDir();
    const { code, out, err } = await check([
      "--mock-scenario",
      "wrong-id",
      "--checks",
      "get-id-matches-request",
      "--reporter",
      "json,junit",
      "--out",
      dir,
    ]);
    expect(code).toBe(1);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^tap-contract check: 1 check against the embedded mock http:\/\/127\.0\.0\.1:\d+\/v1\.0, writes allowed$/,
    );
    expect(lines.at(-2)).toMatch(/^tap-contract check: FAIL: \d+ outcomes: \d+ passed, [1-9]\d* failed/);
    expect(lines.at(-1)).toBe(`reports: ${join(dir, "tap-contract.json")}, ${join(dir, "junit.xml")}`);
  });

  it("a recording is named among the outputs", async () => {
    const dir = tempDir();
    const file = join(dir, "run.ndjson");
    const { err } = await check(["--checks", "content-type", "--record", file]);
    expect(err.trimEnd().split("\n").at(-1)).toBe(`reports: ${file}`);
  });

  it("a replay with only file reporters says its verdict too", async () => {
    const dir = tempDir();
    const file = join(dir, "other.ndjson");
    writeFileSync(
      file,
      `${JSON.stringify({
        request: { method: "GET", url: "https://graph.microsoft.com/v1.0/me", headers: {} },
        response: { status: 200, headers: {} },
      })}\n`,
    );
    let out = "";
    const err = fakeStderr();
    const code = await runReplay([file, "--reporter", "json", "--out", dir], {
      stdout: (t) => void (out += t),
      env: {},
      color: false,
      stderr: err.stream,
    });
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.text()).toMatch(/^tap-contract replay: NOTHING CHECKED: \d+ outcomes: 0 passed/m);
    expect(err.text()).toContain(`reports: ${join(dir, "tap-contract.json")}`);
  });
});

describe("allowlist entries that matched nothing are reported", () => {
  it("names the unused entry on one line", async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "allow.json");
    writeFileSync(
      path,
      JSON.stringify({
        deviations: [
          { check: "get-id-matches-request", operation: "*", reason: "used", expires: "2999-01-01" },
          {
            check: "content-type",
            operation: "GET /me/authentication/temporaryAccessPassMethods",
            reason: "unused",
            expires: "2999-01-01",
          },
        ],
      }),
    );
    const { code, err } = await check([
      "--mock-scenario",
      "wrong-id",
      "--checks",
      "get-id-matches-request,content-type",
      "--allowlist",
      path,
    ]);
    expect(code).toBe(0);
    expect(err).toContain(
      "tap-contract check: allowlist entry deviations[1] (content-type, GET " +
        "/me/authentication/temporaryAccessPassMethods) matched no failure in this run\n",
    );
    expect(err).not.toContain("deviations[0]");
  });
});

describe("smaller things of a first run", () => {
  it.each([
    [["--timeout", "-1"], /^--timeout: expected a whole number above 0, got "-1"$/],
    // Node fires a longer timer at once: the run would time out every request.
    [
      ["--timeout", "2147483648"],
      /^--timeout: expected at most 2147483647 ms \(the longest a timer holds\), got "2147483648"$/,
    ],
    [["--max-body", "-5"], /^--max-body: expected a whole number above 0, got "-5"$/],
    [
      ["--allowlist", "/nonexistent/allow.json"],
      /^cannot read allowlist \/nonexistent\/allow\.json: no such file or directory \(ENOENT\)$/,
    ],
  ])("%j is one clear line", async (argv, message) => {
    await expect(check(argv)).rejects.toThrow(message);
  });

  it("--severity takes any case", async () => {
    expect(
      (await check(["--mock-scenario", "extra-property", "--checks", "undocumented-properties", "--severity", "LOW"]))
        .code,
    ).toBe(1);
  });

  it("check --help lists every scenario", async () => {
    const { checkCommand } = await import("../../conformance/cli/commands/check.js");
    const { scenarioNames } = await import("../../src/mock/index.js");
    for (const name of scenarioNames) expect(checkCommand.help).toContain(name);
  });

  it("the progress on a non-terminal prints a line per finished check (at most one per interval)", async () => {
    const { consoleProgress } = await import("../../conformance/cli/progress.js");
    const err = fakeStderr();
    const progress = consoleProgress(err.stream, { everyMs: 0 });
    progress({ kind: "check", check: "content-type", index: 1, of: 2, outcomes: [] });
    expect(err.text()).toBe("… [1/2] content-type done\n");
    let t = 0;
    const slow = fakeStderr();
    const throttled = consoleProgress(slow.stream, { everyMs: 5000, now: () => t });
    t = 4999;
    throttled({ kind: "check", check: "a", index: 1, of: 3, outcomes: [] });
    t = 5000;
    throttled({ kind: "check", check: "b", index: 2, of: 3, outcomes: [] });
    expect(slow.text()).toBe("… [2/3] b done\n");
  });

  it("an unusable mock port is said in words", async () => {
    const { main } = await import("../../conformance/cli/index.js");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => void lines.push(line);
    try {
      expect(await main(["mock", "--port", String(port)])).toBe(2);
    } finally {
      console.error = original;
      blocker.close();
    }
    expect(lines).toEqual([
      `tap-contract mock: cannot listen on 127.0.0.1:${port}: the address is already in use (EADDRINUSE)`,
    ]);
  });
});
