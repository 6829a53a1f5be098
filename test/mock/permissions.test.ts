/**
 * Every row of every served operation's permission table (the TAP ones and the methods list) (from the spec, through
 * `applicableRows`), exercised over HTTP: the least-privileged permission is enough, no granting permission is
 * 403, a delegated call on another user without a required directory role is 403, and
 * "not supported" rows are refused (400 for application tokens on /me).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicableRows,
  grantingPermissions,
  isSupported,
  requiredRoleTemplateIds,
} from "../../src/contract/authorize.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import {
  directoryRoles,
  graphError,
  isUserTable,
  servedOperations as operations,
  type ActingOn,
  type PermissionType,
  type TapOperation,
} from "../../src/spec/index.js";
import { call, errorCode, errorMessage, ids, schemaFindings, tapPath, type Answer } from "./helpers.js";

let mock: MockGraph;
let admin: string;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
  admin = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.ReadWrite.All"] });
});
afterAll(() => mock.close());

const roleKeyOf = (templateId: string) =>
  Object.entries(directoryRoles).find(([, r]) => r.templateId === templateId)![0];
const userWithRole: Record<string, string> = {
  globalReader: "grace",
  authenticationAdministrator: "adele",
  privilegedAuthenticationAdministrator: "pradeep",
  globalAdministrator: "patti",
};

/** A pass for `user` that this test may read or delete. */
async function freshPass(userId: string): Promise<string> {
  const res = await call(mock, "POST", tapPath(userId), { token: admin, body: {} });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

/**
 * The request for a row: who calls, on which URL. Acting on self uses the caller's own id
 * (megan, who is no admin), acting on others targets nestor/megan as a stranger.
 */
async function send(op: TapOperation, actingOn: ActingOn, token: string, self: string): Promise<Answer> {
  const targetId = actingOn === "actingOnSelf" ? self : op.kind === "create" ? ids.nestor : ids.megan;
  const base = op.subject === "me" ? "/me/authentication/temporaryAccessPassMethods" : tapPath(targetId);
  switch (op.kind) {
    case "listMethods":
      return call(mock, "GET", base.replace(/temporaryAccessPassMethods$/, "methods"), { token });
    case "list":
    case "batch":
      return call(mock, "GET", base, { token });
    case "create":
      return call(mock, "POST", base, { token, body: {} });
    case "get":
    case "delete": {
      // A personal account has no pass in the tenant; the refusal comes before any lookup.
      const id = targetId === samId ? "6f1967b7-15e8-4935-ac26-d50770ed07a7" : await freshPass(targetId);
      return call(mock, op.method, `${base}/${id}`, { token });
    }
  }
}

const samId = "00000000-0000-0000-5a30-000000000010";
const successStatus = { list: 200, get: 200, create: 201, delete: 204, listMethods: 200, batch: 200 } as const;

async function tokenFor(
  type: PermissionType,
  actingOn: ActingOn,
  permissions: string[],
  roles: string[] = [],
): Promise<{ token: string; self: string }> {
  if (type === "application")
    return { token: await mock.issueToken({ app: "tap-admin-app", roles: permissions }), self: ids.megan };
  if (type === "delegatedPersonal")
    return { token: await mock.issueToken({ user: "sam", scopes: permissions }), self: samId };
  // Acting on self: megan about herself. On others: a user holding the role (or none).
  const user = actingOn === "actingOnSelf" ? "megan" : roles[0] ? userWithRole[roles[0]]! : "nestor";
  const token = await mock.issueToken({ user, scopes: permissions, directoryRoles: roles });
  return { token, self: ids[user as keyof typeof ids] };
}

const cases = operations.flatMap((op) => applicableRows(op).map((r) => ({ op, ...r })));

describe.each(cases)("$op.operationId, $actingOn, $type", ({ op, actingOn, type, row }) => {
  const appOnUsersSelf = type === "application" && actingOn === "actingOnSelf" && op.subject === "users";

  if (!isSupported(row)) {
    it("is refused", async () => {
      const every = [
        ...new Set(
          operations
            .flatMap((o) => applicableRows(o))
            .flatMap((r) =>
              isSupported(r.row) ? [...r.row.leastPrivileged, ...r.row.higherPrivileged, ...r.row.tapScoped] : [],
            ),
        ),
      ];
      const { token, self } = await tokenFor(type, actingOn, every, ["privilegedAuthenticationAdministrator"]);
      const res = await send(op, actingOn, token, self);
      if (appOnUsersSelf) {
        // An app never acts on itself: on /users it acts on others, and that row decides.
        expect(isSupported(op.permissions.actingOnOthers.application)).toBe(true);
        expect(res.status).toBe(successStatus[op.kind]);
        return;
      }
      const kind =
        op.subject === "me" && type === "application"
          ? "appTokenOnMe"
          : type === "delegatedPersonal"
            ? "personalAccount"
            : "notSupported";
      const expected = graphError(kind);
      expect([res.status, errorCode(res), errorMessage(res)]).toEqual([
        expected.status,
        expected.code,
        expected.message,
      ]);
      expect(schemaFindings(op.operationId, res)).toEqual([]);
    });
    return;
  }

  const roles = requiredRoleTemplateIds(row).map(roleKeyOf);

  it(`accepts the least-privileged permission ${row.leastPrivileged[0]}`, async () => {
    const { token, self } = await tokenFor(
      type,
      actingOn,
      [row.leastPrivileged[0]!],
      type === "delegatedWork" ? roles.slice(0, 1) : [],
    );
    const res = await send(op, actingOn, token, self);
    expect(res.status).toBe(successStatus[op.kind]);
    expect(schemaFindings(op.operationId, res)).toEqual([]);
  });

  it("refuses a token without a granting permission (403)", async () => {
    const { token, self } = await tokenFor(
      type,
      actingOn,
      ["User.Read"],
      type === "delegatedWork" ? roles.slice(0, 1) : [],
    );
    const res = await send(op, actingOn, token, self);
    const expected = graphError("missingPermission");
    expect([res.status, errorCode(res), errorMessage(res)]).toEqual([expected.status, expected.code, expected.message]);
    expect(schemaFindings(op.operationId, res)).toEqual([]);
  });

  if (type === "delegatedWork" && roles.length > 0) {
    it("refuses a delegated caller without one of the required directory roles (403)", async () => {
      const token = await mock.issueToken({ user: "nestor", scopes: [row.leastPrivileged[0]!], directoryRoles: [] });
      const res = await send(op, actingOn, token, ids.nestor);
      const expected = graphError("missingRole");
      expect([res.status, errorCode(res)]).toEqual([expected.status, expected.code]);
    });

    it.each(roles)("accepts a caller holding %s", async (role) => {
      const { token, self } = await tokenFor(type, actingOn, [row.leastPrivileged[0]!], [role]);
      const res = await send(op, actingOn, token, self);
      expect(res.status).toBe(successStatus[op.kind]);
    });
  }
});

describe("acting on self", () => {
  it("is decided by the token's oid, whether the path names the user by id or UPN", async () => {
    const token = await mock.issueToken({ user: "megan", scopes: ["UserAuthenticationMethod.Read"] });
    for (const who of [ids.megan, "MEGAN@contoso.onmicrosoft.com"]) {
      const res = await call(mock, "GET", tapPath(who), { token });
      expect(res.status).toBe(200);
    }
    const other = await call(mock, "GET", tapPath(ids.lee), { token });
    expect(other.status).toBe(403);
  });
});

/**
 * Every (operation × permission type × permission) the spec lists, read from the tables as
 * written (the older split table and the current merged one), not through the derivation the
 * mock and runner share: a permission without `.All` reaches the signed-in user only, and rows a
 * table marks not supported stay so (spec decisions, item 12).
 */
type Listed = { leastPrivileged: string[]; higherPrivileged: string[] };
function listedPermissions(op: TapOperation, actingOn: ActingOn, type: PermissionType): string[] {
  const raw = op.spec["x-permissions"];
  if (!isUserTable(raw)) return [];
  const stated = raw[actingOn][type];
  if (stated === "notSupported") return [];
  const current = type === "delegatedPersonal" ? undefined : (raw.current[type] as Listed);
  const newer = [...(current?.leastPrivileged ?? []), ...(current?.higherPrivileged ?? [])].filter(
    (p) => actingOn === "actingOnSelf" || p.endsWith(".All"),
  );
  return [...new Set([...stated.leastPrivileged, ...stated.higherPrivileged, ...newer])];
}

/** Every permission any security scheme of the spec declares: the universe a refusal is drawn from. */
const declared = [...new Set(operations.flatMap((op) => op.spec.security.flatMap((req) => Object.values(req).flat())))];

const walk = cases.filter((c) => isSupported(c.row) && !(c.type === "application" && c.actingOn === "actingOnSelf"));

describe.each(walk)("every listed permission: $op.operationId, $actingOn, $type", ({ op, actingOn, type, row }) => {
  const listed = listedPermissions(op, actingOn, type);
  const roles = requiredRoleTemplateIds(row).map(roleKeyOf);

  it("lists the newer table's TAP scopes where they reach", () => {
    // The methods list's page lists no TAP-only scope: they read the pass, not every method.
    if (op.kind === "listMethods") expect(listed.some((p) => p.startsWith("UserAuthMethod-TAP."))).toBe(false);
    else if (type === "application" || actingOn === "actingOnOthers")
      expect(listed.some((p) => p.startsWith("UserAuthMethod-TAP."))).toBe(true);
  });

  it.each(listed)("%s alone grants it in the mock, and the runner counts it as granting", async (permission) => {
    expect(grantingPermissions(row)).toContain(permission);
    const { token, self } = await tokenFor(
      type,
      actingOn,
      [permission],
      type === "delegatedWork" ? roles.slice(0, 1) : [],
    );
    const res = await send(op, actingOn, token, self);
    expect(res.status).toBe(successStatus[op.kind]);
  });

  const refused = declared.filter((p) => !listed.includes(p));
  it.each(refused.length > 0 ? refused : ["User.Read"])(
    "%s alone is refused (403), and the runner does not count it",
    async (permission) => {
      expect(grantingPermissions(row)).not.toContain(permission);
      const { token, self } = await tokenFor(
        type,
        actingOn,
        [permission],
        type === "delegatedWork" ? roles.slice(0, 1) : [],
      );
      const res = await send(op, actingOn, token, self);
      const expected = graphError("missingPermission");
      expect([res.status, errorCode(res)]).toEqual([expected.status, expected.code]);
    },
  );
});

describe("who may act on whom", () => {
  const others = operations.filter((op) => op.subject === "users");
  it.each(others.map((op) => [op.operationId, op] as const))(
    "%s: an Authentication Administrator is refused on an administrator, a Privileged Authentication Administrator " +
      "and a Global Administrator are not",
    async (_, op) => {
      const scope =
        op.kind === "list" || op.kind === "get" || op.kind === "listMethods"
          ? "UserAuthenticationMethod.Read.All"
          : "UserAuthenticationMethod.ReadWrite.All";
      const adele = await mock.issueToken({ user: "adele", scopes: [scope] });
      const refused = await sendTo(op, ids.pradeep, adele);
      const expected = graphError("administratorTarget");
      expect([refused.status, errorCode(refused), errorMessage(refused)]).toEqual([
        expected.status,
        expected.code,
        expected.message,
      ]);
      for (const [user, target] of [
        ["pradeep", ids.patti],
        ["patti", ids.pradeep],
        ["adele", ids.nestor],
      ] as const) {
        const token = await mock.issueToken({ user, scopes: [scope] });
        expect((await sendTo(op, target, token)).status, `${user} on ${target}`).toBe(successStatus[op.kind]);
      }
    },
  );
});

async function sendTo(op: TapOperation, target: string, token: string): Promise<Answer> {
  if (op.kind === "list") return call(mock, "GET", tapPath(target), { token });
  if (op.kind === "listMethods")
    return call(mock, "GET", tapPath(target).replace(/temporaryAccessPassMethods$/, "methods"), { token });
  if (op.kind === "create") return call(mock, "POST", tapPath(target), { token, body: {} });
  // The pass is made by a Global Administrator (or, for her own, a Privileged Authentication Administrator).
  const maker = await mock.issueToken({
    user: target === ids.patti ? "pradeep" : "patti",
    scopes: ["UserAuthenticationMethod.ReadWrite.All"],
  });
  const made = await call(mock, "POST", tapPath(target), { token: maker, body: {} });
  expect(made.status).toBe(201);
  return call(mock, op.method, `${tapPath(target)}/${(made.body as { id: string }).id}`, { token });
}
