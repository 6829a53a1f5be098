import { graphError } from "../../src/spec/index.js";
import { skipCase } from "../scenarios/judge.js";
import { probeRow } from "../scenarios/probe-row.js";
import { label, operationsOf, permittedSpec } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("policyRequiresOneTime");

export const oneTimePolicyRefusesMultiUse = scenarioCheck({
  id: "one-time-policy-refuses-multi-use",
  title: "Multi-use pass created against a one-time-only policy",
  severity: "high",
  exclusive: true,
  description:
    "While the tenant's TAP policy allows only one-time passes (`isUsableOnce: true`), a Create asking " +
    `\`isUsableOnce: false\` answers ${expected.status} \`${expected.code}\` ("${expected.message}"), Graph's real ` +
    "answer. Needs a target whose policy the run may switch (the embedded mock); a live run skips.",
  async run(session) {
    const results: CaseResult[] = [];
    for (const op of operationsOf("create", "users")) {
      const spec = permittedSpec(op, "actingOnOthers", "application", undefined);
      if (!spec) continue;
      const where = { operation: label(op), case: "one-time-only policy, isUsableOnce false" };
      const target = session.target;
      if (!target.allowWrites) {
        results.push(skipCase(where, "writes are not allowed (--allow-writes with --test-user)"));
        continue;
      }
      if (!target.withOneTimePolicy) {
        results.push(
          skipCase(
            where,
            "needs a tenant whose TAP policy the run may switch to one-time only (the embedded mock); a live tenant's policy is left alone",
          ),
        );
        continue;
      }
      results.push(
        await target.withOneTimePolicy<CaseResult>(() =>
          probeRow(session, {
            op,
            actingOn: "actingOnOthers",
            caseLabel: where.case,
            token: () => spec,
            expected: expected.status,
            meaning: "the policy allows only one-time passes",
            needsPass: false,
            body: { isUsableOnce: false },
          }),
        ),
      );
    }
    return results;
  },
});
