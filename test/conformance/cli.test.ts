// The CLI end to end: the default check against the embedded mock, a live target (the mock as
// a separate server, tokens in environment variables), flags, clouds, exit codes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import { renderCatalog } from "../../conformance/cli/commands/checks.js";
import { main } from "../../conformance/cli/index.js";
import { checkIds } from "../../conformance/checks/index.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { tempDir } from "./recordings.js";

/** Runs `tap-contract check` in-process, capturing standard output. */
async function check(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await runCheck(argv, { stdout: (t) => void (out += t), env, color: false });
  return { code, out };
}

/** `main()` with console and stdout captured: exit code and the lines printed. */
async function cli(argv: string[]): Promise<{ code: number; stderr: string[]; stdout: string }> {
  const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    const code = await main(argv);
    return {
      code,
      stderr: err.mock.calls.map((c) => String(c[0])),
      stdout: stdout + log.mock.calls.map((c) => String(c[0])).join("\n"),
    };
  } finally {
    err.mockRestore();
    log.mockRestore();
    write.mockRestore();
  }
}

describe("tap-contract check against the embedded mock", () => {
  it("prints a passing report and exits 0", async () => {
    const dir = tempDir();
    const { code, out } = await check(["--reporter", "console,junit,json", "--out", dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/\nPASS\n$/);
    expect(out).toMatch(/\d+ outcomes: \d+ passed, 0 failed, 0 errors, 0 skipped, 0 known deviations/);
    expect(readFileSync(join(dir, "junit.xml"), "utf8")).toContain('<testsuites name="tap-contract"');
    expect(JSON.parse(readFileSync(join(dir, "tap-contract.json"), "utf8"))).toMatchObject({
      schemaVersion: 1,
      exitCode: 0,
    });
  });

  it("exits 1 when a scenario breaks the contract, 0 when the failure is below --severity", async () => {
    expect((await check(["--mock-scenario", "wrong-id", "--checks", "get-id-matches-request"])).code).toBe(1);
    expect((await check(["--mock-scenario", "extra-property", "--checks", "undocumented-properties"])).code).toBe(0);
    expect(
      (await check(["--mock-scenario", "extra-property", "--checks", "undocumented-properties", "--severity", "low"]))
        .code,
    ).toBe(1);
  });

  it("accepts a known deviation from an allowlist until it expires", async () => {
    const dir = tempDir();
    const write = (expires: string) => {
      const path = join(dir, `allow-${expires}.json`);
      writeFileSync(
        path,
        JSON.stringify({ deviations: [{ check: "get-id-matches-request", operation: "*", reason: "known", expires }] }),
      );
      return path;
    };
    const args = ["--mock-scenario", "wrong-id", "--checks", "get-id-matches-request"];
    const live = await check([...args, "--allowlist", write("2999-01-01")]);
    expect(live.code).toBe(0);
    expect(live.out).toContain("known deviation until 2999-01-01");
    const expired = await check([...args, "--allowlist", write("2020-01-01")]);
    expect(expired.code).toBe(1);
    expect(expired.out).toContain("expired allowlist entry: get-id-matches-request");
  });
});

describe("tap-contract check --target (the mock as a separate server)", () => {
  let mock: MockGraph;
  let env: Record<string, string>;
  const megan = "c0a70000-0000-4000-8000-000000000004";
  const nestor = "c0a70000-0000-4000-8000-000000000005";

  beforeAll(async () => {
    mock = await startMockGraph();
    env = {
      GRAPH_TOKEN_APP: await mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c" }),
      GRAPH_TOKEN_SELF: await mock.issueToken({ user: "nestor" }),
      GRAPH_TOKEN_ADMIN: await mock.issueToken({ user: "adele" }),
      GRAPH_TOKEN_EXPIRED: await mock.issueToken({ user: "megan", expiresInSeconds: -3600 }),
    };
  });
  afterAll(() => mock.close());

  it("runs read-only by default: passes what it can judge, skips writes and rows it has no token for", async () => {
    const dir = tempDir();
    const { code, out } = await check(
      ["--target", mock.graphUrl, "--user", megan, "--reporter", "console,json", "--out", dir],
      env,
    );
    expect(code).toBe(0);
    expect(out).toContain(`live ${mock.graphUrl}, read-only`);
    const result = JSON.parse(readFileSync(join(dir, "tap-contract.json"), "utf8")) as {
      outcomes: Array<{ check: string; status: string; message?: string; operation: string }>;
    };
    const byStatus = (s: string) => result.outcomes.filter((o) => o.status === s);
    expect(byStatus("fail")).toEqual([]);
    expect(byStatus("error")).toEqual([]);
    expect(
      result.outcomes.find((o) => o.check === "rejects-expired-token" && o.operation.startsWith("GET /users"))?.status,
    ).toBe("pass");
    expect(result.outcomes.some((o) => o.check === "secret-on-create" && o.status === "skip")).toBe(true);
    expect(
      byStatus("skip")
        .filter((o) => o.operation.startsWith("POST") || o.operation.startsWith("DELETE"))
        .every((o) => /writes are not allowed|needs|no exchange/.test(o.message ?? "")),
    ).toBe(true);
    // No given token carries exactly one least-privileged permission: those rows are skipped, never passed.
    expect(
      result.outcomes.filter((o) => o.check === "least-privilege-suffices").every((o) => o.status === "skip"),
    ).toBe(true);
  });

  it("with --allow-writes and a test user, creates and deletes passes for that user only", async () => {
    const { code, out } = await check(
      ["--target", mock.graphUrl, "--user", megan, "--allow-writes", "--test-user", nestor],
      env,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/✓ create-replaces-previous/);
    expect(out).toMatch(/✓ secret-on-create/);
  });

  it("records NDJSON that replays green, without tokens", async () => {
    const dir = tempDir();
    const file = join(dir, "run.ndjson");
    expect((await check(["--target", mock.graphUrl, "--user", megan, "--record", file], env)).code).toBe(0);
    const text = readFileSync(file, "utf8");
    for (const token of Object.values(env)) expect(text).not.toContain(token);
    expect((await cli(["replay", file, "--out", dir])).code).toBe(0);
  });
});

describe("bad input: exit 2 with one line", () => {
  it.each([
    [["check", "--bogus"], /^tap-contract check: Unknown option '--bogus' \(see tap-contract check --help\)$/],
    [["check", "--checks", "nope"], /^tap-contract check: --checks: unknown check "nope": expected "all" or some of /],
    [
      ["check", "--severity", "urgent"],
      /^tap-contract check: --severity: expected one of critical, high, medium, low, got "urgent"$/,
    ],
    [
      ["check", "--reporter", "xml"],
      /^tap-contract check: --reporter: unknown reporter "xml": expected some of console, json, junit, github/,
    ],
    [
      ["check", "--target", "ftp://example.test"],
      /^tap-contract check: --target: ftp:\/\/example\.test has the scheme ftp:: expected https$/,
    ],
    [
      ["check", "--target", "https://graph.microsoft.com/v1.0", "--cloud", "china"],
      /^tap-contract check: the Temporary Access Pass API is not available in the China operated by 21Vianet cloud \("china"\) on Graph v1\.0$/,
    ],
    [
      ["check", "--target", "https://microsoftgraph.chinacloudapi.cn/v1.0"],
      /not available in the China operated by 21Vianet cloud/,
    ],
    [
      ["check", "--target", "https://graph.microsoft.com/v1.0", "--cloud", "usgov-l4"],
      /--cloud usgov-l4 does not match --target graph\.microsoft\.com/,
    ],
    [
      ["check", "--target", "https://graph.microsoft.com/v1.0", "--allow-writes"],
      /--allow-writes needs --test-user ID/,
    ],
    [["check", "--user", "x"], /--user needs --target/],
    [
      ["check", "--mock-scenario", "nope"],
      /--mock-scenario: unknown scenario "nope": expected some of secret-on-read, /,
    ],
    [
      ["check", "--allowlist", "/nonexistent/allow.json"],
      /cannot read allowlist \/nonexistent\/allow\.json: no such file or directory \(ENOENT\)$/,
    ],
    [["replay"], /expected one recording FILE, got none/],
    [["replay", "a.har", "--format", "xml"], /--format: expected har or ndjson, got "xml"/],
    [["checks", "--format", "yaml"], /--format: expected text, markdown or json, got "yaml"/],
  ])("%j", async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });

  it("a token that is not a JWT", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const saved = process.env.GRAPH_TOKEN_BROKEN;
    process.env.GRAPH_TOKEN_BROKEN = "opaque-token";
    try {
      expect(await main(["check", "--target", "https://graph.microsoft.com/v1.0"])).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toBe(
        "tap-contract check: GRAPH_TOKEN_BROKEN: not a JWT access token (expected the token Graph accepts, without " +
          '"Bearer ")',
      );
    } finally {
      if (saved === undefined) delete process.env.GRAPH_TOKEN_BROKEN;
      else process.env.GRAPH_TOKEN_BROKEN = saved;
      err.mockRestore();
    }
  });
});

describe("credentials from the environment", () => {
  it.each([
    [
      { AZURE_CLIENT_ID: "x" },
      "https://graph.microsoft.com/v1.0",
      /^AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET must be set together$/,
    ],
    [
      { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "x", AZURE_CLIENT_SECRET: "s" },
      "http://127.0.0.1:9/v1.0",
      /^AZURE_\* credentials need a national cloud: give --cloud, or a --target on a Graph root$/,
    ],
  ])("%j with %s is a usage error", async (env, target, message) => {
    await expect(runCheck(["--target", target], { stdout: () => undefined, env, color: false })).rejects.toThrow(
      message,
    );
  });
});

describe("tap-contract checks", () => {
  it("lists every check with its severity and description", async () => {
    const { code, stdout } = await cli(["checks"]);
    expect(code).toBe(0);
    for (const id of checkIds) expect(stdout).toContain(`${id}  [`);
    const json = JSON.parse(renderCatalog("json")) as Array<{ id: string; description: string }>;
    expect(json.map((c) => c.id)).toEqual(checkIds);
    expect(json.every((c) => c.description.length > 60)).toBe(true);
  });
});
