/** Writes what reporters return: standard output, files under `--out`, GitHub's job summary. */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { KnownSecrets } from "../../src/contract/redact.js";
import { describeSystemError } from "../../src/errors.js";
import { loadReporters, type ReporterName } from "../reporters/index.js";
import { coverageLine, totalsLine, verdictText } from "../reporters/summary.js";
import { exitCodeOf, type ExitCode } from "../run/exit-code.js";
import type { RunResult } from "../run/result.js";
import type { ReportOutput } from "../reporters/reporter.js";
import { makeDirectory, refuseSymlinkDir, writeReportFile } from "./outputs.js";

export interface ReportSinks {
  stdout(text: string): void;
  env: Record<string, string | undefined>;
  color: boolean;
}

export interface WrittenReports {
  /** The paths of the files written. */
  written: string[];
  /** One line per report that could not be rendered or written. */
  failures: string[];
}

/**
 * Renders every selected reporter and writes what it returns. A reporter that cannot render, or
 * a file that cannot be written, is one line in `failures`; the other reports are still written.
 */
export async function writeReports(
  result: RunResult,
  names: readonly ReporterName[],
  out: string,
  sinks: ReportSinks,
  secrets?: KnownSecrets,
): Promise<WrittenReports> {
  const selected = await loadReporters(names);
  const written: string[] = [];
  const failures: string[] = [];
  const write = (path: string, text: string, append = false) => {
    try {
      if (append) appendFileSync(path, text);
      else {
        makeDirectory(out);
        refuseSymlinkDir(out);
        writeReportFile(path, text);
      }
      written.push(path);
    } catch (err) {
      failures.push(`cannot write report ${path}: ${describeSystemError(err)}`);
    }
  };
  for (const reporter of selected) {
    let output: ReportOutput;
    try {
      output = reporter.render(result, { color: sinks.color, secrets });
    } catch (err) {
      // A bug, but the other reports must still be written: one line says which one is missing.
      const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      failures.push(`cannot render the ${reporter.name} report: ${reason.split("\n")[0]!.slice(0, 300)}`);
      continue;
    }
    if (output.stdout) sinks.stdout(output.stdout);
    for (const file of output.files ?? []) write(join(out, file.name), file.text);
    if (output.stepSummary) {
      const summaryFile = sinks.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) write(summaryFile, output.stepSummary, true);
      else write(join(out, "summary.md"), output.stepSummary);
    }
  }
  return { written, failures };
}

/**
 * The exit code once the reports are written: a run whose reports could not all be written is
 * never green (2, as an output that cannot be written at the start is); a failed or
 * nothing-checked run keeps its code.
 */
export function exitAfterReports(result: RunResult, reports: WrittenReports): ExitCode {
  return exitCodeOf({
    kind: "judged",
    failing: result.exitCode === 1,
    nothingJudged: result.exitCode === 2,
    reportsFailed: reports.failures.length > 0,
  });
}

/** The verdict, as the console reporter ends (with "no critical check was judged" when so). */
export function verdictWord(result: RunResult): string {
  return verdictText(result);
}

/**
 * The lines every run ends with on standard error: the verdict with the totals (unless the
 * console reporter already printed them) and where the reports went, so that a run with
 * only file reporters is never silent.
 */
export function endOfRunLines(
  command: string,
  result: RunResult,
  written: readonly string[],
  consoleShown: boolean,
): string[] {
  const lines: string[] = [];
  if (!consoleShown) {
    lines.push(`tap-contract ${command}: ${coverageLine(result)}`);
    if (result.cleanup) lines.push(`tap-contract ${command}: ${result.cleanup.line}`);
    lines.push(`tap-contract ${command}: ${verdictWord(result)}: ${totalsLine(result.totals)}`);
  }
  if (written.length > 0) lines.push(`reports: ${written.join(", ")}`);
  return lines;
}

/**
 * The one line that says why a run exits 2 after reporting: nothing was judged, so it proves
 * nothing (a live target without usable tokens, or a recording without TAP calls).
 */
export function nothingCheckedLine(result: RunResult, hint: string): string | undefined {
  if (result.exitCode !== 2) return undefined;
  if (result.nothingChecked) return `nothing was checked: ${result.nothingChecked}. ${hint}`;
  const reason = result.outcomes.find((o) => o.status === "skip" && o.message)?.message;
  return (
    `nothing was checked: all ${result.totals.total} outcomes were ` +
    `skipped${reason ? ` (first reason: ${reason})` : ""}; ${hint}`
  );
}
