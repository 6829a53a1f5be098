// The conformance runner against a hostile server: every misbehaviour ends as failures or
// errors in the report (exit 1), or, with no complete answer in time, as "unreachable" before any
// check (exit 2), never a crash, a stack or a hang, and no token leaks. Every
// mode runs through the CLI's main() in this process; the modes that could keep a process
// alive (a stalled answer, an endless or dripping body) also run the real binary as a child,
// which must exit by itself.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import type { RunResult } from "../../conformance/run/result.js";
import { repoRoot } from "../support/paths.js";
import { hostileModes, startHostileServer, type HostileMode, type HostileServer } from "../support/hostile-server.js";

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
// An application token as the runner reads it (claims only; the hostile server checks nothing).
const TOKEN = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({
  aud: "https://graph.microsoft.com",
  idtyp: "app",
  roles: ["UserAuthenticationMethod.Read.All"],
  tid: "c0a70000-0000-4000-8000-000000000000",
  exp: 4102444800,
})}.c2lnbmF0dXJlLXJ1bm5lci1mYXVsdHM`;
const SIGNATURE = TOKEN.split(".")[2]!;
const TIMEOUT_MS = "300";
/** Modes with no complete answer within the deadline: the preflight finds the target unreachable (exit 2, issue 18). */
const silent: ReadonlySet<HostileMode> = new Set(["stall", "never-ending", "slow-drip"]);
const unreachableLine = new RegExp(`is unreachable: no complete response within ${TIMEOUT_MS} ms`);

let server: HostileServer;
let out: string;
beforeAll(async () => {
  server = await startHostileServer();
  out = mkdtempSync(join(tmpdir(), "tap-runner-faults-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

function args(mode: HostileMode, dir: string): string[] {
  return [
    "check",
    "--target",
    server.base(mode),
    "--timeout",
    // The modes that answer at once get a deadline no loaded machine misses (they run side by side).
    silent.has(mode) ? TIMEOUT_MS : "5000",
    "--reporter",
    "console,json,junit,html",
    "--out",
    dir,
  ];
}

function readReports(dir: string): { result: RunResult; all: string } {
  const files = readdirSync(dir);
  return {
    result: JSON.parse(readFileSync(join(dir, "tap-contract.json"), "utf8")) as RunResult,
    all: files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n"),
  };
}

describe("the runner against a hostile server, through main()", () => {
  const codes = new Map<HostileMode, number>();
  const printed: string[] = [];

  beforeAll(async () => {
    vi.stubEnv("GRAPH_TOKEN_APP", TOKEN);
    // main() prints through console and stdout; the modes run side by side, so keep it all together.
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" ")));
    vi.spyOn(process.stdout, "write").mockImplementation(
      (chunk: string | Uint8Array) => (printed.push(String(chunk)), true),
    );
    await Promise.all(hostileModes.map(async (mode) => codes.set(mode, await main(args(mode, join(out, mode))))));
    vi.unstubAllEnvs();
  }, 120_000);

  it("printed no crash and no token", () => {
    const text = printed.join("\n");
    expect(text).not.toMatch(/unexpected error|\n\s+at /);
    expect(text).not.toContain(SIGNATURE);
    expect(text).toMatch(/FAIL/);
  });

  it.each([...silent].map((m) => [m]))("%s: unreachable at once (exit 2), one line, no report", (mode) => {
    expect(codes.get(mode)).toBe(2);
    expect(existsSync(join(out, mode, "tap-contract.json"))).toBe(false);
    expect(printed.join("\n")).toMatch(unreachableLine);
  });

  it.each(hostileModes.filter((m) => !silent.has(m)).map((m) => [m]))(
    "%s: exit 1 with failures or errors in every report, no crash",
    (mode) => {
      expect(codes.get(mode)).toBe(1);
      const { result, all } = readReports(join(out, mode));
      expect(result.exitCode).toBe(1);
      expect(result.totals.fail + result.totals.error).toBeGreaterThan(0);
      expect(all).toContain("<!doctype html>");
      expect(all).not.toContain(SIGNATURE);
    },
  );

  it("names the transport problem in the errors it reports", () => {
    const messages = (mode: HostileMode) =>
      readReports(join(out, mode))
        .result.outcomes.filter((o) => o.status === "error")
        .map((o) => o.message ?? "")
        .join("\n");
    expect(messages("reset")).toMatch(/reset|ECONNRESET/i);
    expect(messages("huge-body")).toMatch(/limit/i);
  });

  it("never carries the token to the host a redirect points at", () => {
    expect(server.received.some((r) => r.mode === "redirect-other-host")).toBe(true);
    for (const r of server.otherHost.received) expect(r.authorization).toBeUndefined();
  });
});

describe("the tap-contract binary against a hostile server", () => {
  it.concurrent.each([["stall"], ["never-ending"], ["slow-drip"]] as const)(
    "%s: the process exits by itself with code 2 (unreachable)",
    async (mode) => {
      const dir = join(out, `child-${mode}`);
      const { code, signal, stdout, stderr } = await new Promise<{
        code: number | null;
        signal: string | null;
        stdout: string;
        stderr: string;
      }>((resolve) => {
        const child = execFile(
          process.execPath,
          ["--import", "tsx", join(repoRoot, "conformance/cli/bin.ts"), ...args(mode, dir)],
          {
            cwd: repoRoot,
            env: { ...process.env, GRAPH_TOKEN_APP: TOKEN, NO_COLOR: "1" },
            timeout: 90_000,
          },
          (_err, so, se) => resolve({ code: child.exitCode, signal: child.signalCode, stdout: so, stderr: se }),
        );
      });
      expect(signal).toBeNull();
      expect(code).toBe(2);
      expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(stderr).toMatch(unreachableLine);
      expect(`${stdout}${stderr}`).not.toContain(SIGNATURE);
    },
    100_000,
  );
});
