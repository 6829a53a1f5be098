/**
 * For each contract-breaking scenario of the mock: the checks that must fail (and no others),
 * and whether errors are expected (the service failing or throttling leaves checks unjudgeable).
 * Sets larger than one are deliberate: a 200 for an unknown user also breaks the body's
 * schema and context, and the report should say so.
 */
import type { CheckId } from "../../conformance/checks/index.js";
import type { ScenarioName } from "../../src/mock/index.js";

export const scenarioExpectations: Record<ScenarioName, { fails: CheckId[]; errors?: true }> = {
  "secret-on-read": { fails: ["response-schema", "secret-null-on-read"] },
  "secret-wrong-length": { fails: ["response-schema", "secret-on-create"] },
  "two-methods": { fails: ["create-replaces-previous", "one-method-per-user", "response-schema"] },
  "usable-contradicts-reason": { fails: ["usability-matches-clock", "usable-matches-reason"] },
  "reason-contradicts-clock": { fails: ["usability-matches-clock"] },
  "one-time-used-on-multi-use": { fails: ["one-time-used-only-for-one-time"] },
  "lifetime-out-of-range": { fails: ["lifetime-in-range", "response-schema", "usability-matches-clock"] },
  "schema-violation": { fails: ["response-schema"] },
  "extra-property": { fails: ["undocumented-properties"] },
  "undocumented-status": { fails: ["least-privilege-suffices", "status-code-documented"], errors: true },
  "wrong-content-type": { fails: ["content-type"] },
  "missing-request-id": { fails: ["request-id-headers"] },
  "client-request-id-not-echoed": { fails: ["request-id-headers"] },
  "bad-error-envelope": { fails: ["error-envelope"] },
  "no-retry-after": { fails: ["retry-after-on-429"], errors: true },
  "wrong-odata-context": { fails: ["odata-context"] },
  "wrong-id": { fails: ["get-equals-list-entry", "get-id-matches-request"] },
  "get-differs-from-list": { fails: ["get-equals-list-entry"] },
  "create-keeps-previous": { fails: ["create-replaces-previous", "one-method-per-user", "response-schema"] },
  "server-error": { fails: ["not-a-server-error"], errors: true },
  "auth-ignored": {
    fails: ["odata-context", "rejects-expired-token", "rejects-malformed-token", "rejects-missing-token"],
  },
  "permission-ignored": { fails: ["forbids-without-permission"] },
  "role-ignored": { fails: ["forbids-others-without-role"] },
  "app-on-me-accepted": { fails: ["odata-context", "rejects-app-token-on-me"] },
  "administrator-target-accepted": { fails: ["forbids-administrator-target"] },
  "guest-accepted": { fails: ["refuses-external-guest"] },
  "multi-use-despite-policy": { fails: ["one-time-policy-refuses-multi-use"] },
  "lifetime-outside-policy-accepted": { fails: ["lifetime-in-range", "refuses-lifetime-outside-policy"] },
  "past-start-accepted": { fails: ["refuses-past-start"] },
  "disabled-method-accepted": { fails: ["refuses-disabled-method"] },
  "untargeted-user-accepted": { fails: ["refuses-untargeted-user"] },
  // The checks that change the policy for their probe cannot judge then: they error, naming this one.
  "policy-patch-ignored": { fails: ["policy-reads-back-patch"], errors: true },
  "policy-read-contradicts-passes": { fails: ["usability-matches-policy"] },
  "invalid-policy-accepted": { fails: ["policy-refuses-invalid-patch"] },
  "methods-list-omits-pass": { fails: ["methods-list-shows-pass"] },
  "not-found-ignored": {
    fails: [
      "create-replaces-previous",
      "get-id-matches-request",
      "not-found-for-unknown-method",
      "not-found-for-unknown-user",
      "odata-context",
      "response-schema",
      "secret-on-create",
      "status-code-documented",
      "undocumented-properties",
    ],
  },
};
