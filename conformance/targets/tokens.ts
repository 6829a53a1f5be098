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
  /**
   * Directory role template ids (`wids`): one of `anyOf` required, none of `noneOf` allowed, and,
   * with `onlyKnown`, no role outside that list: a custom role (or one added later) might grant,
   * so a token holding one cannot prove a refusal.
   */
  roles?: { anyOf?: readonly string[]; noneOf?: readonly string[]; onlyKnown?: readonly string[] };
  /** The signed-in user (delegated) must be, or must not be, this user (object id). */
  user?: { is: string } | { isNot: string };
  /** An already expired token. */
  expired?: boolean;
}

export type TokenGrant =
  | { token: string; label: string /** The signed-in user's (or app's) object id. */; objectId: string | undefined }
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
  /** `aud`, when a string. */
  audience?: string;
  /** The signed-in user's name: `upn`, else `preferred_username`. */
  upn?: string;
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
  const type: PermissionType = isApp
    ? "application"
    : claims.tid === consumerTenantId
      ? "delegatedPersonal"
      : "delegatedWork";
  const permissions = isApp
    ? Array.isArray(claims.roles)
      ? claims.roles.filter((r): r is string => typeof r === "string")
      : []
    : typeof claims.scp === "string"
      ? claims.scp.split(" ").filter((s) => s.length > 0)
      : [];
  const wids = Array.isArray(claims.wids) ? claims.wids.filter((w): w is string => typeof w === "string") : [];
  return {
    type,
    permissions,
    roleTemplateIds: wids,
    objectId: typeof claims.oid === "string" ? claims.oid : undefined,
    exp: typeof claims.exp === "number" ? claims.exp : undefined,
    ...(typeof claims.aud === "string" ? { audience: claims.aud } : {}),
    ...(typeof claims.upn === "string"
      ? { upn: claims.upn }
      : typeof claims.preferred_username === "string"
        ? { upn: claims.preferred_username }
        : {}),
  };
}

/** Do a token's `wids` satisfy a spec's `roles`? */
export function rolesSatisfy(wids: readonly string[], roles: NonNullable<TokenSpec["roles"]>): boolean {
  if (roles.anyOf && !roles.anyOf.some((id) => wids.includes(id))) return false;
  if (roles.noneOf?.some((id) => wids.includes(id))) return false;
  const known = roles.onlyKnown;
  return !known || wids.every((id) => known.includes(id));
}

/**
 * Why no token fits a spec that allows only known roles, when one would fit but for a role the
 * runner does not know: such a token cannot prove "no required role", so the probe is skipped.
 */
export function unknownRolesReason(
  pool: readonly TokenPrincipal[],
  spec: TokenSpec,
  nowSec: number,
): string | undefined {
  const known = spec.roles?.onlyKnown;
  if (!known || pool.some((p) => satisfies(p, spec, nowSec))) return undefined;
  const { onlyKnown: _, ...rest } = spec.roles!;
  const near = pool.find((p) => satisfies(p, { ...spec, roles: rest }, nowSec));
  if (!near) return undefined;
  const unknown = near.roleTemplateIds.filter((id) => !known.includes(id));
  return (
    `the token without a required role also holds directory role(s) the runner does not know (wids ` +
    `${unknown.join(", ")}), ` +
    "which might grant: it cannot prove a 403"
  );
}

/** Does a principal satisfy a spec? (`nowSec` decides expiry.) */
export function satisfies(p: TokenPrincipal, spec: TokenSpec, nowSec: number): boolean {
  if (p.type !== spec.type) return false;
  const expired = p.exp !== undefined && p.exp <= nowSec;
  if (expired !== (spec.expired === true)) return false;
  const perms = spec.permissions;
  if ("exactly" in perms) {
    if (p.permissions.length !== perms.exactly.length || !perms.exactly.every((x) => p.permissions.includes(x)))
      return false;
  } else if ("anyOf" in perms) {
    if (!perms.anyOf.some((x) => p.permissions.includes(x))) return false;
  } else if (perms.noneOf.some((x) => p.permissions.includes(x))) {
    return false;
  }
  if (spec.type !== "application" && spec.roles && !rolesSatisfy(p.roleTemplateIds, spec.roles)) return false;
  if (spec.user) {
    if ("is" in spec.user ? p.objectId !== spec.user.is : p.objectId === spec.user.isNot) return false;
  }
  return true;
}

/** A short human description of a spec, for skip reasons. */
export function describeSpec(spec: TokenSpec, names: Readonly<Record<string, string>> = {}): string {
  const kind =
    spec.type === "application"
      ? "an application token"
      : spec.type === "delegatedPersonal"
        ? "a personal-account token"
        : "a delegated work-account token";
  const perms = spec.permissions;
  // Each scope once: a row's lists (older table and current one) repeat some.
  const once = (list: readonly string[]) => [...new Set(list)];
  const what =
    "exactly" in perms
      ? `with exactly ${once(perms.exactly).join(" ") || "no permissions"}`
      : "anyOf" in perms
        ? `with one of ${once(perms.anyOf).join(", ")}`
        : `without ${once(perms.noneOf).join(", ")}`;
  const r = spec.roles;
  const roles = !r
    ? ""
    : [
        r.anyOf ? ", with a required directory role" : "",
        r.noneOf ? ", without any of the required directory roles" : "",
        r.onlyKnown ? " and no directory role the runner does not know" : "",
      ].join("");
  const user = spec.user
    ? "is" in spec.user
      ? ` for user ${names[spec.user.is] ?? spec.user.is}`
      : " for another user than the subject"
    : "";
  return (
    `${spec.expired ? "an expired " : ""}${spec.expired ? kind.replace(/^an? /, "") : kind} ` + `${what}${roles}${user}`
  );
}
