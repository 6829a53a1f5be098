import { receivedExpected, type Finding } from "../violation.js";
import { tapItems } from "../body-items.js";
import type { ExchangeContext } from "../exchange.js";
import { defineRule, none } from "../rule.js";
import { parseHttpDate, parseTimestamp } from "../timestamp.js";
import { enabledByPolicy, expired, notYetValid } from "../usability.js";

/** Default allowance for the gap between the service's clock and its `Date` header (1 s resolution). */
export const defaultClockToleranceMs = 60_000;

/** The server's time: the caller's, else the response's `Date` header. */
function serverNow(ctx: ExchangeContext): number | undefined {
  if (ctx.options.now) return ctx.options.now.getTime();
  const date = ctx.headers.date;
  if (date === undefined) return undefined;
  const t = parseHttpDate(date);
  return Number.isNaN(t) ? undefined : t;
}

const iso = (ms: number) => new Date(ms).toISOString();

function startOf(value: unknown): number {
  return typeof value === "string" ? parseTimestamp(value) : Number.NaN;
}

export default defineRule({
  id: "usability-matches-clock",
  title: "Usability reason contradicts the clock",
  severity: "medium",
  stage: "semantics",
  description:
    `\`${notYetValid}\`, \`${expired}\` and \`${enabledByPolicy}\` agree with \`startDateTime\`, ` +
    `\`lifetimeInMinutes\` ` +
    "and the server's clock (its `Date` header): not yet valid before the start, expired after start plus lifetime, " +
    "enabled in between. A tolerance (60 s by default) absorbs clock skew and the header's one-second resolution. " +
    "Other reasons make no statement about time and are not judged.",
  appliesTo: (ctx) => tapItems(ctx).length > 0 && serverNow(ctx) !== undefined,
  run(ctx) {
    const now = serverNow(ctx)!;
    const tolerance = ctx.options.clockToleranceMs ?? defaultClockToleranceMs;
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      const reason = item.methodUsabilityReason;
      const lifetime = item.lifetimeInMinutes;
      const start = startOf(item.startDateTime);
      if (typeof lifetime !== "number" || Number.isNaN(start)) continue;
      const end = start + lifetime * 60_000;
      let expected: string | undefined;
      if (now >= start + tolerance && now < end - tolerance) expected = enabledByPolicy;
      else if (now < start - tolerance) expected = notYetValid;
      else if (now >= end + tolerance) expected = expired;
      // Within the tolerance of a boundary, either side is right.
      if (expected === undefined || reason === expected) continue;
      const judged = reason === notYetValid || reason === expired || reason === enabledByPolicy;
      if (!judged) continue;
      (findings ??= []).push({
        message: receivedExpected(
          `methodUsabilityReason "${String(reason)}" at server time ${iso(now)} for a pass valid from ` +
            `${iso(start)} to ${iso(end)}`,
          `"${expected}"`,
        ),
        instancePath: `${path}/methodUsabilityReason`,
      });
    }
    return findings ?? none;
  },
});
