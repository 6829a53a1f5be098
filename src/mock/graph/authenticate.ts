/** Who is calling: the bearer token, verified, as the `Principal` that `authorize()` decides on. */
import type { Principal } from "../../contract/authorize.js";
import { header, type MockRequest } from "../http/exchange.js";
import { consumerTenantId } from "../fixtures.js";
import type { AccessTokenClaims } from "../identity/claims.js";
import type { TokenFailure, TokenIssuer } from "../identity/issuer.js";

export interface Caller extends Principal {
  /** Object id of the signed-in user, or of the app's service principal. */
  oid: string;
  claims: AccessTokenClaims;
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; failure: TokenFailure };

export async function authenticate(req: MockRequest, issuer: TokenIssuer): Promise<Authentication> {
  const value = header(req, "authorization")?.trim() ?? "";
  if (value === "") return { ok: false, failure: "emptyToken" };
  const space = value.indexOf(" ");
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== "bearer") return { ok: false, failure: "malformedToken" };
  const token = space === -1 ? "" : value.slice(space + 1).trim();
  const verified = await issuer.verify(token);
  if (!verified.ok) return verified;
  return { ok: true, caller: callerOf(verified.claims) };
}

export function callerOf(claims: AccessTokenClaims): Caller {
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
