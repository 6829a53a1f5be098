/** The human report: one line per check, details under the ones that did not pass, then the totals. */
import type { Outcome, RunResult } from "../run/result.js";
import { redactText as redact } from "../../src/contract/redact.js";
import { terminalText } from "./escape.js";
import { redactedResult, type Reporter } from "./reporter.js";
import {
  byCheck,
  coverageLine,
  groupStatus,
  recordingLine,
  skipReasonLines,
  targetLine,
  totalsLine,
  verdictText,
  where,
} from "./summary.js";

const marks = { pass: "✓", fail: "✗", error: "!", skip: "-", waived: "~" } as const;
const colours = { pass: 32, fail: 31, error: 35, skip: 90, waived: 33 } as const;

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n");
}

function detail(o: Outcome): string {
  const tag = o.waived
    ? ` (known deviation until ${o.waived.expires}: ${o.waived.reason})`
    : o.belowThreshold
      ? " (below the severity threshold)"
      : "";
  const head = `${o.status === "fail" ? "fail" : o.status}: ${where(o)}${tag}`;
  return o.message ? `${head}\n${indent(o.message, "  ")}` : head;
}

export const consoleReporter: Reporter = {
  name: "console",
  description: "human-readable summary grouped by check, on standard output",
  render(raw: RunResult, env) {
    const result = redactedResult(raw, env);
    // Every text is made terminal-safe before the reporter's own colour codes are added.
    const paint = (status: keyof typeof colours, text: string) =>
      env.color ? `\x1b[${colours[status]}m${terminalText(text)}\x1b[0m` : terminalText(text);
    const lines: string[] = [terminalText(`tap-contract ${result.tool.version}: ${targetLine(result)}`), ""];
    const width = Math.max(...result.checks.map((c) => c.length));
    for (const { check, outcomes } of byCheck(result)) {
      const status = groupStatus(outcomes);
      const first = outcomes[0];
      const counted = outcomes.filter((o) => o.status !== "skip").length;
      const note =
        status === "skip"
          ? `skipped: ${first?.message ?? ""}`
          : `${counted} case${counted === 1 ? "" : "s"}` +
            `${outcomes.length > counted ? `, ${outcomes.length - counted} skipped` : ""}`;
      lines.push(paint(status, `${marks[status]} ${check.padEnd(width)}  ${first?.severity.padEnd(8) ?? ""} ${note}`));
      if (status === "pass" || status === "skip") continue;
      for (const o of outcomes.filter((x) => x.status === "fail" || x.status === "error"))
        lines.push(terminalText(indent(detail(o), "    ")));
    }
    const t = result.totals;
    lines.push("");
    for (const w of result.expiredWaivers) {
      lines.push(
        paint(
          "fail",
          `expired allowlist entry: ${w.check}${w.operation ? ` ${w.operation}` : ""} (expired ${w.expires}: ` +
            `${w.reason})`,
        ),
      );
    }
    lines.push(`${totalsLine(t)} (${result.checks.length} checks, ${(result.durationMs / 1000).toFixed(1)} s)`);
    if (result.recording) lines.push(terminalText(recordingLine(result.recording)));
    // The coverage and the state the test user was left in are the last lines before the verdict.
    lines.push(terminalText(coverageLine(result)));
    for (const line of skipReasonLines(result, 8)) lines.push(terminalText(`  ${line}`));
    if (result.cleanup) lines.push(paint(result.cleanup.clean ? "pass" : "fail", result.cleanup.line));
    const verdict = verdictText(result);
    lines.push(
      result.exitCode === 0
        ? paint("pass", verdict)
        : result.exitCode === 2
          ? paint("skip", verdict)
          : paint("fail", verdict),
    );
    return { stdout: redact(`${lines.join("\n")}\n`) };
  },
};
