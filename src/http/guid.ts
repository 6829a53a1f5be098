/** The GUID shape Graph's ids take (the spec's `format: uuid`): 8-4-4-4-12 hex digits, either case. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a GUID. */
export function isGuid(value: unknown): value is string {
  return typeof value === "string" && GUID.test(value);
}
