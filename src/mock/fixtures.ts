/**
 * The fixture tenant: who exists, with which roles, secrets and starting passes. The default
 * is the `contoso.onmicrosoft.com` tenant of the design; `--fixtures FILE` replaces it.
 */
import { spec, type PolicyTarget } from "../spec/index.js";

/** Every application permission the spec's `application` security scheme declares. */
function everyApplicationPermission(): string[] {
  const scheme = spec.components.securitySchemes as Record<
    string,
    { flows: { clientCredentials?: { scopes: Record<string, string> } } }
  >;
  return Object.keys(scheme.application?.flows.clientCredentials?.scopes ?? {});
}

export interface FixtureTap {
  /** Fixed method id (a GUID). */
  id: string;
  /** Start relative to the mock clock at start-up, in minutes (negative = in the past). */
  startOffsetMinutes: number;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** A one-time pass already used for a sign-in. */
  used?: boolean;
}

export interface FixtureUser {
  /** Short name used by `issueToken({ user })` and `tap-contract token --user`. */
  name: string;
  /** Object id (a GUID). */
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** Keys of the spec's `x-directory-roles` (e.g. `authenticationAdministrator`). */
  directoryRoles: string[];
  /** A personal Microsoft account: its tokens carry the consumer tenant id. */
  personal?: boolean;
  tap?: FixtureTap;
}

/** A security group; the TAP policy's targets name groups. */
export interface FixtureGroup {
  /** Object id (a GUID). */
  id: string;
  displayName: string;
  /** Members' short names, object ids or UPNs. */
  members: string[];
}

/** The tenant's TAP policy at start-up, where it differs from the spec's `x-policy-defaults`. */
export interface FixturePolicy {
  state?: "enabled" | "disabled";
  defaultLength?: number;
  defaultLifetimeInMinutes?: number;
  minimumLifetimeInMinutes?: number;
  maximumLifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  includeTargets?: PolicyTarget[];
  excludeTargets?: PolicyTarget[];
}

export interface FixtureApp {
  name: string;
  clientId: string;
  /** Object id of the app's service principal (the `oid` of its tokens). */
  servicePrincipalId: string;
  displayName: string;
  /** Application permissions granted to the app (the `roles` of its tokens). */
  roles: string[];
}

export interface MockFixtures {
  tenant: { id: string; domain: string };
  /** Every user's password (password grant). */
  password: string;
  /** Every app's client secret (client credentials grant). */
  clientSecret: string;
  users: FixtureUser[];
  apps: FixtureApp[];
  /** Security groups (none when absent). */
  groups?: FixtureGroup[];
  /** The TAP policy at start-up (the spec's defaults when absent). */
  tapPolicy?: FixturePolicy;
}

/** An external guest: Entra marks its UPN with `#EXT#` (an internal guest has none). */
export function isExternalGuest(user: Pick<FixtureUser, "userPrincipalName">): boolean {
  return user.userPrincipalName.toUpperCase().includes("#EXT#");
}

/** The tenant id that personal Microsoft accounts' tokens carry in `tid`. */
export const consumerTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

const tenantId = "c0a70000-0000-4000-8000-000000000000";
const userId = (n: number) => `c0a70000-0000-4000-8000-0000000000${n.toString().padStart(2, "0")}`;
const tapId = (n: number) => `7a900000-0000-4000-8000-0000000000${n.toString().padStart(2, "0")}`;
const groupId = (n: number) => `9a70c000-0000-4000-8000-0000000000${n.toString().padStart(2, "0")}`;
const domain = "contoso.onmicrosoft.com";
/** Joni's group, which the fixture tenant's TAP policy excludes. */
const noTapGroup = groupId(2);

function member(n: number, name: string, displayName: string, extra: Partial<FixtureUser> = {}): FixtureUser {
  return { name, id: userId(n), userPrincipalName: `${name}@${domain}`, displayName, directoryRoles: [], ...extra };
}

/** The default fixture tenant, as data (object ids are fixed). */
export const defaultFixtures: MockFixtures = {
  tenant: { id: tenantId, domain },
  password: "mock-password",
  clientSecret: "mock-client-secret",
  users: [
    member(1, "adele", "Adele Vance", { directoryRoles: ["authenticationAdministrator"] }),
    member(2, "pradeep", "Pradeep Gupta", { directoryRoles: ["privilegedAuthenticationAdministrator"] }),
    member(3, "grace", "Grace Taylor", { directoryRoles: ["globalReader"] }),
    member(4, "megan", "Megan Bowen", {
      tap: { id: tapId(4), startOffsetMinutes: -10, lifetimeInMinutes: 480, isUsableOnce: false },
    }),
    member(5, "nestor", "Nestor Wilke"),
    member(6, "lee", "Lee Gu", {
      tap: { id: tapId(6), startOffsetMinutes: 24 * 60, lifetimeInMinutes: 60, isUsableOnce: false },
    }),
    member(7, "lynne", "Lynne Robbins", {
      tap: { id: tapId(7), startOffsetMinutes: -2 * 24 * 60, lifetimeInMinutes: 60, isUsableOnce: false },
    }),
    member(8, "miriam", "Miriam Graham", {
      tap: { id: tapId(8), startOffsetMinutes: -10, lifetimeInMinutes: 60, isUsableOnce: true, used: true },
    }),
    // A member of "No Temporary Access Pass", the group the policy excludes.
    member(9, "joni", "Joni Sherman", {
      tap: { id: tapId(9), startOffsetMinutes: -10, lifetimeInMinutes: 60, isUsableOnce: false },
    }),
    member(10, "patti", "Patti Fernandez", { directoryRoles: ["globalAdministrator"] }),
    // An external guest: Entra writes the home UPN with `_` for `@`, then `#EXT#@` the tenant.
    member(11, "ada", "Ada (external guest)", { userPrincipalName: `ada_fabrikam.com#EXT#@${domain}` }),
    member(12, "alex", "Alex Wilber", { directoryRoles: ["authenticationPolicyAdministrator"] }),
    {
      name: "sam",
      id: "00000000-0000-0000-5a30-000000000010",
      userPrincipalName: "sam@outlook.com",
      displayName: "Sam (personal account)",
      directoryRoles: [],
      personal: true,
    },
  ],
  groups: [
    { id: groupId(1), displayName: "Onboarding", members: ["megan", "nestor", "lee"] },
    { id: noTapGroup, displayName: "No Temporary Access Pass", members: ["joni"] },
  ],
  tapPolicy: { excludeTargets: [{ id: noTapGroup, targetType: "group" }] },
  apps: [
    {
      name: "tap-admin-app",
      clientId: "00000000-0000-0000-0000-00000000a11c",
      servicePrincipalId: "c0a70000-0000-4000-8000-0000000a11c0",
      displayName: "TAP admin app (every TAP application permission)",
      roles: everyApplicationPermission(),
    },
    {
      name: "user-read-app",
      clientId: "00000000-0000-0000-0000-00000000b0b0",
      servicePrincipalId: "c0a70000-0000-4000-8000-0000000b0b00",
      displayName: "User reader app (User.Read.All only)",
      roles: ["User.Read.All"],
    },
  ],
};

/** The client id delegated tokens name in `appid` (a public client; the password grant does not check it). */
export const publicClientId = "00000000-0000-0000-0000-0000000c11e7";
