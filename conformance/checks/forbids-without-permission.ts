import { grantingPermissions, isSupported, requiredRoleTemplateIds } from "../../src/contract/authorize.js";
import { graphError } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permissionRows } from "../scenarios/rows.js";
import { rowLabel } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const missing = graphError("missingPermission");
const personal = graphError("personalAccount");
const notSupported = graphError("notSupported");

export const forbidsWithoutPermission = scenarioCheck({
  id: "forbids-without-permission",
  title: "Token without a granting permission not forbidden",
  severity: "critical",
  description:
    `For every row of every operation's permission table, a token of that kind that lacks every permission the row ` +
    `lists (but has the directory role the row requires) gets ${missing.status} (\`${missing.code}\`); rows the ` +
    `table ` +
    `marks "not supported" (personal accounts, creating a pass for yourself) get ${personal.status} whatever the ` +
    `token ` +
    "holds. Application tokens on `/me` are `rejects-app-token-on-me`'s.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const { op, actingOn, type, row } of permissionRows()) {
      if (op.subject === "me" && type === "application") continue;
      if (isSupported(row)) {
        const roles = type === "delegatedWork" && actingOn === "actingOnOthers" ? requiredRoleTemplateIds(row) : [];
        results.push(
          probeRow(session, {
            op,
            actingOn,
            caseLabel: `${rowLabel(type, actingOn)}, no granting permission`,
            token: (subject) => ({
              type,
              permissions: { noneOf: grantingPermissions(row) },
              ...(roles.length > 0 ? { roles: { anyOf: roles } } : {}),
              ...(type !== "application" && subject
                ? { user: actingOn === "actingOnSelf" ? { is: subject } : { isNot: subject } }
                : {}),
            }),
            expected: missing.status,
            meaning: "no permission of the row",
            needsPass: true,
          }),
        );
        continue;
      }
      // Not supported: present the most privileged permission a supported sibling row grants.
      const sibling = [
        op.permissions[actingOn].delegatedWork,
        op.permissions[actingOn].application,
        op.permissions.actingOnOthers.delegatedWork,
      ].find(isSupported);
      const permissions = sibling ? grantingPermissions(sibling) : [];
      if (type === "application" || permissions.length === 0) continue;
      const expected = type === "delegatedPersonal" ? personal : notSupported;
      results.push(
        probeRow(session, {
          op,
          actingOn,
          caseLabel: `${rowLabel(type, actingOn)}, not supported`,
          token: (subject) => ({
            type,
            permissions: { anyOf: permissions },
            ...(type === "delegatedWork" && subject ? { user: { is: subject } } : {}),
          }),
          expected: expected.status,
          meaning: "the table says not supported",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
