/**
 * The catalog of conformance checks: every exchange rule of the contract's catalog (derived, never
 * listed here: a new rule file is a new check), then the scenario checks, which send their own
 * requests and are registered here once. Keys are the ids (file names, CLI values, JUnit
 * classnames); the order is the report order.
 */
import { exchangeRules, type ExchangeRuleId } from "../../src/contract/catalog.js";
import { exchangeCheck, type Check, type ExchangeCheck, type ScenarioCheck } from "./check.js";
import { createReplacesPrevious } from "./create-replaces-previous.js";
import { forbidsAdministratorTarget } from "./forbids-administrator-target.js";
import { forbidsOthersWithoutRole } from "./forbids-others-without-role.js";
import { forbidsWithoutPermission } from "./forbids-without-permission.js";
import { getEqualsListEntry } from "./get-equals-list-entry.js";
import { leastPrivilegeSuffices } from "./least-privilege-suffices.js";
import { methodsListShowsPass } from "./methods-list-shows-pass.js";
import { notFoundForUnknownMethod } from "./not-found-for-unknown-method.js";
import { notFoundForUnknownUser } from "./not-found-for-unknown-user.js";
import { oneTimePolicyRefusesMultiUse } from "./one-time-policy-refuses-multi-use.js";
import { policyReadsBackPatch } from "./policy-reads-back-patch.js";
import { policyRefusesInvalidPatch } from "./policy-refuses-invalid-patch.js";
import { refusesDisabledMethod } from "./refuses-disabled-method.js";
import { refusesLifetimeOutsidePolicy } from "./refuses-lifetime-outside-policy.js";
import { refusesPastStart } from "./refuses-past-start.js";
import { refusesUntargetedUser } from "./refuses-untargeted-user.js";
import { refusesExternalGuest } from "./refuses-external-guest.js";
import { rejectsAppTokenOnMe } from "./rejects-app-token-on-me.js";
import { rejectsExpiredToken } from "./rejects-expired-token.js";
import { rejectsMalformedToken } from "./rejects-malformed-token.js";
import { rejectsMissingToken } from "./rejects-missing-token.js";

/** The checks that send their own requests, in report order. */
export const scenarioChecks = {
  "create-replaces-previous": createReplacesPrevious,
  "get-equals-list-entry": getEqualsListEntry,
  "methods-list-shows-pass": methodsListShowsPass,
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
  "refuses-lifetime-outside-policy": refusesLifetimeOutsidePolicy,
  "refuses-past-start": refusesPastStart,
  "refuses-disabled-method": refusesDisabledMethod,
  "refuses-untargeted-user": refusesUntargetedUser,
  "policy-reads-back-patch": policyReadsBackPatch,
  "policy-refuses-invalid-patch": policyRefusesInvalidPatch,
} as const satisfies { [Id in string]: ScenarioCheck<Id> };

export type CheckId = ExchangeRuleId | keyof typeof scenarioChecks;

export const exchangeChecks: readonly ExchangeCheck<ExchangeRuleId>[] = exchangeRules.map((rule) =>
  exchangeCheck(rule),
);

export const allChecks: readonly Check<CheckId>[] = [...exchangeChecks, ...Object.values(scenarioChecks)];

export const checks: Readonly<Record<CheckId, Check<CheckId>>> = Object.fromEntries(
  allChecks.map((c) => [c.id, c]),
) as Record<CheckId, Check<CheckId>>;

export const checkIds: readonly CheckId[] = allChecks.map((c) => c.id);

export function isCheckId(id: string): id is CheckId {
  return Object.hasOwn(checks, id);
}
