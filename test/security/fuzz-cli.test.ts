// Bounded fuzzing of the CLI's argument parsing, through main() as the binary runs it: any
// argv ends with exit 0, 1 or 2, never a throw, and every refusal is one line on stderr naming
// the command. No fuzzed argument can send traffic or write outside a temporary folder: each
// argv ends with a forced --out (and, for check, a forced --target on a closed loopback port
// and a forced --record), and parseArgs keeps the last value of a flag.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import { commonFlags } from "../../conformance/cli/common-options.js";

const dir = mkdtempSync(join(tmpdir(), "tap-fuzz-cli-"));
const recording = join(dir, "one.ndjson");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let errors: string[] = [];
beforeAll(() => {
  // One faithful exchange the replay command can read.
  writeFileSync(
    recording,
    `${JSON.stringify({
      request: {
        method: "GET",
        url: "https://graph.microsoft.com/v1.0/me/authentication/temporaryAccessPassMethods",
        headers: {},
      },
      response: { status: 200, headers: { "content-type": "application/json" }, body: { value: [] } },
    })}\n`,
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function quiet(): void {
  errors = [];
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.map(String).join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
}

const flags = [
  ...Object.keys(commonFlags),
  "format",
  "target",
  "cloud",
  "user",
  "method",
  "test-user",
  "allow-writes",
  "timeout",
  "max-body",
  "mock-scenario",
  "record",
  "help",
  "nope",
].map((f) => `--${f}`);
const values = fc.oneof(
  fc.constantFrom(
    "all",
    "none",
    "console",
    "html,json",
    "critical",
    "low",
    "-1",
    "0",
    "1e9",
    "NaN",
    "",
    " ",
    "global",
    "china",
    "usgov-l4",
    "har",
    "ndjson",
    "secret-on-read",
    "x,,y",
    "not-a-check",
    "status-code-documented",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);
const argv = fc.array(
  fc.oneof(fc.constantFrom(...flags), values, fc.constantFrom("-h", "-x", "--", "--out=", `--checks=${"a".repeat(3)}`)),
  { maxLength: 7 },
);

const seen = { replay: new Set<number>(), check: new Set<number>() };

async function verdict(args: string[], command: "replay" | "check"): Promise<void> {
  const code = await main(args);
  seen[command].add(code);
  expect([0, 1, 2]).toContain(code);
  const text = errors.join("\n");
  expect(text).not.toMatch(/unexpected error|\n\s+at /);
  if (code === 2 && text !== "") {
    expect(text.split("\n")).toHaveLength(1);
    expect(text).toMatch(new RegExp(`^tap-contract(?: ${command})?: `));
  }
}

describe("CLI argument parsing under fuzzing", () => {
  it("replay: any argv is a run or a one-line usage error", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(argv, fc.constantFrom(recording, join(dir, "missing.ndjson"), "", "-"), async (args, file) => {
        quiet();
        await verdict(["replay", ...(file ? [file] : []), ...args, "--out", join(dir, `replay-${n++}`)], "replay");
      }),
      { numRuns: 60 },
    );
    // The fuzzer got both past the parser (a run: 0 or 1) and into its refusals (2).
    expect([...seen.replay].sort()).toEqual(expect.arrayContaining([2]));
    expect([...seen.replay].some((c) => c === 0 || c === 1)).toBe(true);
  }, 60_000);

  it("check: any argv is a run or a one-line usage error, and nothing leaves 127.0.0.1", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        quiet();
        vi.stubEnv("GRAPH_TOKEN_APP", "not-a-token");
        await verdict(
          [
            "check",
            ...args,
            "--target",
            "http://127.0.0.1:1/v1.0",
            "--record",
            join(dir, `rec-${n}.ndjson`),
            "--out",
            join(dir, `check-${n++}`),
          ],
          "check",
        );
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("names the command in each one-line refusal", async () => {
    quiet();
    expect(await main(["replay", recording, "--severity", "loud", "--out", join(dir, "x")])).toBe(2);
    expect(errors).toEqual([
      expect.stringMatching(
        /^tap-contract replay: --severity: expected one of critical, high, medium, low, got "loud"$/,
      ),
    ]);
  });
});
