/** A reporter is a pure function of the finished result. The CLI writes what it returns. */
import { redactValue, type KnownSecrets } from "../../src/contract/redact.js";
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
  /** Every secret the run handled: each reporter masks them by value (see src/contract/redact.ts). */
  secrets?: KnownSecrets | undefined;
}

export interface Reporter {
  name: string;
  description: string;
  render(result: RunResult, env: ReportEnv): ReportOutput;
}

/**
 * The result as every reporter renders it: redacted value by value (by the run's secrets, by
 * key, by pattern) before any text is built, so no medium's escaping can hide a secret from it.
 */
export function redactedResult(result: RunResult, env: ReportEnv): RunResult {
  return redactValue(result, { secrets: env.secrets }) as RunResult;
}
