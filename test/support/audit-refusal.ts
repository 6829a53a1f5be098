/**
 * When `npm audit` may be skipped: only when the registry answers and refuses the audit
 * endpoint the way this workplace's mirror does (405 Method Not Allowed to audit's POST). A 404
 * is a mistyped registry URL, a 5xx a broken one: those fail, so CI never passes unaudited.
 */
export function auditRefusal(report: { statusCode?: number; message?: string }): string | undefined {
  return report.statusCode === 405 ? `${report.message ?? "405 Method Not Allowed"}` : undefined;
}
