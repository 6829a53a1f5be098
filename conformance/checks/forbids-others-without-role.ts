import {
  grantingPermissions,
  isSupported,
  knownRoleTemplateIds,
  requiredRoleTemplateIds,
} from "../../src/contract/authorize.js";
import { graphError } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permissionRows } from "../scenarios/rows.js";
import { rowLabel } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("missingRole");

export const forbidsOthersWithoutRole = scenarioCheck({
  id: "forbids-others-without-role",
  title: "Delegated access to another user without a directory role not forbidden",
  severity: "critical",
  description:
    "A signed-in user whose token carries the row's least-privileged permission but none of the directory roles " +
    `the row requires (Authentication Administrator and the like) gets ${expected.status} when acting on another ` +
    "user. Scopes alone must never let an ordinary member read or manage a colleague's pass. Only a token whose " +
    "`wids` hold no role the runner does not know is used: a custom role (or one added later) might grant, so a " +
    "token holding one is skipped with that reason.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const { op, actingOn, type, row } of permissionRows()) {
      if (type !== "delegatedWork" || actingOn !== "actingOnOthers" || !isSupported(row)) continue;
      const roles = requiredRoleTemplateIds(row);
      if (roles.length === 0) continue;
      results.push(
        probeRow(session, {
          op,
          actingOn,
          caseLabel:
            `${rowLabel(type, actingOn)}, ${row.leastPrivileged[0] ?? grantingPermissions(row)[0]}, no ` +
            `required role`,
          token: (subject) => ({
            type,
            permissions: { exactly: [row.leastPrivileged[0] ?? grantingPermissions(row)[0]!] },
            // A role the runner does not know (a custom role) might grant: such a token proves nothing.
            roles: { noneOf: roles, onlyKnown: knownRoleTemplateIds() },
            ...(subject ? { user: { isNot: subject } } : {}),
          }),
          expected: expected.status,
          meaning: "no required directory role",
          needsPass: true,
        }),
      );
    }
    return Promise.all(results);
  },
});
