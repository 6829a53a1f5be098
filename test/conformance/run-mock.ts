/** Runs the whole suite against a freshly started mock (real sockets), as the runner's tests need it. */
import { allChecks } from "../../conformance/checks/index.js";
import type { Check } from "../../conformance/checks/check.js";
import type { RunResult } from "../../conformance/run/result.js";
import { runSuite, type RunOptions } from "../../conformance/run/run-suite.js";
import { startMockTarget, type MockTargetOptions } from "../../conformance/targets/mock.js";

/** Short waits, so a 429 storm costs milliseconds in tests. */
export const fastRetry = { perRequest: 1, total: 5, maxDelayMs: 50, defaultDelayMs: 1, totalDelayMs: 200 };

export async function runMock(
  mockOptions: MockTargetOptions = {},
  options: Partial<RunOptions> & { checks?: readonly Check[] } = {},
): Promise<RunResult> {
  const target = await startMockTarget(mockOptions);
  try {
    return await runSuite(target, { checks: allChecks, severityThreshold: "low", retry: fastRetry, ...options });
  } finally {
    await target.close();
  }
}

export function idsWith(result: RunResult, status: "fail" | "error" | "skip" | "pass"): string[] {
  return [...new Set(result.outcomes.filter((o) => o.status === status).map((o) => o.check))].sort();
}
