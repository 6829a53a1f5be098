import { describe, expect, test } from "vitest";
import { directoryRoles, operations, spec } from "../src/spec/index.js";
import type { ActingOn, PermissionType } from "../src/spec/index.js";
import { authorize, grantingPermissions, isSupported } from "../src/contract/authorize.js";

const types: PermissionType[] = ["delegatedWork", "delegatedPersonal", "application"];
const actingOns: ActingOn[] = ["actingOnSelf", "actingOnOthers"];

describe("the permission tables", () => {
  test.each(operations.map((op) => [op.operationId, op] as const))("%s: every permission type × self/others has a row", (_, op) => {
    for (const actingOn of actingOns) {
      for (const type of types) {
        const row = op.permissions[actingOn][type];
        if (isSupported(row)) {
          expect(row.leastPrivileged.length, `${actingOn}.${type}`).toBeGreaterThan(0);
          for (const role of row.requiredRoles ?? []) expect(directoryRoles[role], role).toBeDefined();
        } else {
          expect(row).toBe("notSupported");
        }
      }
      expect(op.permissions[actingOn].delegatedPersonal).toBe("notSupported");
    }
  });

  test("delegated access to other users always names the directory roles it needs", () => {
    for (const op of operations) {
      const row = op.permissions.actingOnOthers.delegatedWork;
      if (isSupported(row)) expect(row.requiredRoles?.length, op.operationId).toBeGreaterThan(0);
    }
  });

  test("the OAuth2 security requirements list exactly what the tables grant", () => {
    for (const op of operations) {
      const actingOn: ActingOn[] = op.subject === "me" ? ["actingOnSelf"] : actingOns;
      const delegated = new Set(actingOn.flatMap((a) => grantingPermissions(op.permissions[a].delegatedWork)));
      const application = new Set(
        op.subject === "me" ? [] : grantingPermissions(op.permissions.actingOnOthers.application),
      );
      const fromSecurity = (scheme: string) =>
        new Set(op.spec.security.flatMap((req) => req[scheme] ?? []));
      expect(fromSecurity("delegated"), op.operationId).toEqual(delegated);
      expect(fromSecurity("application"), op.operationId).toEqual(application);
      for (const req of op.spec.security) expect(Object.values(req).flat()).toHaveLength(1);
    }
  });

  test("every scope the operations name is declared by its security scheme", () => {
    const schemes = spec.components.securitySchemes as Record<string, { flows: Record<string, { scopes: Record<string, string> }> }>;
    for (const op of operations) {
      for (const req of op.spec.security) {
        for (const [scheme, scopes] of Object.entries(req)) {
          const declared = Object.values(schemes[scheme]!.flows).flatMap((f) => Object.keys(f.scopes));
          for (const s of scopes) expect(declared, `${op.operationId} ${scheme} ${s}`).toContain(s);
        }
      }
    }
  });

  test("the newer UserAuthMethod-TAP.* scopes are kept apart from the seed's lists", () => {
    for (const op of operations) {
      for (const actingOn of actingOns) {
        for (const type of types) {
          const row = op.permissions[actingOn][type];
          if (!isSupported(row)) continue;
          for (const p of [...row.leastPrivileged, ...row.higherPrivileged]) expect(p).not.toMatch(/^UserAuthMethod-TAP\./);
          for (const p of row.tapScoped) expect(p).toMatch(/^UserAuthMethod-TAP\./);
        }
      }
    }
  });
});

describe("authorize() reads the decision from the tables", () => {
  const get = operations.find((op) => op.operationId === "getUserTemporaryAccessPassMethod")!;
  const getMe = operations.find((op) => op.operationId === "getMyTemporaryAccessPassMethod")!;
  const create = operations.find((op) => op.operationId === "createUserTemporaryAccessPassMethod")!;
  const none: string[] = [];
  const role = (key: string) => [directoryRoles[key]!.templateId];

  test.each([
    ["self, least privileged", get, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: none }, "actingOnSelf", true],
    ["self, a newer TAP scope", get, { type: "delegatedWork", permissions: ["UserAuthMethod-TAP.Read"], roleTemplateIds: none }, "actingOnSelf", true],
    ["self, no granting scope", get, { type: "delegatedWork", permissions: ["User.Read"], roleTemplateIds: none }, "actingOnSelf", "missingPermission"],
    ["others, scope and role", get, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: role("globalReader") }, "actingOnOthers", true],
    ["others, a self scope only", get, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: role("globalReader") }, "actingOnOthers", "missingPermission"],
    ["others, scope without role", get, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none }, "actingOnOthers", "missingRole"],
    ["personal account", get, { type: "delegatedPersonal", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: none }, "actingOnSelf", "personalAccount"],
    ["application on /users", get, { type: "application", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none }, "actingOnOthers", true],
    ["application on /me", getMe, { type: "application", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none }, "actingOnSelf", "appTokenOnMe"],
    ["create for yourself", create, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.ReadWrite.All"], roleTemplateIds: role("authenticationAdministrator") }, "actingOnSelf", "notSupported"],
    ["create as Global Reader", create, { type: "delegatedWork", permissions: ["UserAuthenticationMethod.ReadWrite.All"], roleTemplateIds: role("globalReader") }, "actingOnOthers", "missingRole"],
  ] as const)("%s", (_, op, principal, actingOn, expected) => {
    const decision = authorize(op, principal, actingOn);
    if (expected === true) expect(decision.allowed).toBe(true);
    else expect(decision).toEqual({ allowed: false, reason: expected });
  });
});
