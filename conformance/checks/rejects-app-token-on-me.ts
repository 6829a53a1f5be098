import { grantingPermissions } from "../../src/contract/authorize.js";
import { graphError, operations } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { operationsOf } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("appTokenOnMe");

export const rejectsAppTokenOnMe = scenarioCheck({
  id: "rejects-app-token-on-me",
  title: "Application token accepted on /me",
  severity: "high",
  description:
    `Every \`/me\` operation answers ${expected.status} (\`${expected.code}\`) to an application token, which has no ` +
    "signed-in user. A service that serves it resolves `/me` to somebody, and that somebody's pass is exposed.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const op of operations.filter((o) => o.subject === "me")) {
      // An app token that could do the same on /users: only "/me" can be the reason for the refusal.
      const sibling = operationsOf(op.kind, "users")[0];
      const row = sibling?.permissions.actingOnOthers.application;
      const permissions = row ? grantingPermissions(row) : [];
      if (permissions.length === 0) continue;
      results.push(
        probeRow(session, {
          op,
          actingOn: "actingOnSelf",
          caseLabel: "application token",
          token: () => ({ type: "application", permissions: { anyOf: permissions } }),
          expected: expected.status,
          meaning: "application token on /me",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
