// Cross-check with another engine: Redocly Respect runs the Arazzo lifecycle workflow of
// openapi/ against the mock (a real server), and our replay agrees with the HAR it writes.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../conformance/checks/index.js";
import { replayRecording } from "../../conformance/replay/replay.js";
import { startMockGraph, type ScenarioName } from "../../src/mock/index.js";
import { bin, repoRoot } from "../support/paths.js";
import { tempDir } from "./recordings.js";

const workflow = join(repoRoot, "openapi", "tap-lifecycle.arazzo.yaml");
const nestor = "c0a70000-0000-4000-8000-000000000005";

async function respect(scenarios: ScenarioName[], har: string): Promise<{ code: number; out: string }> {
  const mock = await startMockGraph(scenarios.length > 0 ? { scenarios: { always: scenarios } } : {});
  try {
    const token = await mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c" });
    const args = [
      "respect",
      workflow,
      "--server",
      `tap=${mock.graphUrl}`,
      "--input",
      `token=${token}`,
      "--input",
      `userId=${nestor}`,
      "--har-output",
      har,
      "--max-fetch-timeout",
      "10000",
    ];
    try {
      const { stdout } = await promisify(execFile)(bin("redocly"), args, {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string };
      return { code: e.code ?? -1, out: e.stdout ?? "" };
    }
  } finally {
    await mock.close();
  }
}

describe("the Arazzo TAP lifecycle under redocly respect", () => {
  it("runs green against the faithful mock, and its HAR replays green", async () => {
    const har = join(tempDir(), "respect.har");
    const { code, out } = await respect([], har);
    expect(out).toMatch(/Workflows: 1 passed, 1 total/);
    expect(code).toBe(0);
    const result = await replayRecording(har, { checks: allChecks, severityThreshold: "low" });
    expect(result.recording?.exchanges).toBe(8);
    expect(result.outcomes.filter((o) => o.status === "fail")).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it("fails when the mock keeps the replaced pass", async () => {
    const { code, out } = await respect(["create-keeps-previous"], join(tempDir(), "respect.har"));
    expect(out).toMatch(/Workflows: 1 failed, 1 total/);
    expect(code).not.toBe(0);
  });
});
