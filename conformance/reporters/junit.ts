/**
 * JUnit XML: one `<testsuite>` per check, one `<testcase classname="<check id>">` per outcome,
 * with `<failure>`, `<error>` and `<skipped>` kept apart. Waived fails are `<skipped>` with the
 * reason, so that counts match the console's (failures = failed, skipped = skipped + known deviations).
 * A fail below `--severity` does not fail the run, so it is no `<failure>` either: the testcase
 * passes and carries `<property name="tap-contract.status" value="fail-below-threshold">` and
 * the message in `<system-out>`. A last suite, `tap-contract`, carries the coverage and the exit
 * code as properties, and a `cleanup` testcase that fails when the run left something behind.
 */
import { coverage, coverageLine, skipReasonLines, verdictText } from "./summary.js";
import { XMLBuilder } from "fast-xml-parser";
import type { Outcome, RunResult } from "../run/result.js";
import { redactText as redact } from "../../src/contract/redact.js";
import { xmlText } from "./escape.js";
import { redactedResult, type Reporter } from "./reporter.js";
import { byCheck, where } from "./summary.js";

type Node = Record<string, unknown>;

/** Every string of the tree made XML-safe and redacted before the builder escapes it. */
function safe<T>(node: T): T {
  if (typeof node === "string") return xmlText(redact(node)) as T;
  if (Array.isArray(node)) return node.map(safe) as T;
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, safe(v)])) as T;
}

function testcase(o: Outcome): Node {
  const node: Node = { "@_classname": o.check, "@_name": where(o), "@_time": "0" };
  if (o.status === "fail" && o.waived) {
    node.skipped = { "@_message": `known deviation until ${o.waived.expires}: ${o.waived.reason}` };
  } else if (o.status === "fail" && o.belowThreshold) {
    node.properties = {
      property: [
        { "@_name": "tap-contract.status", "@_value": "fail-below-threshold" },
        { "@_name": "tap-contract.severity", "@_value": o.severity },
      ],
    };
    node["system-out"] = `below the severity threshold (${o.severity}): ${o.title}\n\n${o.message ?? ""}`;
  } else if (o.status === "fail") {
    node.failure = { "@_message": o.title, "@_type": o.severity, "#text": `${o.title}\n\n${o.message ?? ""}` };
  } else if (o.status === "error") {
    node.error = { "@_message": o.message?.split("\n")[0] ?? "error", "@_type": "error", "#text": o.message ?? "" };
  } else if (o.status === "skip") {
    node.skipped = { "@_message": o.message ?? "skipped" };
  }
  return node;
}

function counts(outcomes: readonly Outcome[]) {
  return {
    tests: outcomes.length,
    failures: outcomes.filter((o) => o.status === "fail" && !o.waived && !o.belowThreshold).length,
    errors: outcomes.filter((o) => o.status === "error").length,
    skipped: outcomes.filter((o) => o.status === "skip" || o.waived).length,
  };
}

export function junitXml(result: RunResult): string {
  const suites = byCheck(result).map(({ check, outcomes }) => {
    const c = counts(outcomes);
    return {
      "@_name": xmlText(check),
      "@_tests": c.tests,
      "@_failures": c.failures,
      "@_errors": c.errors,
      "@_skipped": c.skipped,
      "@_time": "0",
      "@_timestamp": result.startedAt.replace(/\.\d+Z$/, ""),
      testcase: outcomes.map((o) => safe(testcase(o))),
    };
  });
  const c = coverage(result);
  const cleanup = result.cleanup;
  const runCase: Node = { "@_classname": "tap-contract", "@_name": "cleanup", "@_time": "0" };
  if (cleanup && !cleanup.clean)
    runCase.failure = { "@_message": cleanup.line, "@_type": "cleanup", "#text": cleanup.line };
  const runSuite = {
    "@_name": "tap-contract",
    "@_tests": 1,
    "@_failures": cleanup && !cleanup.clean ? 1 : 0,
    "@_errors": 0,
    "@_skipped": cleanup ? 0 : 1,
    "@_time": "0",
    "@_timestamp": result.startedAt.replace(/\.\d+Z$/, ""),
    properties: {
      property: [
        { "@_name": "tap-contract.exit-code", "@_value": String(result.exitCode) },
        { "@_name": "tap-contract.verdict", "@_value": verdictText(result) },
        { "@_name": "tap-contract.checks-judged", "@_value": String(c.judged) },
        { "@_name": "tap-contract.checks", "@_value": String(c.checks) },
        { "@_name": "tap-contract.critical-not-judged", "@_value": c.criticalNotJudged.join(" ") },
        ...(cleanup ? [{ "@_name": "tap-contract.cleanup", "@_value": cleanup.line }] : []),
      ],
    },
    testcase: [cleanup ? runCase : { ...runCase, skipped: { "@_message": "the run made no writes" } }],
    "system-out": [coverageLine(result), ...skipReasonLines(result)].join("\n"),
  };
  suites.push(safe(runSuite) as unknown as (typeof suites)[number]);
  const all = counts(result.outcomes);
  all.tests += 1;
  all.failures += runSuite["@_failures"];
  all.skipped += runSuite["@_skipped"];
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": "tap-contract",
      "@_tests": all.tests,
      "@_failures": all.failures,
      "@_errors": all.errors,
      "@_skipped": all.skipped,
      "@_time": (result.durationMs / 1000).toFixed(3),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  });
  // The last pass over the built document escapes its markers: they land inside XML.
  return redact(builder.build(doc) as string, undefined, true);
}

export const junitReporter: Reporter = {
  name: "junit",
  description: "JUnit XML for CI test views, written to OUT/junit.xml",
  render(result, env) {
    return { files: [{ name: "junit.xml", text: junitXml(redactedResult(result, env)) }] };
  },
};
