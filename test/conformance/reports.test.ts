// Every reporter against real runs: JUnit is structurally JUnit and counts what the console
// counts; no report or recording ever holds a token or a pass value.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { recordLine } from "../../conformance/replay/recorder.js";
import { consoleReporter } from "../../conformance/reporters/console.js";
import { githubReporter, markdownSummary } from "../../conformance/reporters/github.js";
import { loadReporters, reporterNames } from "../../conformance/reporters/index.js";
import { jsonReporter } from "../../conformance/reporters/json.js";
import { junitXml } from "../../conformance/reporters/junit.js";
import type { RunResult } from "../../conformance/run/result.js";
import { allChecks } from "../../conformance/checks/index.js";
import { runSuite } from "../../conformance/run/run-suite.js";
import { startMockTarget } from "../../conformance/targets/mock.js";
import type { Exchange } from "../../src/contract/index.js";
import { fastRetry } from "./run-mock.js";

interface Captured {
  result: RunResult;
  tokens: Set<string>;
  passes: Set<string>;
  recording: string;
}

/** A run whose every token and pass value is captured, to search the reports for them. */
async function capturedRun(
  scenarios: string[],
  allowlist?: { entries: Array<{ check: string; reason: string; expires: string }> },
): Promise<Captured> {
  const target = await startMockTarget({ scenarios });
  const tokens = new Set<string>();
  const passes = new Set<string>();
  const lines: string[] = [];
  const record = (e: Exchange) => {
    const auth = e.request.headers.authorization;
    if (auth?.startsWith("Bearer ")) tokens.add(auth.slice(7));
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "temporaryAccessPass" && typeof v === "string") passes.add(v);
          else collect(v);
        }
      }
    };
    collect(e.response.body);
    lines.push(recordLine(e));
  };
  try {
    const result = await runSuite(target, {
      checks: allChecks,
      severityThreshold: "medium",
      retry: fastRetry,
      record,
      ...(allowlist ? { allowlist } : {}),
    });
    return { result, tokens, passes, recording: lines.join("") };
  } finally {
    await target.close();
  }
}

/** Everything every registered reporter writes, in colour and without. */
const allReporters = await loadReporters(reporterNames);

function allReports(result: RunResult): string[] {
  return allReporters.flatMap((reporter) =>
    [false, true].flatMap((color) => {
      const out = reporter.render(result, { color });
      return [out.stdout ?? "", out.stepSummary ?? "", ...(out.files ?? []).map((f) => f.text)];
    }),
  );
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function consoleCounts(result: RunResult) {
  const text = consoleReporter.render(result, { color: false }).stdout!;
  const m = /(\d+) outcomes: (\d+) passed, (\d+) failed, (\d+) errors, (\d+) skipped, (\d+) known deviations/.exec(
    text,
  );
  expect(m).not.toBeNull();
  const [total, pass, fail, error, skip, waived] = m!.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { total, pass, fail, error, skip, waived };
}

describe("reports", () => {
  let mixed: Captured;
  let broken: Captured;

  beforeAll(async () => {
    // Pass values on reads, an undocumented property (low: below the threshold), wrong ids (one check waived).
    mixed = await capturedRun(["secret-on-read", "extra-property", "wrong-id"], {
      entries: [{ check: "get-equals-list-entry", reason: "known mock quirk", expires: "2999-12-31" }],
    });
    // Every Graph request fails: errors everywhere.
    broken = await capturedRun(["server-error"]);
  });

  it("produces the outcome kinds the assertions rely on", () => {
    expect(mixed.tokens.size).toBeGreaterThan(10);
    expect(mixed.passes.size).toBeGreaterThan(1);
    expect(mixed.result.totals.waived).toBeGreaterThan(0);
    expect(mixed.result.outcomes.some((o) => o.belowThreshold)).toBe(true);
    expect(broken.result.totals.error).toBeGreaterThan(0);
  });

  it("never contain a token or a pass value, nor does a recording", () => {
    for (const run of [mixed, broken]) {
      for (const text of [...allReports(run.result), run.recording]) {
        for (const token of run.tokens) {
          expect(text).not.toContain(token);
          expect(text).not.toContain(token.split(".")[2]);
        }
        for (const pass of run.passes) expect(text).not.toContain(JSON.stringify(pass));
      }
    }
    expect(consoleReporter.render(mixed.result, { color: false }).stdout).toContain("<redacted: ");
  });

  it.each([["mixed"], ["broken"]])("JUnit (%s run) has the JUnit structure and the console's counts", (which) => {
    const { result } = which === "mixed" ? mixed : broken;
    const xml = junitXml(result);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      testsuites: {
        name: string;
        tests: string;
        failures: string;
        errors: string;
        skipped: string;
        testsuite: unknown;
      };
    };
    const root = doc.testsuites;
    expect(root.name).toBe("tap-contract");
    const suites = asArray(root.testsuite as Array<Record<string, unknown>>);
    // One suite per check, then the run's own (coverage, exit code, cleanup).
    expect(suites.map((s) => s.name)).toEqual([...result.checks, "tap-contract"]);
    let tests = 0,
      failures = 0,
      errors = 0,
      skipped = 0;
    for (const suite of suites) {
      for (const attr of ["name", "tests", "failures", "errors", "skipped", "timestamp"])
        expect(suite).toHaveProperty(attr);
      const cases = asArray(suite.testcase as Array<Record<string, unknown>>);
      expect(cases.length).toBe(Number(suite.tests));
      let f = 0,
        e = 0,
        s = 0;
      for (const c of cases) {
        expect(c.classname).toBe(suite.name);
        expect(typeof c.name).toBe("string");
        const kinds = ["failure", "error", "skipped"].filter((k) => k in c);
        expect(kinds.length).toBeLessThanOrEqual(1);
        if (kinds[0] === "failure") f++;
        if (kinds[0] === "error") e++;
        if (kinds[0] === "skipped") s++;
      }
      expect([f, e, s]).toEqual([Number(suite.failures), Number(suite.errors), Number(suite.skipped)]);
      tests += cases.length;
      failures += f;
      errors += e;
      skipped += s;
    }
    expect([Number(root.tests), Number(root.failures), Number(root.errors), Number(root.skipped)]).toEqual([
      tests,
      failures,
      errors,
      skipped,
    ]);
    const c = consoleCounts(result);
    // A fail below the threshold does not fail the run, so it is no <failure> (a property says it).
    const below = result.outcomes.filter((o) => o.status === "fail" && o.belowThreshold && !o.waived).length;
    const runSuite = suites.at(-1)!;
    expect(tests).toBe(c.total + 1);
    expect(failures).toBe(c.fail - below + Number(runSuite.failures));
    expect(errors).toBe(c.error);
    expect(skipped).toBe(c.skip + c.waived + Number(runSuite.skipped));
    expect(xml.match(/value="fail-below-threshold"/g)?.length ?? 0).toBe(below);
    expect(xml).toContain(`<property name="tap-contract.exit-code" value="${result.exitCode}"`);
    expect(failures + errors > 0).toBe(result.exitCode === 1);
    expect(c.pass + c.fail + c.error + c.skip + c.waived).toBe(c.total);
  });

  it(
    "GitHub annotations: errors for counted failures, warnings below the threshold, notices for known " + "deviations",
    () => {
      const out = githubReporter.render(mixed.result, { color: false }).stdout!;
      const lines = out.trim().split("\n");
      expect(lines.every((l) => /^::(error|warning|notice) title=[^:]+::/.test(l))).toBe(true);
      expect(lines.some((l) => l.startsWith("::warning title=undocumented-properties"))).toBe(true);
      expect(lines.some((l) => l.startsWith("::notice title=get-equals-list-entry"))).toBe(true);
      expect(lines.some((l) => l.startsWith("::error title=secret-null-on-read"))).toBe(true);
      expect(markdownSummary(mixed.result)).toMatch(/^## tap-contract: failed\n/);
    },
  );

  it("JSON is the result itself, with its documented top-level shape", () => {
    const parsed = JSON.parse(jsonReporter.render(mixed.result, { color: false }).files![0]!.text) as RunResult;
    expect(Object.keys(parsed).sort()).toEqual(
      [
        "checks",
        "cleanup",
        "coverage",
        "durationMs",
        "exitCode",
        "expiredWaivers",
        "outcomes",
        "schemaVersion",
        "severityThreshold",
        "startedAt",
        "target",
        "tool",
        "totals",
      ].sort(),
    );
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.totals).toEqual(mixed.result.totals);
  });
});
