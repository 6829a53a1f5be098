import { graphError } from "../../src/spec/index.js";
import { skipCase } from "../scenarios/judge.js";
import { probeCreateRefusal } from "../scenarios/create-refusal.js";
import { label, operationsOf } from "../scenarios/subjects.js";
import { scenarioCheck } from "./check.js";

const example = graphError("invalidLifetime", { min: 60, max: 480 });

export const refusesLifetimeOutsidePolicy = scenarioCheck({
  id: "refuses-lifetime-outside-policy",
  title: "Pass created with a lifetime outside the tenant's policy",
  severity: "high",
  description:
    "A Create asking a lifetime one minute above the tenant policy's maximum (or below its minimum, when the " +
    `maximum is the documented 43200) answers ${example.status} \`${example.code}\` with Graph's message naming the ` +
    `tenant's range ("${example.message}" for the default 60..480). Needs the tenant's policy (a token that may read ` +
    "it) and writes.",
  async run(session) {
    const reading = session.tenantPolicy;
    if (reading.source !== "tenant") {
      return operationsOf("create", "users").map((op) =>
        skipCase(
          { operation: label(op), case: "lifetime outside the policy" },
          `needs the tenant's policy: ${reading.reason}`,
        ),
      );
    }
    const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = reading.policy;
    const lifetime = max < 43200 ? max + 1 : min > 10 ? min - 1 : undefined;
    if (lifetime === undefined) {
      return operationsOf("create", "users").map((op) =>
        skipCase(
          { operation: label(op), case: "lifetime outside the policy" },
          "the tenant's range is the documented 10..43200: no lifetime lies outside it",
        ),
      );
    }
    return probeCreateRefusal(session, {
      caseLabel: `lifetimeInMinutes ${lifetime} (policy ${min}..${max})`,
      body: { lifetimeInMinutes: lifetime },
      kind: "invalidLifetime",
      values: { min, max },
    });
  },
});
