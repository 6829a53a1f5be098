/** A reporter is a pure function of the finished result. The CLI writes what it returns. */
import type { RunResult } from "../run/result.js";

export interface ReportOutput {
  /** Text for standard output. */
  stdout?: string;
  /** Files to write under `--out`. */
  files?: Array<{ name: string; text: string }>;
  /** Markdown for GitHub's job summary (`$GITHUB_STEP_SUMMARY`), else written under `--out`. */
  stepSummary?: string;
}

export interface ReportEnv {
  color: boolean;
}

export interface Reporter {
  name: string;
  description: string;
  render(result: RunResult, env: ReportEnv): ReportOutput;
}
