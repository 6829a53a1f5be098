import { headerValidator } from "../schemas.js";
import { receivedExpected } from "../violation.js";
import { defineRule, none } from "../rule.js";

const THROTTLED = 429;
const RETRY_AFTER = "retry-after";

export default defineRule({
  id: "retry-after-on-429",
  title: "429 without a valid Retry-After",
  severity: "medium",
  stage: "transport",
  description:
    "A 429 (throttled) response carries `Retry-After` in the form the spec's header schema allows: seconds, " +
    "possibly fractional, or an HTTP date. Without it a client cannot back off as Graph's throttling guidance " +
    "requires and either hammers the service or gives up.",
  appliesTo: (ctx) => ctx.status === THROTTLED,
  run(ctx) {
    const value = ctx.headers[RETRY_AFTER];
    if (value === undefined)
      return [{ message: receivedExpected("no Retry-After header", "Retry-After in seconds or an HTTP date") }];
    if (headerValidator("Retry-After")(value)) return none;
    return [
      { message: receivedExpected(`Retry-After ${JSON.stringify(value)}`, "seconds (e.g. 2.128) or an HTTP date") },
    ];
  },
});
