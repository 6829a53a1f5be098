import { isSupported, leastPrivilegedPermissions } from "../../src/contract/authorize.js";
import { directoryRoles } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permissionRows } from "../scenarios/rows.js";
import { rowLabel, successStatus } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

export const leastPrivilegeSuffices = scenarioCheck({
  id: "least-privilege-suffices",
  title: "Least-privileged permission refused",
  severity: "high",
  description:
    "For every supported row of every permission table, a token holding exactly one of the row's least-privileged " +
    "permissions (from the older table or the current one: `UserAuthMethod-TAP.Read` reads your own pass) succeeds; " +
    "for delegated access to others, with one of the required directory roles, and each required role (Global " +
    "Administrator included) once on its own. A service that wants more than the documented least privilege pushes " +
    "every app to over-ask. Live runs judge the rows for which a given token carries exactly that permission and " +
    "skip the others.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const { op, actingOn, type, row } of permissionRows()) {
      if (!isSupported(row)) continue;
      const required = type === "delegatedWork" && actingOn === "actingOnOthers" ? (row.requiredRoles ?? []) : [];
      const anyRole = required.map((key) => directoryRoles[key]!.templateId);
      const least = leastPrivilegedPermissions(row);
      // Every permission with any required role, then the first permission with each role alone.
      const cases: Array<{ permission: string; roles: string[]; roleName?: string }> = least.map((permission) => ({
        permission,
        roles: anyRole,
      }));
      if (required.length > 1) {
        for (const key of required)
          cases.push({
            permission: least[0]!,
            roles: [directoryRoles[key]!.templateId],
            roleName: directoryRoles[key]!.displayName,
          });
      }
      for (const { permission, roles, roleName } of cases) {
        results.push(
          probeRow(session, {
            op,
            actingOn,
            caseLabel: `${rowLabel(type, actingOn)}, ${permission}${roleName ? `, as ${roleName}` : ""}`,
            token: (subject) => ({
              type,
              permissions: { exactly: [permission] },
              ...(roles.length > 0 ? { roles: { anyOf: roles } } : {}),
              ...(type !== "application" && subject
                ? { user: actingOn === "actingOnSelf" ? { is: subject } : { isNot: subject } }
                : {}),
            }),
            expected: successStatus(op),
            meaning: `${permission} is the least privilege the tables document`,
            needsPass: true,
          }),
        );
      }
    }
    return Promise.all(results);
  },
});
