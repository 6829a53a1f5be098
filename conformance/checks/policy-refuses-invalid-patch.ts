import type { TemporaryAccessPassPolicy } from "../../src/client/types.js";
import { graphError, policyOperation } from "../../src/spec/index.js";
import { receivedExpected } from "../../src/contract/violation.js";
import { withPolicyChange } from "../scenarios/policy-change.js";
import { policyToken } from "../targets/tenant-policy.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const op = policyOperation("updatePolicy");
const where = { operation: `${op.method} ${op.path}`, case: "minimum above maximum" };
const example = graphError("policyLifetimeOrder", { min: 481, max: 480 });

export const policyRefusesInvalidPatch = scenarioCheck({
  id: "policy-refuses-invalid-patch",
  title: "Policy PATCH accepted a minimum above the maximum",
  severity: "high",
  description:
    "A PATCH that would leave the tenant's TAP policy with `minimumLifetimeInMinutes` above " +
    `\`maximumLifetimeInMinutes\` answers ${example.status}, and the policy reads back unchanged (a refused PATCH ` +
    "changes nothing). The body of the refusal is the contract's decision; the status and the unchanged policy are " +
    "what is judged. The run puts the whole policy back afterwards in any case, also on Ctrl-C. Needs a token that " +
    "may change the policy and writes (live: --allow-writes).",
  async run(session) {
    const window = await withPolicyChange(
      session,
      {},
      async (original: TemporaryAccessPassPolicy): Promise<CaseResult> => {
        const token = await policyToken(session.target.tokens, "updatePolicy");
        if ("skip" in token) return { ...where, status: "skip", message: token.skip };
        const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = original;
        const change =
          max < 43200
            ? { minimumLifetimeInMinutes: max + 1 }
            : min > 10
              ? { maximumLifetimeInMinutes: min - 1 }
              : undefined;
        if (!change)
          return { ...where, status: "skip", message: "the policy's range is 10..43200: no value crosses it" };
        const patched = await session.policy.patch(token.token, {
          "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
          isUsableOnce: !original.isUsableOnce,
          ...change,
        });
        if (!patched.ok) return { ...where, status: "error", message: patched.error };
        if (patched.status >= 500 || patched.status === 429)
          return { ...where, status: "error", message: `could not judge: the service answered ${patched.status}` };
        const read = await session.policy.get(token.token);
        if (!read.ok) return { ...where, status: "error", message: read.error };
        const now = read.body as Partial<TemporaryAccessPassPolicy> | undefined;
        const unchanged =
          now?.minimumLifetimeInMinutes === min &&
          now?.maximumLifetimeInMinutes === max &&
          now?.isUsableOnce === original.isUsableOnce;
        if (patched.status === example.status && unchanged) return { ...where, status: "pass" };
        return {
          ...where,
          status: "fail",
          message: receivedExpected(
            `PATCH ${JSON.stringify(change)} answered ${patched.status}; the policy then reads ` +
              `${now?.minimumLifetimeInMinutes}..${now?.maximumLifetimeInMinutes}, isUsableOnce ${now?.isUsableOnce}`,
            `${example.status}, and the policy unchanged (${min}..${max}, isUsableOnce ${original.isUsableOnce})`,
          ),
        };
      },
    );
    return [window.ok ? window.value : { ...where, ...window.result }];
  },
});
