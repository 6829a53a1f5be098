/** `tap-contract mock` and `tap-contract token`: flags, errors, and both commands for real. */
import { spawn } from "node:child_process";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMockArgs } from "../../conformance/cli/commands/mock.js";
import { parseTokenArgs, tokenCommand } from "../../conformance/cli/commands/token.js";
import { main } from "../../conformance/cli/index.js";
import { UsageError } from "../../src/errors.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { bin, repoRoot } from "../support/paths.js";
import { ids } from "./helpers.js";

describe("mock flags", () => {
  it("parses every option", () => {
    const options = parseMockArgs([
      "--port",
      "8080",
      "--host",
      "127.0.0.2",
      "--https",
      "--clock",
      "2026-03-01T09:00:00Z",
      "--faults",
      "throttle,drop",
      "--fault-rate",
      "0.25",
      "--fault-seed",
      "9",
      "--latency-ms",
      "10",
      "--scenarios",
      "two-methods,wrong-id",
    ]);
    expect(options).toMatchObject({
      port: 8080,
      host: "127.0.0.2",
      https: true,
      clock: "2026-03-01T09:00:00Z",
      faults: { kinds: ["throttle", "drop"], rate: 0.25, seed: 9, latencyMs: 10 },
      scenarios: { always: ["two-methods", "wrong-id"] },
    });
    expect(parseMockArgs(["--scenarios", "header"]).scenarios).toBe(true);
    expect(parseMockArgs(["--faults", "all"]).faults?.kinds).toHaveLength(8);
  });

  it.each([
    [["--port", "70000"], '--port must be an integer 0..65535, got "70000"'],
    [["--port", "1e3"], '--port must be an integer 0..65535, got "1e3"'],
    [["--clock", "tomorrow"], '--clock must be an ISO 8601 date such as 2026-01-01T09:00:00Z, got "tomorrow"'],
    [["--faults", "throttle", "--fault-rate", "2"], '--fault-rate must be a number 0..1, got "2"'],
    [["--fault-rate", "0.5"], "--fault-rate needs --faults KINDS"],
    [
      ["--scenarios", "chaos"],
      /--scenarios: unknown scenario "chaos": expected "header" or a comma list of secret-on-read/,
    ],
    [
      ["--fixtures", "/nonexistent/fixtures.json"],
      "cannot read fixtures file /nonexistent/fixtures.json: no such file or directory (ENOENT)",
    ],
    [["--bogus"], /Unknown option '--bogus'/],
  ] as const)("refuses %j with one line", (argv, message) => {
    expect(() => parseMockArgs([...argv])).toThrow(message);
  });
});

describe("token flags", () => {
  it("builds a password or client credentials request", () => {
    const user = parseTokenArgs(["--url", "http://127.0.0.1:1", "--user", "adele", "--scopes", "A,B C"]);
    expect(Object.fromEntries(user.form)).toMatchObject({
      grant_type: "password",
      username: "adele@contoso.onmicrosoft.com",
      scope: "A B C",
    });
    const app = parseTokenArgs(["--url", "http://127.0.0.1:1", "--app", "00000000-0000-0000-0000-00000000a11c"]);
    expect(Object.fromEntries(app.form)).toMatchObject({
      grant_type: "client_credentials",
      client_secret: "mock-client-secret",
    });
  });

  it.each([
    [["--user", "adele"], "--url is required"],
    [["--url", "nope", "--user", "adele"], '--url must be an http(s) URL such as http://127.0.0.1:8080, got "nope"'],
    [["--url", "http://127.0.0.1:1"], "give exactly one of --user NAME or --app CLIENT_ID"],
    [["--url", "http://127.0.0.1:1", "--app", "x", "--scopes", "A"], /--scopes applies to --user only/],
  ] as const)("refuses %j", (argv, message) => {
    expect(() => parseTokenArgs([...argv])).toThrow(UsageError);
    expect(() => parseTokenArgs([...argv])).toThrow(message);
  });
});

describe("tap-contract token against a running mock", () => {
  let mock: MockGraph;
  beforeAll(async () => {
    mock = await startMockGraph({ port: 0 });
  });
  afterAll(() => mock.close());

  it("prints a token the mock accepts", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(
      await tokenCommand.run(["--url", mock.url, "--user", "grace", "--scopes", "UserAuthenticationMethod.Read.All"]),
    ).toBe(0);
    const printed = String(log.mock.calls[0]?.[0]);
    expect(decodeJwt(printed)).toMatchObject({ oid: ids.grace, scp: "UserAuthenticationMethod.Read.All" });
    const res = await fetch(`${mock.graphUrl}/users/${ids.megan}/authentication/temporaryAccessPassMethods`, {
      headers: { authorization: `Bearer ${printed}` },
    });
    expect(res.status).toBe(200);
  });

  it("exits 2 with one line for refused credentials and an unreachable mock", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await main(["token", "--url", mock.url, "--user", "adele", "--password", "wrong"])).toBe(2);
    expect(String(err.mock.calls[0]?.[0])).toMatch(
      /^tap-contract token: the mock refused the token request: invalid_grant: AADSTS50126: Error validating credentials/,
    );
    expect(String(err.mock.calls[0]?.[0])).not.toContain("wrong");
    const closed = await startMockGraph({ port: 0 });
    await closed.close();
    expect(await main(["token", "--url", closed.url, "--app", "x"])).toBe(2);
    expect(String(err.mock.calls[1]?.[0])).toBe(
      `tap-contract token: cannot reach the mock at ${closed.url}: connection refused (ECONNREFUSED); is ` +
        `\`tap-contract mock\` running there?`,
    );
  });
});

describe("tap-contract mock", () => {
  it("serves until SIGTERM, printing its URLs, and exits 0", async () => {
    const child = spawn(bin("tsx"), ["conformance/cli/bin.ts", "mock", "--port", "0"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const firstLines = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("tenant:")) resolve(out);
        });
        child.on("exit", (code) => reject(new Error(`mock exited early with ${code}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(firstLines)![1]!;
      expect(firstLines).toContain(`Graph:  ${url}/v1.0`);
      const res = await fetch(`${url}/v1.0/me/authentication/temporaryAccessPassMethods`);
      expect(res.status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
