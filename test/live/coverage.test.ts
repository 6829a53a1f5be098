// Every output carries what the verdict rests on (checks judged, skipped by reason, critical
// checks not judged) and agrees with the exit code; JUnit counts a fail below --severity the
// way the exit code does: not as a <failure> (issue 18).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import type { RunResult } from "../../conformance/run/result.js";
import type { MockGraph } from "../../src/mock/index.js";
import { tempDir } from "../conformance/recordings.js";
import { appClientId, startMockGraph } from "./support.js";

async function run(argv: string[], env: Record<string, string> = {}) {
  const out = tempDir();
  let stdout = "";
  let stderr = "";
  const stream = { isTTY: false, write: (t: string) => ((stderr += t), true) } as unknown as NodeJS.WriteStream;
  const code = await runCheck([...argv, "--reporter", "console,json,junit,github,html", "--out", out], {
    stdout: (t) => void (stdout += t),
    env,
    color: false,
    stderr: stream,
  });
  const read = (name: string) => readFileSync(join(out, name), "utf8");
  return {
    code,
    stdout,
    stderr,
    json: JSON.parse(read("tap-contract.json")) as RunResult,
    junit: read("junit.xml"),
    summary: read("summary.md"),
    html: read("report.html"),
  };
}

describe("coverage in every output", () => {
  let mock: MockGraph;
  beforeAll(async () => {
    mock = await startMockGraph();
  });
  afterAll(() => mock.close());

  it("an app token without --user: green, but every output says no critical check was judged", async () => {
    const env = { GRAPH_TOKEN_APP: await mock.issueToken({ app: appClientId }) };
    const r = await run(["--target", mock.graphUrl], env);
    expect(r.code).toBe(0);
    const critical = r.json.coverage!.criticalNotJudged;
    expect(critical).toContain("forbids-without-permission");
    expect(r.json.coverage!.criticalJudged).toBe(false);
    expect(r.json.exitCode).toBe(0);
    // The console's verdict line (the github reporter's annotations follow it on stdout).
    expect(r.stdout).toMatch(/\nPASS \(no critical check was judged: \d+ skipped\)\n/);
    expect(r.stdout).toMatch(
      /\ncoverage: \d+ of \d+ checks judged \(\d+ outcomes judged, \d+ skipped\); critical checks not judged: /,
    );
    expect(r.stdout).toContain("skipped: no --user given: no user whose passes to read");
    expect(r.junit).toContain('<property name="tap-contract.exit-code" value="0"/>');
    expect(r.junit).toContain(`<property name="tap-contract.critical-not-judged" value="${critical.join(" ")}"/>`);
    expect(r.summary).toMatch(/### Coverage\n\n\*\*PASS .*no critical check was judged/);
    // At the top of the page, before the checks, and not folded away.
    const section = r.html.indexOf('<section class="coverage"');
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(r.html.indexOf("<details"));
    expect(r.html.slice(section, r.html.indexOf("</section>", section))).not.toContain("<details");
    expect(r.html).toContain("Critical checks not judged:");
    expect(r.html).toContain("no critical check was judged");
  });

  it("the full matrix on the embedded mock: every critical check judged, the test user left as found", async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.json.coverage!.criticalNotJudged).toEqual([]);
    expect(r.stdout).toMatch(/\nPASS\n/);
    expect(r.stdout).toContain("every critical check judged");
    expect(r.json.cleanup?.clean).toBe(true);
    expect(r.stdout).toMatch(/\ntest user \S+ left as found\nPASS\n/);
    expect(r.junit).toMatch(/<testcase classname="tap-contract" name="cleanup" time="0"\/>/);
  });

  it("a fail below --severity: exit 0, no <failure> in JUnit, a property and system-out say it", async () => {
    const r = await run([
      "--mock-scenario",
      "wrong-id",
      "--checks",
      "get-id-matches-request",
      "--severity",
      "critical",
    ]);
    expect(r.json.outcomes.some((o) => o.status === "fail" && o.belowThreshold)).toBe(true);
    expect(r.code).toBe(0);
    expect(r.json.exitCode).toBe(0);
    expect(r.junit).not.toContain("<failure");
    expect(r.junit).toMatch(/failures="0"/);
    expect(r.junit).toContain('<property name="tap-contract.status" value="fail-below-threshold"/>');
    expect(r.junit).toMatch(/<system-out>below the severity threshold \(/);
  });

  it("a counted fail: exit 1, and JUnit's failures say so", async () => {
    const r = await run(["--mock-scenario", "wrong-id", "--checks", "get-id-matches-request"]);
    expect(r.code).toBe(1);
    expect(r.junit).toContain("<failure");
    expect(r.junit).toContain('<property name="tap-contract.exit-code" value="1"/>');
    expect(r.summary).toMatch(/^## tap-contract: failed\n/);
    expect(r.stdout).toMatch(/\nFAIL\n/);
  });
});
