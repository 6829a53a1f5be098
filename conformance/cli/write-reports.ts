/** Writes what reporters return: standard output, files under `--out`, GitHub's job summary. */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UserError, describeSystemError } from "../../src/errors.js";
import { loadReporters, type ReporterName } from "../reporters/index.js";
import { coverageLine, totalsLine, verdictText } from "../reporters/summary.js";
import type { RunResult } from "../run/result.js";
import { makeDirectory } from "./outputs.js";

export interface ReportSinks {
  stdout(text: string): void;
  env: Record<string, string | undefined>;
  color: boolean;
}

/** Renders every selected reporter; returns the paths of the files written. */
export async function writeReports(
  result: RunResult,
  names: readonly ReporterName[],
  out: string,
  sinks: ReportSinks,
): Promise<string[]> {
  const selected = await loadReporters(names);
  const written: string[] = [];
  const write = (path: string, text: string, append = false) => {
    try {
      if (append) appendFileSync(path, text);
      else {
        makeDirectory(out);
        writeFileSync(path, text);
      }
      written.push(path);
    } catch (err) {
      throw new UserError(`cannot write report ${path}: ${describeSystemError(err)}`);
    }
  };
  for (const reporter of selected) {
    const output = reporter.render(result, { color: sinks.color });
    if (output.stdout) sinks.stdout(output.stdout);
    for (const file of output.files ?? []) write(join(out, file.name), file.text);
    if (output.stepSummary) {
      const summaryFile = sinks.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) write(summaryFile, output.stepSummary, true);
      else write(join(out, "summary.md"), output.stepSummary);
    }
  }
  return written;
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
  return `nothing was checked: all ${result.totals.total} outcomes were skipped${reason ? ` (first reason: ${reason})` : ""}; ${hint}`;
}
