/**
 * The rule catalog: every exchange rule, in report order (stage: transport and envelope, schema,
 * semantics; then id). Written by hand with static imports, which browsers and bundlers load as
 * they would a generated list; `rules.test.ts` fails when a file of `rules/` is missing here, is
 * listed twice, or is out of order, so this list cannot drift from the folder.
 */
import contentType from "./rules/content-type.js";
import errorEnvelope from "./rules/error-envelope.js";
import notAServerError from "./rules/not-a-server-error.js";
import odataContext from "./rules/odata-context.js";
import requestIdHeaders from "./rules/request-id-headers.js";
import retryAfterOn429 from "./rules/retry-after-on-429.js";
import statusCodeDocumented from "./rules/status-code-documented.js";
import responseSchema from "./rules/response-schema.js";
import undocumentedProperties from "./rules/undocumented-properties.js";
import getIdMatchesRequest from "./rules/get-id-matches-request.js";
import lifetimeInRange from "./rules/lifetime-in-range.js";
import oneMethodPerUser from "./rules/one-method-per-user.js";
import oneTimeUsedOnlyForOneTime from "./rules/one-time-used-only-for-one-time.js";
import secretNullOnRead from "./rules/secret-null-on-read.js";
import secretOnCreate from "./rules/secret-on-create.js";
import usabilityMatchesClock from "./rules/usability-matches-clock.js";
import usabilityMatchesPolicy from "./rules/usability-matches-policy.js";
import usableMatchesReason from "./rules/usable-matches-reason.js";
import type { ExchangeRule } from "./rule.js";

const ruleCatalog = [
  contentType,
  errorEnvelope,
  notAServerError,
  odataContext,
  requestIdHeaders,
  retryAfterOn429,
  statusCodeDocumented,
  responseSchema,
  undocumentedProperties,
  getIdMatchesRequest,
  lifetimeInRange,
  oneMethodPerUser,
  oneTimeUsedOnlyForOneTime,
  secretNullOnRead,
  secretOnCreate,
  usabilityMatchesClock,
  usabilityMatchesPolicy,
  usableMatchesReason,
] as const;

export type ExchangeRuleId = (typeof ruleCatalog)[number]["id"];

export const exchangeRules: ReadonlyArray<ExchangeRule<ExchangeRuleId>> = ruleCatalog;

export const exchangeRuleIds: readonly ExchangeRuleId[] = exchangeRules.map((r) => r.id);

export function isExchangeRuleId(id: string): id is ExchangeRuleId {
  return (exchangeRuleIds as readonly string[]).includes(id);
}
