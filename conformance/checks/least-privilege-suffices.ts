import { isSupported, requiredRoleTemplateIds } from "../../src/contract/authorize.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permissionRows } from "../scenarios/rows.js";
import { rowLabel, successStatus } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

export const leastPrivilegeSuffices = scenarioCheck({
  id: "least-privilege-suffices",
  title: "Least-privileged permission refused",
  severity: "high",
  description:
    "For every supported row of every permission table, a token holding exactly the row's least-privileged " +
    "permission (and, for delegated access to others, one of the required directory roles) succeeds. A service " +
    "that wants more than the documented least privilege pushes every app to over-ask. Live runs judge the rows " +
    "for which a given token carries exactly that permission and skip the others.",
  async run(session) {
    const results: CaseResult[] = [];
    for (const { op, actingOn, type, row } of permissionRows()) {
      if (!isSupported(row)) continue;
      const roles = type === "delegatedWork" && actingOn === "actingOnOthers" ? requiredRoleTemplateIds(row) : [];
      for (const permission of row.leastPrivileged) {
        results.push(
          await probeRow(session, {
            op,
            actingOn,
            caseLabel: `${rowLabel(type, actingOn)}, ${permission}`,
            token: (subject) => ({
              type,
              permissions: { exactly: [permission] },
              ...(roles.length > 0 ? { roles: { anyOf: roles } } : {}),
              ...(type !== "application" && subject ? { user: actingOn === "actingOnSelf" ? { is: subject } : { isNot: subject } } : {}),
            }),
            expected: successStatus(op),
            meaning: `${permission} is the least privilege the table documents`,
            needsPass: true,
          }),
        );
      }
    }
    return results;
  },
});
