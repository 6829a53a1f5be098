import { receivedExpected, type Finding } from "../violation.js";
import { isSuccess, tapItems } from "../body-items.js";
import { redactedPass } from "../redact.js";
import { defineRule, none } from "../rule.js";

const PASS = "temporaryAccessPass";

export default defineRule({
  id: "secret-null-on-read",
  title: "Passcode returned by a read",
  severity: "critical",
  stage: "semantics",
  description:
    "Get and List return `temporaryAccessPass` as `null`: the passcode is shown once, by Create, and never again. " +
    "A value on a read is a leaked credential that anyone with read permission can use to sign in as the user. " +
    "The report shows only that a value was present and its length.",
  appliesTo: (ctx) => isSuccess(ctx.status) && (ctx.operation.kind === "get" || ctx.operation.kind === "list"),
  run(ctx) {
    let findings: Finding[] | undefined;
    const items = tapItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const { item, path } = items[i]!;
      const value = item[PASS];
      if (value === null || value === undefined) continue;
      (findings ??= []).push({
        message: receivedExpected(`${PASS} ${redactedPass(value)}`, "null on every read"),
        instancePath: `${path}/${PASS}`,
      });
    }
    return findings ?? none;
  },
});
