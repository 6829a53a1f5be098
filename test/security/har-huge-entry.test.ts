// A HAR entry of any size is skipped and counted, in bounded memory: the entry is never built
// whole. A 160 MiB entry (one string; far over the 1 MiB entry cap, and cheap to write) is
// replayed by a child process whose heap is held to 96 MiB: building the entry, as the reader
// did before, needs more than that and ends the process; streaming it needs a few MiB.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "tap-har-huge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GET =
  "https://graph.microsoft.com/v1.0/users/5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01/authentication/" +
  "temporaryAccessPassMethods";

function entry(text: string): string {
  return JSON.stringify({
    request: { method: "GET", url: GET, headers: [] },
    response: { status: 200, headers: [{ name: "content-type", value: "application/json" }], content: { text } },
  });
}

/** Writes `{"log":{"entries":[small, huge, small]}}` in pieces, never holding the huge one. */
function writeHar(path: string, hugeMiB: number): void {
  const fd = openSync(path, "w");
  const small = entry(JSON.stringify({ value: [] }));
  writeSync(fd, `\uFEFF{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[${small},`);
  const [head, tail] = entry("\u0000").split("\\u0000") as [string, string];
  writeSync(fd, head);
  const mib = Buffer.alloc(1024 * 1024, "a");
  for (let i = 0; i < hugeMiB; i++) writeSync(fd, mib);
  writeSync(fd, `${tail},${small}]}}`);
  closeSync(fd);
}

describe("a HAR entry far over the entry cap", () => {
  it("is skipped and counted by a replay held to a 96 MiB heap", { timeout: 180_000 }, async () => {
    const file = join(dir, "huge.har");
    writeHar(file, 160);
    const out = join(dir, "out");
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          "--max-old-space-size=96",
          "--import",
          "tsx",
          "test/support/measured-cli.ts",
          ...["replay", file, "--reporter", "json", "--out", out],
        ],
        { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } },
      );
      let stderr = "";
      child.stdout.resume();
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(run.stderr).not.toMatch(/heap out of memory|likely a bug/);
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as {
      recording: { exchanges: number; skipped?: number; firstSkipped?: string };
    };
    expect(report.recording.exchanges).toBe(3);
    expect(report.recording.skipped).toBe(1);
    expect(report.recording.firstSkipped).toMatch(/entry 2: larger than 1048576 bytes/);
    expect(Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1]) * 1024).toBeLessThan(400 * 1024 * 1024);
  });
});
