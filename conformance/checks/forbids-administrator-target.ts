import { grantingPermissions, isSupported } from "../../src/contract/authorize.js";
import { directoryRoles, graphError } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permissionRows } from "../scenarios/rows.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("administratorTarget");

export const forbidsAdministratorTarget = scenarioCheck({
  id: "forbids-administrator-target",
  title: "Member-only role acting on an administrator not forbidden",
  severity: "critical",
  description:
    "A signed-in user whose only required role reaches members alone (an Authentication Administrator) gets " +
    `${expected.status} when acting on an administrator's pass, in every operation on other users: Entra lets only a ` +
    "Privileged Authentication Administrator or a Global Administrator manage administrators' passes. Get and Delete " +
    "probe an unknown pass id, since the refusal comes before the lookup. Needs a user known to hold a directory " +
    "role (the embedded mock's fixtures have one; a live run skips).",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    const administrator = session.target.subjects.administratorUser;
    for (const { op, actingOn, type, row } of permissionRows()) {
      if (type !== "delegatedWork" || actingOn !== "actingOnOthers" || !isSupported(row)) continue;
      const required = row.requiredRoles ?? [];
      const limited = required.filter((key) => directoryRoles[key]?.reach === "members");
      const wider = required.filter((key) => !limited.includes(key));
      if (limited.length === 0) continue;
      const names = limited.map((key) => directoryRoles[key]!.displayName).join(", ");
      results.push(
        probeRow(session, {
          op,
          actingOn,
          caseLabel: `${names} acting on an administrator`,
          subject:
            administrator !== undefined
              ? { user: administrator }
              : { skip: "no user known to hold a directory role (only the embedded mock's fixtures name one)" },
          token: (subject) => ({
            type,
            permissions: { anyOf: grantingPermissions(row) },
            roles: {
              anyOf: limited.map((key) => directoryRoles[key]!.templateId),
              noneOf: wider.map((key) => directoryRoles[key]!.templateId),
            },
            ...(subject ? { user: { isNot: subject } } : {}),
          }),
          expected: expected.status,
          meaning: "a member-only role on an administrator",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
