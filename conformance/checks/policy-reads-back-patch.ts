import type { TemporaryAccessPassPolicy } from "../../src/client/types.js";
import { policyOperation } from "../../src/spec/index.js";
import { receivedExpected } from "../../src/contract/violation.js";
import { withPolicyChange } from "../scenarios/policy-change.js";
import { policyToken } from "../targets/tenant-policy.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const op = policyOperation("updatePolicy");
const where = { operation: `${op.method} ${op.path}`, case: "PATCH defaultLength, then GET" };

export const policyReadsBackPatch = scenarioCheck({
  id: "policy-reads-back-patch",
  title: "Policy PATCH not read back",
  severity: "high",
  description:
    "A PATCH of the tenant's TAP policy answers 204, and the next GET returns what it wrote (the run changes " +
    "`defaultLength` by one character and puts the whole policy back right after, also on Ctrl-C). Needs a token " +
    "that may change the policy and writes (live: --allow-writes); a run never leaves the policy changed.",
  async run(session) {
    let changed: number | undefined;
    const window = await withPolicyChange(
      session,
      {},
      async (original: TemporaryAccessPassPolicy): Promise<CaseResult> => {
        const token = await policyToken(session.target.tokens, "updatePolicy");
        if ("skip" in token) return { ...where, status: "skip", message: token.skip };
        changed = original.defaultLength >= 48 ? original.defaultLength - 1 : original.defaultLength + 1;
        const body = {
          "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
          defaultLength: changed,
        };
        const patched = await session.policy.patch(token.token, body);
        if (!patched.ok) return { ...where, status: "error", message: patched.error };
        if (patched.status !== 204)
          return { ...where, status: "fail", message: receivedExpected(`PATCH ${patched.status}`, "204 (updated)") };
        const read = await session.policy.get(token.token);
        if (!read.ok) return { ...where, status: "error", message: read.error };
        const got = (read.body as { defaultLength?: unknown } | undefined)?.defaultLength;
        if (read.status === 200 && got === changed) return { ...where, status: "pass" };
        return {
          ...where,
          status: "fail",
          message: receivedExpected(
            `GET ${read.status}, defaultLength ${JSON.stringify(got)}`,
            `defaultLength ${changed}`,
          ),
        };
      },
    );
    return [window.ok ? window.value : { ...where, ...window.result }];
  },
});
