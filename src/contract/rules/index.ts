/**
 * The pure single-exchange contract rules, shared by the client's contract middleware, the
 * mock's own tests and the conformance runner. This file is their only registration point.
 */
import type { Violation } from "../violation.js";
import { contentType } from "./content-type.js";
import type { DocumentedResponse } from "./documented-response.js";
import { errorEnvelope } from "./error-envelope.js";
import { exchangeContext, operationLabel, type CheckExchangeOptions, type Exchange, type ExchangeContext } from "./exchange.js";
import { getIdMatchesRequest } from "./get-id-matches-request.js";
import { lifetimeInRange } from "./lifetime-in-range.js";
import { notAServerError } from "./not-a-server-error.js";
import { odataContext } from "./odata-context.js";
import { oneMethodPerUser } from "./one-method-per-user.js";
import { oneTimeUsedOnlyForOneTime } from "./one-time-used-only-for-one-time.js";
import { requestIdHeaders } from "./request-id-headers.js";
import { responseSchema } from "./response-schema.js";
import { retryAfterOn429 } from "./retry-after-on-429.js";
import type { ExchangeRule } from "./rule.js";
import { secretNullOnRead } from "./secret-null-on-read.js";
import { secretOnCreate } from "./secret-on-create.js";
import { statusCodeDocumented } from "./status-code-documented.js";
import { undocumentedProperties } from "./undocumented-properties.js";
import { usabilityMatchesClock } from "./usability-matches-clock.js";
import { usableMatchesReason } from "./usable-matches-reason.js";

/** Every rule, in report order: transport and envelope, schema, semantics. */
export const exchangeRules = {
  "not-a-server-error": notAServerError,
  "status-code-documented": statusCodeDocumented,
  "content-type": contentType,
  "request-id-headers": requestIdHeaders,
  "error-envelope": errorEnvelope,
  "retry-after-on-429": retryAfterOn429,
  "odata-context": odataContext,
  "response-schema": responseSchema,
  "undocumented-properties": undocumentedProperties,
  "secret-null-on-read": secretNullOnRead,
  "secret-on-create": secretOnCreate,
  "one-method-per-user": oneMethodPerUser,
  "get-id-matches-request": getIdMatchesRequest,
  "usable-matches-reason": usableMatchesReason,
  "usability-matches-clock": usabilityMatchesClock,
  "one-time-used-only-for-one-time": oneTimeUsedOnlyForOneTime,
  "lifetime-in-range": lifetimeInRange,
} as const satisfies { [Id in string]: ExchangeRule<Id> };

export type ExchangeRuleId = keyof typeof exchangeRules;

export const exchangeRuleIds = Object.keys(exchangeRules) as ExchangeRuleId[];

const allRules: ReadonlyArray<ExchangeRule> = Object.values(exchangeRules);

/**
 * The rules worth calling for one operation and status, in report order (see `runsFor`), built
 * once per pair: most exchanges skip a third of the catalog without a call. The `run` functions
 * sit in their own array so that the loop does not read them off seventeen differently shaped
 * rule objects.
 */
interface Plan {
  rules: ReadonlyArray<ExchangeRule>;
  runs: ReadonlyArray<ExchangeRule["run"]>;
}

const plans = new WeakMap<DocumentedResponse, Plan>();
let lastDocumented: DocumentedResponse | undefined;
let lastPlan: Plan | undefined;

function planOf(rules: ReadonlyArray<ExchangeRule>): Plan {
  return { rules, runs: rules.map((r) => r.run) };
}

function planFor(ctx: ExchangeContext): Plan {
  // `documented` is memoised per operation and status, so it names the pair.
  if (ctx.documented === lastDocumented) return lastPlan!;
  let plan = plans.get(ctx.documented);
  if (!plan) {
    plan = planOf(allRules.filter((r) => r.runsFor?.(ctx.operation, ctx.status) ?? true));
    plans.set(ctx.documented, plan);
  }
  lastDocumented = ctx.documented;
  lastPlan = plan;
  return plan;
}

const noOptions: CheckExchangeOptions = Object.freeze({});

/**
 * Every rule that needs only this one request/response pair, as violations (empty = the
 * exchange honours the contract). Pure: no I/O, never throws for a contract problem.
 */
export function checkExchange(exchange: Exchange, options: CheckExchangeOptions = noOptions): Violation[] {
  const ctx = exchangeContext(exchange, options);
  let plan = planFor(ctx);
  if (options.rules) plan = planOf(plan.rules.filter((r) => options.rules!.includes(r.id)));
  const { rules, runs } = plan;
  const out: Violation[] = [];
  for (let i = 0; i < runs.length; i++) {
    const findings = runs[i]!(ctx);
    if (findings.length === 0) continue;
    const rule = rules[i]!;
    const label = operationLabel(exchange.operation);
    for (const finding of findings) {
      out.push({ check: rule.id, title: rule.title, severity: rule.severity, operation: label, ...finding });
    }
  }
  return out;
}

export { exchangeContext, operationLabel };
export type { CheckExchangeOptions, Exchange, ExchangeContext, ExchangeRule };
export { redactedPass, redactText, redactValue, redactHeaders } from "../redact.js";
export { defaultClockToleranceMs } from "./usability-matches-clock.js";
export { methodIdParam } from "./documented-response.js";
export { selectedProperties, splitRequestUrl } from "./request-url.js";
