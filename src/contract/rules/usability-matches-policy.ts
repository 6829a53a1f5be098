import { receivedExpected, type Finding } from "../violation.js";
import { tapItems } from "../body-items.js";
import { defineRule, none } from "../rule.js";
import { enabledByPolicy } from "../usability.js";

export default defineRule({
  id: "usability-matches-policy",
  title: "Usable pass the tenant's policy forbids",
  severity: "high",
  stage: "semantics",
  description:
    `\`${enabledByPolicy}\` agrees with the tenant's TAP policy when the run could read it: no pass is usable while ` +
    "the method is `disabled`, and no multi-use pass (`isUsableOnce: false`) while the policy allows only one-time " +
    "passes; Graph reports `DisabledByPolicy` for both. Without the tenant's policy (a recording, or no token that " +
    "may read it) the rule has nothing to judge by and skips.",
  appliesTo: (ctx) =>
    tapItems(ctx).length > 0 &&
    (ctx.options.policy?.state !== undefined || ctx.options.policy?.isUsableOnce !== undefined),
  run(ctx) {
    const policy = ctx.options.policy!;
    const source = ctx.options.policySource ?? "the given policy";
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      if (item.methodUsabilityReason !== enabledByPolicy) continue;
      let why: string | undefined;
      if (policy.state === "disabled") why = "the method is disabled";
      else if (policy.isUsableOnce === true && item.isUsableOnce === false)
        why = "only one-time passes are allowed and this one is multi-use";
      if (!why) continue;
      (findings ??= []).push({
        message: receivedExpected(
          `methodUsabilityReason "${enabledByPolicy}" while ${why} (${source})`,
          '"DisabledByPolicy"',
        ),
        instancePath: `${path}/methodUsabilityReason`,
      });
    }
    return findings ?? none;
  },
});
