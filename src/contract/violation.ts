/** What a check found wrong, as data. Reports render it; nothing throws it. */
export type Severity = "critical" | "high" | "medium" | "low";

export const severities: readonly Severity[] = ["critical", "high", "medium", "low"];

/** One problem found by a pure rule; the check that ran the rule adds who and how bad. */
export interface Finding {
  /** `Received: … / Expected: …` on two lines where there is a received value. */
  message: string;
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
}

export interface Violation extends Finding {
  check: string;
  title: string;
  severity: Severity;
  /** `METHOD /path/template`. */
  operation: string;
}

/** The standard two-line message shape. */
export function receivedExpected(received: string, expected: string): string {
  return `Received: ${received}\nExpected: ${expected}`;
}
