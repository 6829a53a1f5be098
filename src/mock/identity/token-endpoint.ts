/**
 * The OAuth2 side of the mock tenant, shaped like Entra ID: `POST /{tenant}/oauth2/v2.0/token`
 * (client credentials and password grants), `GET /{tenant}/discovery/v2.0/keys` (JWKS) and the
 * OpenID configuration that MSAL-based clients read first. Errors use Entra's JSON shape.
 */
import { header, type MockRequest, type MockResponse } from "../http/exchange.js";
import { consumerTenantId, type MockFixtures } from "../fixtures.js";
import type { Directory } from "../directory.js";
import type { MockClock } from "../clock.js";
import { graphAudiences } from "./claims.js";
import { InvalidScopeError, UnknownPrincipalError, type TokenIssuer } from "./issuer.js";

export interface IdentityState {
  fixtures: MockFixtures;
  directory: Directory;
  issuer: TokenIssuer;
  clock: MockClock;
}

const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/i;
const keysPath = /^\/([^/]+)\/discovery\/(?:v2\.0\/)?keys$/i;
const configPath = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/i;
const instancePath = /^\/([^/]+)\/discovery\/instance$/i;

/** The methods an identity path takes, or undefined when the path is not one (for CORS preflights). */
export function identityMethods(path: string): string[] | undefined {
  if (tokenPath.test(path)) return ["POST"];
  if (keysPath.test(path) || configPath.test(path) || instancePath.test(path)) return ["GET"];
  return undefined;
}

/** Answers identity requests; undefined when the path is not one of them. */
export async function handleIdentity(state: IdentityState, req: MockRequest): Promise<MockResponse | undefined> {
  const token = tokenPath.exec(req.path);
  const keys = keysPath.exec(req.path);
  const config = configPath.exec(req.path);
  const instance = instancePath.exec(req.path);
  const tenant = (token ?? keys ?? config ?? instance)?.[1];
  if (tenant === undefined) return undefined;
  if (!knownTenant(state.fixtures, tenant)) {
    return oauthError(
      state,
      400,
      "invalid_tenant",
      90002,
      `Tenant '${short(decode(tenant))}' not found. Check to make sure you have the correct tenant ID and are ` +
        `signing into the correct cloud.`,
    );
  }
  if (token) {
    if (req.method !== "POST")
      return oauthError(state, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
    return issueFromForm(state, req, tenant);
  }
  if (req.method !== "GET")
    return oauthError(state, 405, "invalid_request", 900561, "The endpoint only accepts GET requests.");
  if (keys) return json(200, await state.issuer.jwks());
  if (instance) return json(200, instanceDiscovery(req, tenant));
  return json(200, openIdConfiguration(req.origin, tenant));
}

function knownTenant(f: MockFixtures, raw: string): boolean {
  const t = decode(raw).toLowerCase();
  return [f.tenant.id, f.tenant.domain, "organizations", "common", "consumers", consumerTenantId].some(
    (k) => k.toLowerCase() === t,
  );
}

/** The token request field that sets the lifetime (a mock extension). */
export const mockExpiresInParam = "mock_expires_in";

// Authorities that name no tenant: client credentials need one (MSAL refuses them too).
const generalAuthorities = new Set(["common", "organizations", "consumers", consumerTenantId]);

async function issueFromForm(state: IdentityState, req: MockRequest, tenant: string): Promise<MockResponse> {
  const type = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return oauthError(
      state,
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'grant_type'. Send it form-encoded " +
        "(application/x-www-form-urlencoded).",
    );
  }
  const form = new URLSearchParams(new TextDecoder("utf-8", { ignoreBOM: true }).decode(req.body ?? new Uint8Array()));
  const grant = form.get("grant_type");
  // The mock's own parameter (Entra ignores unknown ones): a token that lives this long, negative
  // for one already expired, as `rejects-expired-token` needs.
  const lifetime = form.get(mockExpiresInParam);
  let life: { expiresInSeconds?: number } = {};
  if (lifetime !== null) {
    const seconds = Number(lifetime);
    if (!Number.isInteger(seconds) || Math.abs(seconds) > 86_400 || seconds === 0)
      return oauthError(
        state,
        400,
        "invalid_request",
        900144,
        `${mockExpiresInParam} must be a whole number of seconds, -86400..86400 and not 0, got '${short(lifetime)}'.`,
      );
    life = { expiresInSeconds: seconds };
  }
  const scope = (form.get("scope") ?? "").split(/\s+/).filter((s) => s !== "");
  if (grant === "client_credentials") {
    if (generalAuthorities.has(decode(tenant).toLowerCase())) {
      return oauthError(
        state,
        400,
        "invalid_request",
        50059,
        "No tenant-identifying information found in either the request or implied by any provided credentials.",
      );
    }
    const clientId = form.get("client_id") ?? "";
    const app = state.directory.app(clientId);
    if (!app || app.clientId.toLowerCase() !== clientId.toLowerCase()) {
      return oauthError(
        state,
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${short(clientId)}' was not found in the directory ` +
          `'${state.fixtures.tenant.domain}'.`,
      );
    }
    if (form.get("client_secret") !== state.fixtures.clientSecret) {
      return oauthError(
        state,
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, " +
          "not the client secret ID.",
      );
    }
    const resource =
      scope.length === 1 && scope[0]!.endsWith("/.default") ? scope[0]!.slice(0, -"/.default".length) : undefined;
    if (resource === undefined || !graphAudiences.has(resource)) {
      return oauthError(
        state,
        400,
        "invalid_scope",
        1002012,
        "The provided value for scope is not valid. Client credential flows must have a scope value with /.default " +
          "suffixed to the resource identifier (application ID URI).",
      );
    }
    const { token, claims } = await state.issuer.issue({ app: app.clientId, audience: resource, ...life });
    return tokenResponse(token, claims.exp - claims.iat, "");
  }
  if (grant === "password") {
    const username = form.get("username") ?? "";
    const user = state.directory.user(username);
    if (!user || form.get("password") !== state.fixtures.password) {
      return oauthError(
        state,
        400,
        "invalid_grant",
        50126,
        "Error validating credentials due to invalid username or password.",
      );
    }
    if (scope.length === 0) {
      return oauthError(
        state,
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: 'scope'.",
      );
    }
    try {
      const { token, claims } = await state.issuer.issue({ user: user.id, scopes: scope, ...life });
      return tokenResponse(token, claims.exp - claims.iat, claims.scp ?? "");
    } catch (err) {
      if (err instanceof UnknownPrincipalError)
        return oauthError(state, 400, "invalid_grant", 50034, "The user account does not exist in the directory.");
      if (err instanceof InvalidScopeError)
        return oauthError(
          state,
          400,
          "invalid_scope",
          70011,
          "The provided value for the input parameter 'scope' is not valid: it is too long.",
        );
      throw err;
    }
  }
  return oauthError(
    state,
    400,
    "unsupported_grant_type",
    70003,
    `The app requested an unsupported grant type '${short(grant ?? "")}': use client_credentials or password.`,
  );
}

function tokenResponse(accessToken: string, expiresIn: number, scope: string): MockResponse {
  return json(
    200,
    { token_type: "Bearer", scope, expires_in: expiresIn, ext_expires_in: expiresIn, access_token: accessToken },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}

function oauthError(state: IdentityState, status: number, error: string, code: number, message: string): MockResponse {
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  const timestamp = state.clock
    .now()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return json(status, {
    error,
    error_description:
      `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ` + `${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}

function openIdConfiguration(origin: string, tenant: string): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ["token"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    grant_types_supported: ["client_credentials", "password"],
  };
}

/**
 * Entra's instance discovery (MSAL asks it before trusting an authority): this host is the only
 * alias, and the tenant's OpenID configuration is on it.
 */
function instanceDiscovery(req: MockRequest, tenant: string): Record<string, unknown> {
  const host = new URL(req.origin).host;
  const asked = new URLSearchParams(req.query).get("authorization_endpoint");
  let forTenant = tenant;
  try {
    if (asked) forTenant = new URL(asked).pathname.split("/")[1] || tenant;
  } catch {
    // An unparsable authorization_endpoint: answer for the path's tenant.
  }
  return {
    tenant_discovery_endpoint: `${req.origin}/${forTenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-ms-request-id": crypto.randomUUID(), ...extra },
    body: JSON.stringify(body),
  };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const short = (s: string) => (s.length > 64 ? `${s.slice(0, 64)}…` : s);
