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
    `${policyDefaults.lifetimeRange[1]} minutes, 30 days), or within the tenant's own policy when the run could read ` +
    "it (by default 60 to 480): a pass outside it is one the tenant could not have issued (or one issued before " +
    "the policy was narrowed). The message names the range and where it came from.",
  appliesTo: (ctx) => tapItems(ctx).length > 0,
  run(ctx) {
    const range = ctx.options.policy?.lifetimeRange ?? policyDefaults.lifetimeRange;
    const source =
      ctx.options.policySource ?? (ctx.options.policy?.lifetimeRange ? "the given policy" : "the documented bounds");
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
        message: receivedExpected(`lifetimeInMinutes ${show(value)}`, `an integer from ${min} to ${max} (${source})`),
        instancePath: `${path}/lifetimeInMinutes`,
      });
    }
    return findings ?? none;
  },
});
