/**
 * GitHub Actions: workflow-command annotations on standard output (errors for counted fails
 * and errors, warnings below the threshold, notices for known deviations) and a Markdown job
 * summary.
 */
import type { Outcome, RunResult } from "../run/result.js";
import { redactText as redact } from "../../src/contract/redact.js";
import { markdownFence, markdownInline, terminalText } from "./escape.js";
import { redactedResult, type Reporter } from "./reporter.js";
import {
  byCheck,
  coverageLine,
  groupStatus,
  skipReasonLines,
  targetLine,
  totalsLine,
  verdictText,
  where,
} from "./summary.js";

/**
 * Workflow commands need %, CR and LF escaped in data, and also : and , in properties; other
 * controls (ANSI escapes) are shown, never sent to the log.
 */
const data = (s: string) => terminalText(s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A"));
const property = (s: string) => data(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

function annotation(o: Outcome): string | undefined {
  const level =
    o.status === "error"
      ? "error"
      : o.status !== "fail"
        ? undefined
        : o.waived
          ? "notice"
          : o.belowThreshold
            ? "warning"
            : "error";
  if (!level) return undefined;
  const title = property(`${o.check}: ${o.title}`);
  return `::${level} title=${title}::${data(`${where(o)}\n${o.message ?? ""}`)}`;
}

const icons = { pass: "✅", fail: "❌", error: "⚠️", skip: "⏭️", waived: "🟡" } as const;

const cell = markdownInline;

/** A message as a fenced block that no line of it can close, indented under its list item. */
function fenced(text: string): string[] {
  const body = terminalText(text);
  const fence = markdownFence(body);
  return [`  ${fence}`, ...body.split("\n").map((l) => `  ${l}`), `  ${fence}`];
}

export function markdownSummary(result: RunResult): string {
  const lines = [
    `## tap-contract: ${result.exitCode === 0 ? "passed" : result.exitCode === 2 ? "nothing checked" : "failed"}`,
    "",
    `Target: ${cell(targetLine(result))}. ${totalsLine(result.totals)}.`,
    "",
    "### Coverage",
    "",
    `**${cell(verdictText(result))}**. ${cell(coverageLine(result))}.`,
    "",
    ...skipReasonLines(result).map((line) => `- ${cell(line)}`),
    ...(result.cleanup ? ["", `${result.cleanup.clean ? "✅" : "❌"} ${cell(result.cleanup.line)}`] : []),
    "",
    "| | check | severity | result |",
    "|---|---|---|---|",
  ];
  for (const { check, outcomes } of byCheck(result)) {
    const status = groupStatus(outcomes);
    const bad = outcomes.filter((o) => o.status === "fail" || o.status === "error");
    const text =
      status === "skip"
        ? `skipped: ${outcomes[0]?.message ?? ""}`
        : bad.length > 0
          ? `${bad.length} of ${outcomes.length} not passed`
          : `${outcomes.length} passed`;
    lines.push(`| ${icons[status]} | \`${check}\` | ${outcomes[0]?.severity ?? ""} | ${cell(text)} |`);
  }
  const details = result.outcomes.filter((o) => o.status === "fail" || o.status === "error");
  if (details.length > 0) {
    lines.push("", "### Details", "");
    for (const o of details) {
      lines.push(
        `- **${o.check}** ${cell(where(o))}${o.waived ? ` (known deviation until ${cell(o.waived.expires)})` : ""}`,
        "",
        ...fenced(o.message ?? ""),
      );
    }
  }
  for (const w of result.expiredWaivers)
    lines.push("", `- ❌ expired allowlist entry for \`${w.check}\` (${cell(w.expires)}): ${cell(w.reason)}`);
  return redact(`${lines.join("\n")}\n`);
}

export const githubReporter: Reporter = {
  name: "github",
  description: "GitHub Actions annotations on standard output and a Markdown job summary",
  render(raw, env) {
    const result = redactedResult(raw, env);
    const annotations = result.outcomes.map(annotation).filter((a): a is string => a !== undefined);
    for (const w of result.expiredWaivers)
      annotations.push(
        `::error title=${property(`allowlist: ${w.check}`)}::${data(`expired ${w.expires}: ${w.reason}`)}`,
      );
    return {
      stdout: redact(annotations.length > 0 ? `${annotations.join("\n")}\n` : ""),
      stepSummary: markdownSummary(result),
    };
  },
};
