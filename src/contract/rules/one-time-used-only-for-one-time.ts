import { receivedExpected, type Finding } from "../violation.js";
import { tapItems } from "../body-items.js";
import { defineRule, none } from "../rule.js";
import { oneTimeUsed } from "../usability.js";

export default defineRule({
  id: "one-time-used-only-for-one-time",
  title: "OneTimeUsed on a multi-use pass",
  severity: "medium",
  stage: "semantics",
  description:
    `\`methodUsabilityReason\` is \`${oneTimeUsed}\` only for a one-time pass (\`isUsableOnce: true\`). A multi-use ` +
    "pass cannot be used up; the reason on it means the service confused two passes or two policies.",
  appliesTo: (ctx) => tapItems(ctx).length > 0,
  run(ctx) {
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      if (item.methodUsabilityReason !== oneTimeUsed || item.isUsableOnce === true) continue;
      (findings ??= []).push({
        message: receivedExpected(
          `methodUsabilityReason "${oneTimeUsed}" with isUsableOnce ${JSON.stringify(item.isUsableOnce)}`,
          "isUsableOnce true",
        ),
        instancePath: `${path}/methodUsabilityReason`,
      });
    }
    return findings ?? none;
  },
});
