/** What the mock's access tokens say, and the Graph facts about audiences and scopes they use. */
import { clouds } from "../../spec/clouds.js";
import { directoryRoles, spec } from "../../spec/index.js";

/** Claims of a mock access token (the subset of Graph's that authorization reads). */
export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  idtyp: "user" | "app";
  appid: string;
  scp?: string;
  roles?: string[];
  wids?: string[];
  upn?: string;
  name?: string;
  iat: number;
  nbf: number;
  exp: number;
}

// Graph's first-party application id: Graph accepts it as an audience besides its URL.
const graphAppId = "00000003-0000-0000-c000-000000000000";

/** The audiences Graph accepts: its application id and the root of each cloud that has TAP. */
export const graphAudiences: ReadonlySet<string> = new Set([
  graphAppId,
  ...Object.values(clouds)
    .filter((c) => c.tapAvailable)
    .map((c) => c.graphRoot),
]);

/** The audience the mock puts in its tokens by default. */
export const defaultAudience = clouds.global.graphRoot;

export const issuerFor = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

interface OAuthFlows {
  flows: Record<string, { scopes: Record<string, string> }>;
}

/** Every delegated scope the spec names: what a `.default` or scope-less delegated token gets. */
export const allDelegatedScopes: readonly string[] = (() => {
  const scheme = (spec.components.securitySchemes as Record<string, OAuthFlows>).delegated;
  return [...new Set(Object.values(scheme?.flows ?? {}).flatMap((f) => Object.keys(f.scopes)))];
})();

/** Directory role template ids for fixture role keys (unknown keys are a fixture error). */
export function roleTemplateIds(keys: readonly string[]): string[] {
  return keys.map((key) => {
    const role = directoryRoles[key];
    if (!role)
      throw new RangeError(
        `unknown directory role "${key}": expected one of ${Object.keys(directoryRoles).join(", ")}`,
      );
    return role.templateId;
  });
}

/** `https://graph.microsoft.com/X` → `X`; OpenID scopes (`openid`, `offline_access`, …) dropped. */
export function normalizeScopes(requested: readonly string[]): string[] {
  const openId = new Set(["openid", "profile", "email", "offline_access"]);
  const out: string[] = [];
  for (const raw of requested) {
    let scope = raw;
    for (const aud of graphAudiences) {
      if (scope.toLowerCase().startsWith(`${aud.toLowerCase()}/`)) scope = scope.slice(aud.length + 1);
    }
    if (scope === "" || openId.has(scope.toLowerCase())) continue;
    if (scope === ".default") out.push(...allDelegatedScopes);
    else out.push(scope);
  }
  return [...new Set(out)];
}
