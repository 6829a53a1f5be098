// Every run ends with its reports: a replay of 100 entries, each carrying about 0.9 MB of
// undocumented data (under the 1 MiB entry cap), writes every report (console, JSON, HTML,
// JUnit, job summary) within 20 MiB in total and 700 MiB of memory, measured in a child
// process. Before samples were bounded, the JSON report of such a run held every distinct
// violation's whole body (and, with longer bodies, its writer threw `Invalid string length`).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "tap-report-size-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";

/** A faithful Get whose body also carries `extra` (undocumented properties). */
function entry(extra: Record<string, unknown>): string {
  return JSON.stringify({
    request: {
      method: "GET",
      url: `https://graph.microsoft.com/v1.0/users/${USER}/authentication/temporaryAccessPassMethods/${METHOD}`,
      headers: {},
    },
    response: {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        "@odata.context":
          `https://graph.microsoft.com/v1.0/$metadata#users('${USER}')/authentication/` +
          `temporaryAccessPassMethods/$entity`,
        id: METHOD,
        temporaryAccessPass: null,
        createdDateTime: "2026-01-01T00:00:00Z",
        startDateTime: "2026-01-01T00:00:00Z",
        lifetimeInMinutes: 60,
        isUsableOnce: false,
        isUsable: true,
        methodUsabilityReason: "EnabledByPolicy",
        ...extra,
      },
    },
  });
}

/** Half the entries hold thousands of properties, half one long string; each distinct by name. */
function recording(path: string): void {
  const lines: string[] = [];
  for (let i = 0; i < 100; i++) {
    const extra: Record<string, unknown> = {};
    if (i % 2 === 0) for (let k = 0; k < 9_000; k++) extra[`extra${i}_${k}`] = "v".repeat(90);
    else extra[`long${i}`] = { nested: ["x".repeat(900_000)] };
    lines.push(entry(extra));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function runChild(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/measured-cli.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a replay of large undocumented bodies", () => {
  it("writes every report, under 20 MiB in total and 700 MiB of memory", { timeout: 180_000 }, async () => {
    const file = join(dir, "large.ndjson");
    recording(file);
    const out = join(dir, "out");
    const run = await runChild([
      "replay",
      file,
      "--reporter",
      "console,json,junit,html,github",
      "--severity",
      "low",
      "--out",
      out,
    ]);
    expect(run.stderr).not.toMatch(/likely a bug|cannot (write|render)/);
    expect(run.code).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toEqual(["junit.xml", "report.html", "summary.md", "tap-contract.json"]);
    const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0) + Buffer.byteLength(run.stdout);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
    expect(run.stdout).toContain("undocumented-properties");
    const rss = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1]);
    expect(rss).toBeGreaterThan(0);
    expect(rss * 1024).toBeLessThan(700 * 1024 * 1024);
  });
});
