import { describe, expect, it } from "vitest";
import { knownRoleTemplateIds } from "../../src/contract/authorize.js";
import {
  consumerTenantId,
  describeSpec,
  principalOf,
  satisfies,
  unknownRolesReason,
  type TokenSpec,
} from "./tokens.js";

const token = (claims: object) => ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");
const now = 1_800_000_000;

describe("principalOf", () => {
  it("reads application, work and personal tokens from their claims", () => {
    expect(principalOf(token({ idtyp: "app", roles: ["A.Read.All"], oid: "sp", exp: now + 60 }))).toEqual({
      type: "application",
      permissions: ["A.Read.All"],
      roleTemplateIds: [],
      objectId: "sp",
      exp: now + 60,
    });
    expect(principalOf(token({ idtyp: "user", scp: "A.Read B.Read", wids: ["r1"], oid: "u" }))).toMatchObject({
      type: "delegatedWork",
      permissions: ["A.Read", "B.Read"],
      roleTemplateIds: ["r1"],
    });
    expect(principalOf(token({ idtyp: "user", scp: "A.Read", tid: consumerTenantId }))?.type).toBe("delegatedPersonal");
    expect(principalOf("opaque")).toBeUndefined();
  });
});

describe("satisfies", () => {
  const admin = principalOf(
    token({ idtyp: "user", scp: "X.Read.All", wids: ["admin-role"], oid: "adele", exp: now + 60 }),
  )!;
  const base: TokenSpec = { type: "delegatedWork", permissions: { anyOf: ["X.Read.All"] } };

  it("matches type, permissions, roles, user and expiry", () => {
    expect(satisfies(admin, base, now)).toBe(true);
    expect(satisfies(admin, { ...base, type: "application" }, now)).toBe(false);
    expect(satisfies(admin, { ...base, permissions: { exactly: ["X.Read.All"] } }, now)).toBe(true);
    expect(satisfies(admin, { ...base, permissions: { exactly: ["X.Read.All", "Y"] } }, now)).toBe(false);
    expect(satisfies(admin, { ...base, permissions: { noneOf: ["X.Read.All"] } }, now)).toBe(false);
    expect(satisfies(admin, { ...base, roles: { anyOf: ["admin-role"] } }, now)).toBe(true);
    expect(satisfies(admin, { ...base, roles: { noneOf: ["admin-role"] } }, now)).toBe(false);
    expect(satisfies(admin, { ...base, user: { isNot: "adele" } }, now)).toBe(false);
    expect(satisfies(admin, { ...base, expired: true }, now)).toBe(false);
    expect(satisfies(admin, { ...base, expired: true }, now + 120)).toBe(true);
  });

  it("describes a spec for a skip reason", () => {
    expect(describeSpec({ type: "application", permissions: { exactly: ["X.Read.All"] } })).toBe(
      "an application token with exactly X.Read.All",
    );
    expect(describeSpec({ ...base, expired: true })).toBe(
      "an expired delegated work-account token with one of X.Read.All",
    );
  });
});

describe("a token without a required role proves a 403 only when the runner knows all its roles", () => {
  const authAdmin = "c4e39bd9-1100-46d3-8c65-fb160da0071f";
  const userRole = "b79fbf4d-3ef9-4689-8143-76b194e85509";
  const customRole = "11111111-2222-3333-4444-555555555555";
  const member = principalOf(
    token({ idtyp: "user", scp: "UserAuthenticationMethod.Read.All", wids: [userRole], oid: "nestor", exp: now + 60 }),
  )!;
  const custom = principalOf(
    token({
      idtyp: "user",
      scp: "UserAuthenticationMethod.Read.All",
      wids: [userRole, customRole],
      oid: "helpdesk",
      exp: now + 60,
    }),
  )!;
  const spec: TokenSpec = {
    type: "delegatedWork",
    permissions: { exactly: ["UserAuthenticationMethod.Read.All"] },
    roles: { noneOf: [authAdmin], onlyKnown: knownRoleTemplateIds() },
  };

  it("uses a member whose wids hold only built-in roles the spec knows (the User role)", () => {
    expect(knownRoleTemplateIds()).toContain(userRole);
    expect(knownRoleTemplateIds()).toContain("62e90394-69f5-4237-9190-012177145e10");
    expect(satisfies(member, spec, now)).toBe(true);
    expect(unknownRolesReason([member], spec, now)).toBeUndefined();
  });

  it("never uses a token holding a role it does not know, and says why it skips", () => {
    expect(satisfies(custom, spec, now)).toBe(false);
    expect(unknownRolesReason([custom], spec, now)).toMatch(
      new RegExp(`does not know \\(wids ${customRole}\\).*cannot prove a 403`),
    );
    expect(describeSpec(spec)).toContain("no directory role the runner does not know");
  });
});
