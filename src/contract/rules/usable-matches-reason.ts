import { receivedExpected, type Finding } from "../violation.js";
import { tapItems } from "../body-items.js";
import { defineRule, none } from "../rule.js";
import { enabledByPolicy } from "../usability.js";

export default defineRule({
  id: "usable-matches-reason",
  title: "isUsable contradicts methodUsabilityReason",
  severity: "high",
  stage: "semantics",
  description:
    `\`isUsable\` is \`true\` exactly when \`methodUsabilityReason\` is \`${enabledByPolicy}\`. Portals show one ` +
    "and act on the other; when they disagree a helpdesk hands out a pass that cannot sign in, or refuses one that " +
    "can.",
  appliesTo: (ctx) => tapItems(ctx).length > 0,
  run(ctx) {
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      const usable = item.isUsable;
      const reason = item.methodUsabilityReason;
      if (typeof usable !== "boolean" || typeof reason !== "string") continue;
      if (usable === (reason === enabledByPolicy)) continue;
      (findings ??= []).push({
        message: receivedExpected(
          `isUsable ${usable} with methodUsabilityReason "${reason}"`,
          `isUsable ${reason === enabledByPolicy}`,
        ),
        instancePath: `${path}/isUsable`,
      });
    }
    return findings ?? none;
  },
});
