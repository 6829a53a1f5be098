/** Turning a probe's answer into a case verdict. */
import { receivedExpected } from "../../src/contract/violation.js";
import type { CaseResult } from "../checks/check.js";
import type { Sent } from "../run/session.js";

function errorCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === "string" ? error.code : undefined;
}

/** Pass on the expected status; error when the service failed or throttled (nothing to judge); else fail. */
export function expectStatus(
  sent: Sent,
  expected: number,
  meaning: string,
  where: Omit<CaseResult, "status" | "message">,
): CaseResult {
  if (!sent.ok) return { ...where, status: "error", message: sent.error };
  if (sent.status === expected) return { ...where, status: "pass" };
  if (sent.status >= 500 || sent.status === 429) {
    return {
      ...where,
      status: "error",
      message: `could not judge: the service answered ${sent.status}${codeText(sent.body)}`,
    };
  }
  return {
    ...where,
    status: "fail",
    message: receivedExpected(`${sent.status}${codeText(sent.body)}`, `${expected} (${meaning})`),
  };
}

function codeText(body: unknown): string {
  const code = errorCode(body);
  return code ? ` (error.code ${JSON.stringify(code)})` : "";
}

export function skipCase(where: Omit<CaseResult, "status" | "message">, message: string): CaseResult {
  return { ...where, status: "skip", message };
}

export function errorCase(where: Omit<CaseResult, "status" | "message">, message: string): CaseResult {
  return { ...where, status: "error", message };
}
