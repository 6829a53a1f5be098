/** Who is calling: the bearer token, verified, as the `Principal` that `authorize()` decides on. */
import type { Principal } from "../../contract/authorize.js";
import { header, type MockRequest } from "../http/exchange.js";
import { consumerTenantId } from "../fixtures.js";
import { audienceFits, type AccessTokenClaims } from "../identity/claims.js";
import type { TokenFailure, TokenIssuer } from "../identity/issuer.js";

export interface Caller extends Principal {
  /** Object id of the signed-in user, or of the app's service principal. */
  oid: string;
  claims: AccessTokenClaims;
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; failure: TokenFailure };

// One Caller per verified claims object (the issuer caches those), so a GET builds none.
const callers = new WeakMap<AccessTokenClaims, Caller>();

/** Synchronous when the token was verified before (the common case), else a promise. */
export function authenticate(req: MockRequest, issuer: TokenIssuer): Authentication | Promise<Authentication> {
  const value = header(req, "authorization")?.trim() ?? "";
  if (value === "") return { ok: false, failure: "emptyToken" };
  const space = value.indexOf(" ");
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== "bearer") return { ok: false, failure: "malformedToken" };
  const token = space === -1 ? "" : value.slice(space + 1).trim();
  const cached = issuer.cached(token);
  if (cached) return accepted(cached, req.origin);
  return issuer.verify(token).then((verified) => (verified.ok ? accepted(verified.claims, req.origin) : verified));
}

/** A token the issuer verified, for this request: its audience must be this cloud's Graph. */
function accepted(claims: AccessTokenClaims, origin: string): Authentication {
  if (!audienceFits(claims.aud, origin)) return { ok: false, failure: "invalidAudience" };
  return { ok: true, caller: callerOf(claims) };
}

export function callerOf(claims: AccessTokenClaims): Caller {
  let caller = callers.get(claims);
  if (!caller) {
    caller = buildCaller(claims);
    callers.set(claims, caller);
  }
  return caller;
}

function buildCaller(claims: AccessTokenClaims): Caller {
  if (claims.idtyp === "app") {
    return { type: "application", permissions: claims.roles ?? [], roleTemplateIds: [], oid: claims.oid, claims };
  }
  return {
    type: claims.tid === consumerTenantId ? "delegatedPersonal" : "delegatedWork",
    permissions: (claims.scp ?? "").split(" ").filter((s) => s !== ""),
    roleTemplateIds: claims.wids ?? [],
    oid: claims.oid,
    claims,
  };
}
