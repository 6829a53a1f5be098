/**
 * What kind of token a probe needs, and how a target finds one: the mock mints it, a live
 * target picks it from the tokens it was given (read from their claims) or skips with a reason.
 */
import { decodeJwt } from "jose";
import type { PermissionType } from "../../src/spec/index.js";

export interface TokenSpec {
  type: PermissionType;
  /** Permissions (`scp` or `roles`) the token must carry exactly, include one of, or avoid. */
  permissions: { exactly: readonly string[] } | { anyOf: readonly string[] } | { noneOf: readonly string[] };
  /** Directory role template ids: one of them required, or none of them allowed. */
  roles?: { anyOf: readonly string[] } | { noneOf: readonly string[] };
  /** The signed-in user (delegated) must be, or must not be, this user (object id). */
  user?: { is: string } | { isNot: string };
  /** An already expired token. */
  expired?: boolean;
}

export type TokenGrant =
  | { token: string; label: string; /** The signed-in user's (or app's) object id. */ objectId: string | undefined }
  | { skip: string };

export interface TokenSource {
  obtain(spec: TokenSpec): Promise<TokenGrant>;
}

/** What a token says about its bearer, read from its claims without verifying them. */
export interface TokenPrincipal {
  type: PermissionType;
  permissions: string[];
  roleTemplateIds: string[];
  /** The user's (or service principal's) object id. */
  objectId: string | undefined;
  /** Expiry, epoch seconds. */
  exp: number | undefined;
}

/** The tenant id Microsoft gives personal accounts (MSA) in `tid`. */
export const consumerTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

export function principalOf(token: string): TokenPrincipal | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    return undefined;
  }
  const isApp = claims.idtyp === "app" || (claims.scp === undefined && Array.isArray(claims.roles));
  const type: PermissionType = isApp ? "application" : claims.tid === consumerTenantId ? "delegatedPersonal" : "delegatedWork";
  const permissions = isApp
    ? (Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [])
    : typeof claims.scp === "string" ? claims.scp.split(" ").filter((s) => s.length > 0) : [];
  const wids = Array.isArray(claims.wids) ? claims.wids.filter((w): w is string => typeof w === "string") : [];
  return {
    type,
    permissions,
    roleTemplateIds: wids,
    objectId: typeof claims.oid === "string" ? claims.oid : undefined,
    exp: typeof claims.exp === "number" ? claims.exp : undefined,
  };
}

/** Does a principal satisfy a spec? (`nowSec` decides expiry.) */
export function satisfies(p: TokenPrincipal, spec: TokenSpec, nowSec: number): boolean {
  if (p.type !== spec.type) return false;
  const expired = p.exp !== undefined && p.exp <= nowSec;
  if (expired !== (spec.expired === true)) return false;
  const perms = spec.permissions;
  if ("exactly" in perms) {
    if (p.permissions.length !== perms.exactly.length || !perms.exactly.every((x) => p.permissions.includes(x))) return false;
  } else if ("anyOf" in perms) {
    if (!perms.anyOf.some((x) => p.permissions.includes(x))) return false;
  } else if (perms.noneOf.some((x) => p.permissions.includes(x))) {
    return false;
  }
  if (spec.type !== "application" && spec.roles) {
    const has = (ids: readonly string[]) => ids.some((id) => p.roleTemplateIds.includes(id));
    if ("anyOf" in spec.roles ? !has(spec.roles.anyOf) : has(spec.roles.noneOf)) return false;
  }
  if (spec.user) {
    if ("is" in spec.user ? p.objectId !== spec.user.is : p.objectId === spec.user.isNot) return false;
  }
  return true;
}

/** A short human description of a spec, for skip reasons. */
export function describeSpec(spec: TokenSpec): string {
  const kind = spec.type === "application" ? "an application token" : spec.type === "delegatedPersonal" ? "a personal-account token" : "a delegated work-account token";
  const perms = spec.permissions;
  const what =
    "exactly" in perms ? `with exactly ${perms.exactly.join(" ") || "no permissions"}` :
    "anyOf" in perms ? `with one of ${perms.anyOf.join(", ")}` : `without ${perms.noneOf.join(", ")}`;
  const roles = spec.roles ? ("anyOf" in spec.roles ? ", with a required directory role" : ", without any of the required directory roles") : "";
  const user = spec.user ? ("is" in spec.user ? ` for user ${spec.user.is}` : " for another user than the subject") : "";
  return `${spec.expired ? "an expired " : ""}${spec.expired ? kind.replace(/^an? /, "") : kind} ${what}${roles}${user}`;
}
