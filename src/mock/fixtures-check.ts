/** Checks a fixture tenant (the default, or one read from `--fixtures FILE`) before the mock uses it. */
import { GUID } from "../http/guid.js";
import { UserError } from "../errors.js";
import { directoryRoles } from "../spec/index.js";
import type { MockFixtures } from "./fixtures.js";

/** A hundred years in minutes: a fixture pass starts and lasts within it, so its dates stay writable. */
const maxOffsetMinutes = 100 * 366 * 24 * 60;

/** Throws a UserError naming the first problem found. */
export function checkFixtures(f: MockFixtures): void {
  const fail = (what: string) => {
    throw new UserError(`fixtures: ${what}`);
  };
  if (!f || typeof f !== "object") fail("expected an object with tenant, password, clientSecret, users and apps");
  if (!f.tenant || !GUID.test(f.tenant.id ?? "") || typeof f.tenant.domain !== "string" || f.tenant.domain === "") {
    fail("tenant must have a GUID id and a domain");
  }
  if (typeof f.password !== "string" || f.password === "") fail("password must be a non-empty string");
  if (typeof f.clientSecret !== "string" || f.clientSecret === "") fail("clientSecret must be a non-empty string");
  if (!Array.isArray(f.users) || !Array.isArray(f.apps)) fail("users and apps must be arrays");
  const seen = new Set<string>();
  const unique = (key: string, where: string) => {
    if (seen.has(key.toLowerCase())) fail(`${where} "${key}" is used twice`);
    seen.add(key.toLowerCase());
  };
  f.users.forEach((u, i) => {
    const at = `users[${i}]`;
    if (typeof u.name !== "string" || u.name === "") fail(`${at}.name must be a non-empty string`);
    if (!GUID.test(u.id ?? "")) fail(`${at}.id must be a GUID, got ${JSON.stringify(u.id)}`);
    if (typeof u.userPrincipalName !== "string" || !u.userPrincipalName.includes("@"))
      fail(`${at}.userPrincipalName must look like name@domain`);
    unique(u.name, "user name");
    unique(u.id, "object id");
    unique(u.userPrincipalName, "userPrincipalName");
    if (u.directoryRoles !== undefined && !Array.isArray(u.directoryRoles))
      fail(`${at}.directoryRoles must be an array of role names`);
    for (const role of u.directoryRoles ?? []) {
      // Own keys only: `constructor` or `__proto__` are not roles.
      if (typeof role !== "string" || !Object.hasOwn(directoryRoles, role))
        fail(
          `${at}.directoryRoles: unknown role ${JSON.stringify(role)}: expected one of ` +
            `${Object.keys(directoryRoles).join(", ")}`,
        );
    }
    if (u.tap) {
      if (!GUID.test(u.tap.id ?? "")) fail(`${at}.tap.id must be a GUID`);
      if (!(typeof u.tap.startOffsetMinutes === "number" && Math.abs(u.tap.startOffsetMinutes) <= maxOffsetMinutes))
        fail(
          `${at}.tap.startOffsetMinutes must be a number of minutes from -${maxOffsetMinutes} to ${maxOffsetMinutes}`,
        );
      if (
        !Number.isInteger(u.tap.lifetimeInMinutes) ||
        u.tap.lifetimeInMinutes < 1 ||
        u.tap.lifetimeInMinutes > maxOffsetMinutes
      )
        fail(`${at}.tap.lifetimeInMinutes must be an integer from 1 to ${maxOffsetMinutes}`);
      if (typeof u.tap.isUsableOnce !== "boolean") fail(`${at}.tap.isUsableOnce must be a boolean`);
    }
  });
  if (f.groups !== undefined && !Array.isArray(f.groups)) fail("groups must be an array");
  (f.groups ?? []).forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!GUID.test(g.id ?? "")) fail(`${at}.id must be a GUID, got ${JSON.stringify(g.id)}`);
    if (typeof g.displayName !== "string" || g.displayName === "") fail(`${at}.displayName must be a non-empty string`);
    if (!Array.isArray(g.members)) fail(`${at}.members must be an array of user names, object ids or UPNs`);
    unique(g.id, "group id");
    for (const m of g.members) {
      const known = f.users.some((u) =>
        [u.name, u.id, u.userPrincipalName].some((k) => typeof m === "string" && k?.toLowerCase() === m.toLowerCase()),
      );
      if (!known) fail(`${at}.members: no user "${String(m)}" in users`);
    }
  });
  if (f.tapPolicy !== undefined && (f.tapPolicy === null || typeof f.tapPolicy !== "object"))
    fail("tapPolicy must be an object of TAP policy properties");
  f.apps.forEach((a, i) => {
    const at = `apps[${i}]`;
    if (typeof a.name !== "string" || a.name === "") fail(`${at}.name must be a non-empty string`);
    if (typeof a.clientId !== "string" || a.clientId === "") fail(`${at}.clientId must be a non-empty string`);
    if (!GUID.test(a.servicePrincipalId ?? "")) fail(`${at}.servicePrincipalId must be a GUID`);
    if (!Array.isArray(a.roles)) fail(`${at}.roles must be an array of permission names`);
    unique(a.name, "app name");
    unique(a.clientId, "client id");
  });
}
