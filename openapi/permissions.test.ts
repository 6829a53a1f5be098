import { describe, expect, test } from "vitest";
import { directoryRoles, operations, spec } from "../src/spec/index.js";
import type { ActingOn, PermissionType } from "../src/spec/index.js";
import { authorize, grantingPermissions, isSupported } from "../src/contract/authorize.js";

const types: PermissionType[] = ["delegatedWork", "delegatedPersonal", "application"];
const actingOns: ActingOn[] = ["actingOnSelf", "actingOnOthers"];

describe("the permission tables", () => {
  test.each(operations.map((op) => [op.operationId, op] as const))(
    "%s: every permission type × self/others has a row",
    (_, op) => {
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
    },
  );

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
      const fromSecurity = (scheme: string) => new Set(op.spec.security.flatMap((req) => req[scheme] ?? []));
      expect(fromSecurity("delegated"), op.operationId).toEqual(delegated);
      expect(fromSecurity("application"), op.operationId).toEqual(application);
      for (const req of op.spec.security) expect(Object.values(req).flat()).toHaveLength(1);
    }
  });

  test("every scope the operations name is declared by its security scheme", () => {
    const schemes = spec.components.securitySchemes as Record<
      string,
      { flows: Record<string, { scopes: Record<string, string> }> }
    >;
    for (const op of operations) {
      for (const req of op.spec.security) {
        for (const [scheme, scopes] of Object.entries(req)) {
          const declared = Object.values(schemes[scheme]!.flows).flatMap((f) => Object.keys(f.scopes));
          for (const s of scopes) expect(declared, `${op.operationId} ${scheme} ${s}`).toContain(s);
        }
      }
    }
  });

  test("each operation records the current merged Learn table beside the older one, with its source", () => {
    for (const op of operations) {
      const current = op.spec["x-permissions"].current;
      expect(current.source, op.operationId).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\//);
      for (const type of ["delegatedWork", "application"] as const)
        expect(current[type].leastPrivileged.length, `${op.operationId} ${type}`).toBeGreaterThan(0);
    }
    const create = operations.find((op) => op.operationId === "createUserTemporaryAccessPassMethod")!;
    for (const type of ["delegatedWork", "application"] as const) {
      expect(grantingPermissions(create.permissions.actingOnOthers[type]), type).toContain(
        "UserAuthMethod-TAP.ReadWrite.All",
      );
    }
    expect(create.permissions.actingOnSelf.delegatedWork).toBe("notSupported");
  });

  test(
    "Global Administrator may act on others in every operation; only Authentication Administrator is limited to " +
      "members",
    () => {
      expect(directoryRoles.globalAdministrator?.templateId).toBe("62e90394-69f5-4237-9190-012177145e10");
      for (const op of operations) {
        const row = op.permissions.actingOnOthers.delegatedWork;
        if (isSupported(row)) expect(row.requiredRoles, op.operationId).toContain("globalAdministrator");
      }
      expect(
        Object.entries(directoryRoles)
          .filter(([, r]) => r.reach === "members")
          .map(([k]) => k),
      ).toEqual(["authenticationAdministrator"]);
    },
  );

  test("the newer UserAuthMethod-TAP.* scopes are kept apart from the seed's lists", () => {
    for (const op of operations) {
      for (const actingOn of actingOns) {
        for (const type of types) {
          const row = op.permissions[actingOn][type];
          if (!isSupported(row)) continue;
          for (const p of [...row.leastPrivileged, ...row.higherPrivileged])
            expect(p).not.toMatch(/^UserAuthMethod-TAP\./);
          for (const p of row.tapScoped) expect(p).toMatch(/^UserAuthMethod-TAP\./);
        }
      }
    }
  });
});

describe("authorize() and the role's reach", () => {
  const create = operations.find((op) => op.operationId === "createUserTemporaryAccessPassMethod")!;
  const caller = (key: string) => ({
    type: "delegatedWork" as const,
    permissions: ["UserAuthenticationMethod.ReadWrite.All"],
    roleTemplateIds: [directoryRoles[key]!.templateId],
  });
  const administrator = { directoryRoles: ["privilegedAuthenticationAdministrator"] };
  const member = { directoryRoles: [] };

  test("an Authentication Administrator acts on members, not on administrators", () => {
    expect(authorize(create, caller("authenticationAdministrator"), "actingOnOthers", member)).toMatchObject({
      allowed: true,
    });
    expect(authorize(create, caller("authenticationAdministrator"), "actingOnOthers", administrator)).toEqual({
      allowed: false,
      reason: "administratorTarget",
    });
  });

  test.each(["privilegedAuthenticationAdministrator", "globalAdministrator"])("%s acts on both", (key) => {
    expect(authorize(create, caller(key), "actingOnOthers", administrator)).toMatchObject({ allowed: true });
    expect(authorize(create, caller(key), "actingOnOthers", member)).toMatchObject({ allowed: true });
  });
});

describe("authorize() reads the decision from the tables", () => {
  const get = operations.find((op) => op.operationId === "getUserTemporaryAccessPassMethod")!;
  const getMe = operations.find((op) => op.operationId === "getMyTemporaryAccessPassMethod")!;
  const create = operations.find((op) => op.operationId === "createUserTemporaryAccessPassMethod")!;
  const none: string[] = [];
  const role = (key: string) => [directoryRoles[key]!.templateId];

  test.each([
    [
      "self, least privileged",
      get,
      { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: none },
      "actingOnSelf",
      true,
    ],
    [
      "self, a newer TAP scope",
      get,
      { type: "delegatedWork", permissions: ["UserAuthMethod-TAP.Read"], roleTemplateIds: none },
      "actingOnSelf",
      true,
    ],
    [
      "self, no granting scope",
      get,
      { type: "delegatedWork", permissions: ["User.Read"], roleTemplateIds: none },
      "actingOnSelf",
      "missingPermission",
    ],
    [
      "others, scope and role",
      get,
      {
        type: "delegatedWork",
        permissions: ["UserAuthenticationMethod.Read.All"],
        roleTemplateIds: role("globalReader"),
      },
      "actingOnOthers",
      true,
    ],
    [
      "others, a self scope only",
      get,
      { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: role("globalReader") },
      "actingOnOthers",
      "missingPermission",
    ],
    [
      "others, scope without role",
      get,
      { type: "delegatedWork", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none },
      "actingOnOthers",
      "missingRole",
    ],
    [
      "personal account",
      get,
      { type: "delegatedPersonal", permissions: ["UserAuthenticationMethod.Read"], roleTemplateIds: none },
      "actingOnSelf",
      "personalAccount",
    ],
    [
      "application on /users",
      get,
      { type: "application", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none },
      "actingOnOthers",
      true,
    ],
    [
      "application on /me",
      getMe,
      { type: "application", permissions: ["UserAuthenticationMethod.Read.All"], roleTemplateIds: none },
      "actingOnSelf",
      "appTokenOnMe",
    ],
    [
      "create for yourself",
      create,
      {
        type: "delegatedWork",
        permissions: ["UserAuthenticationMethod.ReadWrite.All"],
        roleTemplateIds: role("authenticationAdministrator"),
      },
      "actingOnSelf",
      "notSupported",
    ],
    [
      "create as Global Administrator",
      create,
      {
        type: "delegatedWork",
        permissions: ["UserAuthenticationMethod.ReadWrite.All"],
        roleTemplateIds: role("globalAdministrator"),
      },
      "actingOnOthers",
      true,
    ],
    [
      "create with the TAP-only scope",
      create,
      {
        type: "delegatedWork",
        permissions: ["UserAuthMethod-TAP.ReadWrite.All"],
        roleTemplateIds: role("authenticationAdministrator"),
      },
      "actingOnOthers",
      true,
    ],
    [
      "create with the TAP-only scope, application",
      create,
      { type: "application", permissions: ["UserAuthMethod-TAP.ReadWrite.All"], roleTemplateIds: none },
      "actingOnOthers",
      true,
    ],
    [
      "create with a TAP read scope",
      create,
      { type: "application", permissions: ["UserAuthMethod-TAP.Read.All"], roleTemplateIds: none },
      "actingOnOthers",
      "missingPermission",
    ],
    [
      "create as Global Reader",
      create,
      {
        type: "delegatedWork",
        permissions: ["UserAuthenticationMethod.ReadWrite.All"],
        roleTemplateIds: role("globalReader"),
      },
      "actingOnOthers",
      "missingRole",
    ],
  ] as const)("%s", (_, op, principal, actingOn, expected) => {
    const decision = authorize(op, principal, actingOn, { directoryRoles: [] });
    if (expected === true) expect(decision.allowed).toBe(true);
    else expect(decision).toEqual({ allowed: false, reason: expected });
  });
});
