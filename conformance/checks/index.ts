/**
 * The catalog: the only place checks are registered. Keys are the ids (file names, CLI values,
 * JUnit classnames); the order is the report order.
 */
import type { Check } from "./check.js";
import { contentType } from "./content-type.js";
import { createReplacesPrevious } from "./create-replaces-previous.js";
import { errorEnvelope } from "./error-envelope.js";
import { forbidsAdministratorTarget } from "./forbids-administrator-target.js";
import { forbidsOthersWithoutRole } from "./forbids-others-without-role.js";
import { forbidsWithoutPermission } from "./forbids-without-permission.js";
import { getEqualsListEntry } from "./get-equals-list-entry.js";
import { getIdMatchesRequest } from "./get-id-matches-request.js";
import { leastPrivilegeSuffices } from "./least-privilege-suffices.js";
import { lifetimeInRange } from "./lifetime-in-range.js";
import { notAServerError } from "./not-a-server-error.js";
import { notFoundForUnknownMethod } from "./not-found-for-unknown-method.js";
import { notFoundForUnknownUser } from "./not-found-for-unknown-user.js";
import { odataContext } from "./odata-context.js";
import { oneMethodPerUser } from "./one-method-per-user.js";
import { oneTimePolicyRefusesMultiUse } from "./one-time-policy-refuses-multi-use.js";
import { oneTimeUsedOnlyForOneTime } from "./one-time-used-only-for-one-time.js";
import { refusesExternalGuest } from "./refuses-external-guest.js";
import { rejectsAppTokenOnMe } from "./rejects-app-token-on-me.js";
import { rejectsExpiredToken } from "./rejects-expired-token.js";
import { rejectsMalformedToken } from "./rejects-malformed-token.js";
import { rejectsMissingToken } from "./rejects-missing-token.js";
import { requestIdHeaders } from "./request-id-headers.js";
import { responseSchema } from "./response-schema.js";
import { retryAfterOn429 } from "./retry-after-on-429.js";
import { secretNullOnRead } from "./secret-null-on-read.js";
import { secretOnCreate } from "./secret-on-create.js";
import { statusCodeDocumented } from "./status-code-documented.js";
import { undocumentedProperties } from "./undocumented-properties.js";
import { usabilityMatchesClock } from "./usability-matches-clock.js";
import { usableMatchesReason } from "./usable-matches-reason.js";

export const checks = {
  // transport and envelope
  "not-a-server-error": notAServerError,
  "status-code-documented": statusCodeDocumented,
  "content-type": contentType,
  "request-id-headers": requestIdHeaders,
  "error-envelope": errorEnvelope,
  "retry-after-on-429": retryAfterOn429,
  "odata-context": odataContext,
  // schema
  "response-schema": responseSchema,
  "undocumented-properties": undocumentedProperties,
  // semantics
  "secret-null-on-read": secretNullOnRead,
  "secret-on-create": secretOnCreate,
  "one-method-per-user": oneMethodPerUser,
  "create-replaces-previous": createReplacesPrevious,
  "get-equals-list-entry": getEqualsListEntry,
  "get-id-matches-request": getIdMatchesRequest,
  "usable-matches-reason": usableMatchesReason,
  "usability-matches-clock": usabilityMatchesClock,
  "one-time-used-only-for-one-time": oneTimeUsedOnlyForOneTime,
  "lifetime-in-range": lifetimeInRange,
  // status codes and authorization
  "rejects-missing-token": rejectsMissingToken,
  "rejects-malformed-token": rejectsMalformedToken,
  "rejects-expired-token": rejectsExpiredToken,
  "forbids-without-permission": forbidsWithoutPermission,
  "forbids-others-without-role": forbidsOthersWithoutRole,
  "forbids-administrator-target": forbidsAdministratorTarget,
  "rejects-app-token-on-me": rejectsAppTokenOnMe,
  "not-found-for-unknown-method": notFoundForUnknownMethod,
  "not-found-for-unknown-user": notFoundForUnknownUser,
  "least-privilege-suffices": leastPrivilegeSuffices,
  "refuses-external-guest": refusesExternalGuest,
  "one-time-policy-refuses-multi-use": oneTimePolicyRefusesMultiUse,
} as const satisfies { [Id in string]: Check<Id> };

export type CheckId = keyof typeof checks;

export const checkIds = Object.keys(checks) as CheckId[];

export const allChecks: readonly Check[] = Object.values(checks);

export function isCheckId(id: string): id is CheckId {
  return Object.hasOwn(checks, id);
}
