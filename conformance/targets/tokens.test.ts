import { describe, expect, it } from "vitest";
import { consumerTenantId, describeSpec, principalOf, satisfies, type TokenSpec } from "./tokens.js";

const token = (claims: object) => ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");
const now = 1_800_000_000;

describe("principalOf", () => {
  it("reads application, work and personal tokens from their claims", () => {
    expect(principalOf(token({ idtyp: "app", roles: ["A.Read.All"], oid: "sp", exp: now + 60 }))).toEqual({
      type: "application", permissions: ["A.Read.All"], roleTemplateIds: [], objectId: "sp", exp: now + 60,
    });
    expect(principalOf(token({ idtyp: "user", scp: "A.Read B.Read", wids: ["r1"], oid: "u" }))).toMatchObject({ type: "delegatedWork", permissions: ["A.Read", "B.Read"], roleTemplateIds: ["r1"] });
    expect(principalOf(token({ idtyp: "user", scp: "A.Read", tid: consumerTenantId }))?.type).toBe("delegatedPersonal");
    expect(principalOf("opaque")).toBeUndefined();
  });
});

describe("satisfies", () => {
  const admin = principalOf(token({ idtyp: "user", scp: "X.Read.All", wids: ["admin-role"], oid: "adele", exp: now + 60 }))!;
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
    expect(describeSpec({ type: "application", permissions: { exactly: ["X.Read.All"] } })).toBe("an application token with exactly X.Read.All");
    expect(describeSpec({ ...base, expired: true })).toBe("an expired delegated work-account token with one of X.Read.All");
  });
});
