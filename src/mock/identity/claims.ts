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

const cloudRoots: ReadonlySet<string> = new Set(
  Object.values(clouds)
    .filter((c) => c.tapAvailable)
    .map((c) => c.graphRoot),
);

/**
 * Whether a request to `origin` takes a token for `aud`: Graph's application id, or the Graph
 * root of the cloud the request addresses. A request to a cloud's root (the MSW handlers) is that
 * cloud's; any other host (the mock's own) stands for global Graph (spec decisions, item 25).
 */
export function audienceFits(aud: string, origin: string): boolean {
  if (aud === graphAppId) return true;
  return aud === (cloudRoots.has(origin) ? origin : defaultAudience);
}

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
    const role = Object.hasOwn(directoryRoles, key) ? directoryRoles[key] : undefined;
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
