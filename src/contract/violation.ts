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
  /**
   * The defect's name, the same in every exchange that has it (no ids, times or values): with the
   * rule, keyword and path it is what the tally groups by, so one defect across many exchanges is
   * one violation with its count. Without it the message names the defect.
   */
  key?: string;
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

/** `METHOD /path/template`, the operation label of violations and reports. */
export function operationLabel(op: { method: string; path: string }): string {
  return `${op.method} ${op.path}`;
}

/** The one place a violation is built: a rule's finding, with who found it and where. */
export function toViolation(
  rule: { id: string; title: string; severity: Severity },
  operation: string,
  finding: Finding,
): Violation {
  return { check: rule.id, title: rule.title, severity: rule.severity, operation, ...finding };
}

/** A value for a message: `(absent)`, or its JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
