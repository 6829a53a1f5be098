/** Writes what reporters return: standard output, files under `--out`, GitHub's job summary. */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../src/errors.js";
import { reporters, type ReporterName } from "../reporters/index.js";
import type { RunResult } from "../run/result.js";

export interface ReportSinks {
  stdout(text: string): void;
  env: Record<string, string | undefined>;
  color: boolean;
}

export function writeReports(result: RunResult, names: readonly ReporterName[], out: string, sinks: ReportSinks): string[] {
  const written: string[] = [];
  const write = (path: string, text: string, append = false) => {
    try {
      if (append) appendFileSync(path, text);
      else {
        mkdirSync(out, { recursive: true });
        writeFileSync(path, text);
      }
      written.push(path);
    } catch (err) {
      throw new UserError(`cannot write report ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  for (const name of names) {
    const output = reporters[name].render(result, { color: sinks.color });
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

/**
 * The one line that says why a run exits 2 after reporting: nothing was judged, so it proves
 * nothing (a live target without usable tokens, or a recording without TAP calls).
 */
export function nothingCheckedLine(result: RunResult, hint: string): string | undefined {
  if (result.exitCode !== 2) return undefined;
  const reason = result.outcomes.find((o) => o.status === "skip" && o.message)?.message;
  return `nothing was checked: all ${result.totals.total} outcomes were skipped${reason ? ` (first reason: ${reason})` : ""}; ${hint}`;
}
