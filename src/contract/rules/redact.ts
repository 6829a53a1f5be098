/** How a pass value appears in any message: its presence and length, never the value. */
export function redactedPass(value: unknown): string {
  if (typeof value === "string") return `<redacted: ${value.length} chars>`;
  return value === undefined ? "(absent)" : `<redacted: a ${value === null ? "null" : typeof value}>`;
}
