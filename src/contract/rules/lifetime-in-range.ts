import { policyDefaults } from "../../spec/index.js";
import { receivedExpected, type Finding } from "../violation.js";
import { tapItems } from "../body-items.js";
import { show } from "../violation.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "lifetime-in-range",
  title: "Lifetime out of range",
  severity: "medium",
  stage: "semantics",
  description:
    `\`lifetimeInMinutes\` is an integer within the documented range (${policyDefaults.lifetimeRange[0]} to ` +
    `${policyDefaults.lifetimeRange[1]} minutes, 30 days). The tenant policy narrows it for new passes; a pass ` +
    "read back outside the absolute range has a lifetime no policy could have granted.",
  appliesTo: (ctx) => tapItems(ctx).length > 0,
  run(ctx) {
    const range = ctx.options.policy?.lifetimeRange ?? policyDefaults.lifetimeRange;
    const min = range[0];
    const max = range[1];
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      const value = item.lifetimeInMinutes;
      // A value of the wrong type is response-schema's finding, not a range question.
      if (typeof value !== "number") continue;
      if (Number.isInteger(value) && value >= min && value <= max) continue;
      (findings ??= []).push({
        message: receivedExpected(`lifetimeInMinutes ${show(value)}`, `an integer from ${min} to ${max}`),
        instancePath: `${path}/lifetimeInMinutes`,
      });
    }
    return findings ?? none;
  },
});
