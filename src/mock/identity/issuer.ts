/**
 * The mock's own token issuer: one RS256 key pair per mock, tokens shaped like Graph's, and a
 * verifier that caches every verified token until it expires, so a GET pays for one Map
 * lookup instead of an RSA verification.
 *
 * Token lifetimes (iat, nbf, exp) are minted and judged on the wall clock (`Date.now()`), never
 * on the mock's clock: a client caches its token by wall time (MSAL does), so a test that moves
 * the mock's clock to see a pass expire must not see the client's still-valid token refused.
 */
import { errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from "jose";
import type { Directory } from "../directory.js";
import { consumerTenantId, publicClientId, type FixtureApp, type FixtureUser } from "../fixtures.js";
import {
  allDelegatedScopes,
  defaultAudience,
  graphAudiences,
  issuerFor,
  normalizeScopes,
  roleTemplateIds,
  type AccessTokenClaims,
} from "./claims.js";

/** What `issueToken` mints: a user (delegated) or an app (application) token. */
export interface TokenRequest {
  /** Fixture user by short name (`adele`), object id or UPN: a delegated token. */
  user?: string;
  /** Fixture app by client id or name: an application token. */
  app?: string;
  /** Delegated scopes (`scp`); default: every delegated scope of the spec (like `.default`). */
  scopes?: readonly string[];
  /** Application permissions (`roles`); default: what the fixture grants the app. */
  roles?: readonly string[];
  /** Directory role keys (`wids`) instead of the user's own. */
  directoryRoles?: readonly string[];
  /** Lifetime; default 3600. Negative: a token that has already expired. */
  expiresInSeconds?: number;
  /** `aud`; default Graph's (`https://graph.microsoft.com`). */
  audience?: string;
}

/** Thrown when a token request names no known principal (the token endpoint turns it into an OAuth error). */
export class UnknownPrincipalError extends Error {
  override name = "UnknownPrincipalError";
}

/** Thrown for scopes a token cannot carry (the token endpoint turns it into `invalid_scope`). */
export class InvalidScopeError extends Error {
  override name = "InvalidScopeError";
}

/** The longest `scp` the mock signs (spec decisions, item 25): a token stays the size of a real one. */
export const maxScopeChars = 4096;

/** Why a presented token was refused, named as the spec's `x-graph-errors` kinds. */
export type TokenFailure = "emptyToken" | "malformedToken" | "expiredToken" | "invalidSignature" | "invalidAudience";

export type VerifiedToken = { ok: true; claims: AccessTokenClaims } | { ok: false; failure: TokenFailure };

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const cacheLimit = 10_000;

type SigningKeys = { privateKey: CryptoKey; publicKey: CryptoKey; kid: string };
let processKeys: Promise<SigningKeys> | undefined;

/**
 * One RSA key pair per process, made on first use: generating one costs tens of milliseconds,
 * and tests start many mocks. Mocks of the same tenant in one process therefore accept each
 * other's tokens, as one real tenant would; a different tenant's tokens are refused by `tid`.
 */
function signingKeys(): Promise<SigningKeys> {
  processKeys ??= generateKeyPair("RS256", { extractable: false }).then((k) => ({ ...k, kid: crypto.randomUUID() }));
  return processKeys;
}

export class TokenIssuer {
  readonly #keys: Promise<SigningKeys>;
  readonly #cache = new Map<string, AccessTokenClaims>();

  constructor(
    readonly tenantId: string,
    private readonly directory: Directory,
  ) {
    this.#keys = signingKeys();
    // A failed key generation surfaces on first use; never as an unhandled rejection.
    this.#keys.catch(() => undefined);
  }

  /** The JWKS document (public key only). */
  async jwks(): Promise<{ keys: JWK[] }> {
    const { publicKey, kid } = await this.#keys;
    return { keys: [{ ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" }] };
  }

  async issue(request: TokenRequest): Promise<{ token: string; claims: AccessTokenClaims }> {
    if (request.user !== undefined && request.app !== undefined)
      throw new RangeError("issueToken: give either user or app, not both");
    const claims = request.app !== undefined ? this.#appClaims(request) : this.#userClaims(request);
    const { privateKey, kid } = await this.#keys;
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid })
      .sign(privateKey);
    return { token, claims };
  }

  #times(request: TokenRequest) {
    const iat = Math.floor(Date.now() / 1000);
    const life = request.expiresInSeconds ?? 3600;
    if (!Number.isFinite(life))
      throw new RangeError(`issueToken: expiresInSeconds must be a finite number, got ${life}`);
    // An already expired token was also issued in the past, so nbf stays before exp.
    const start = Math.min(iat, iat + Math.trunc(life) - 60);
    return { iat: start, nbf: start, exp: iat + Math.trunc(life) };
  }

  #userClaims(request: TokenRequest): AccessTokenClaims {
    const name = request.user ?? "";
    const user: FixtureUser | undefined = this.directory.userByAnyName(name);
    if (!user) throw new UnknownPrincipalError(`issueToken: no fixture user "${name}"`);
    const tid = user.personal ? consumerTenantId : this.tenantId;
    const scopes = request.scopes ? normalizeScopes(request.scopes) : [...allDelegatedScopes];
    const scp = scopes.join(" ");
    if (scp.length > maxScopeChars)
      throw new InvalidScopeError(
        `issueToken: the scopes are ${scp.length} characters: expected at most ${maxScopeChars}`,
      );
    return {
      aud: request.audience ?? defaultAudience,
      iss: issuerFor(tid),
      tid,
      oid: user.id,
      sub: user.id,
      idtyp: "user",
      appid: publicClientId,
      scp,
      wids: roleTemplateIds(request.directoryRoles ?? user.directoryRoles),
      upn: user.userPrincipalName,
      name: user.displayName,
      ...this.#times(request),
    };
  }

  #appClaims(request: TokenRequest): AccessTokenClaims {
    const app: FixtureApp | undefined = this.directory.app(request.app ?? "");
    if (!app) throw new UnknownPrincipalError(`issueToken: no fixture app "${request.app ?? ""}"`);
    return {
      aud: request.audience ?? defaultAudience,
      iss: issuerFor(this.tenantId),
      tid: this.tenantId,
      oid: app.servicePrincipalId,
      sub: app.servicePrincipalId,
      idtyp: "app",
      appid: app.clientId,
      roles: [...(request.roles ?? app.roles)],
      ...this.#times(request),
    };
  }

  /** The claims of a token verified before and still within its validity window, synchronously. */
  cached(token: string): AccessTokenClaims | undefined {
    const cached = this.#cache.get(token);
    if (!cached) return undefined;
    const nowSec = Date.now() / 1000;
    if (cached.exp > nowSec && cached.nbf <= nowSec) return cached;
    // Its window has passed: it is judged afresh (and refused).
    this.#cache.delete(token);
    return undefined;
  }

  /** Verify a bearer token: cached claims while they are valid, else a full RS256 check. */
  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.cached(token);
    if (cached) return { ok: true, claims: cached };
    if (token === "") return { ok: false, failure: "emptyToken" };
    if (!compactJws.test(token)) return { ok: false, failure: "malformedToken" };
    const { publicKey } = await this.#keys;
    let claims: AccessTokenClaims;
    try {
      const result = await jwtVerify(token, publicKey, { algorithms: ["RS256"], currentDate: new Date() });
      claims = result.payload as unknown as AccessTokenClaims;
    } catch (err) {
      return { ok: false, failure: failureOf(err) };
    }
    if (typeof claims.exp !== "number" || typeof claims.nbf !== "number")
      return { ok: false, failure: "malformedToken" };
    if (typeof claims.aud !== "string" || !graphAudiences.has(claims.aud))
      return { ok: false, failure: "invalidAudience" };
    if (claims.iss !== issuerFor(claims.tid) || (claims.tid !== this.tenantId && claims.tid !== consumerTenantId)) {
      return { ok: false, failure: "invalidSignature" };
    }
    if (this.#cache.size >= cacheLimit) this.#cache.clear();
    this.#cache.set(token, claims);
    return { ok: true, claims };
  }
}

function failureOf(err: unknown): TokenFailure {
  if (err instanceof errors.JWTExpired) return "expiredToken";
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") return "expiredToken";
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JOSEAlgNotAllowed)
    return "invalidSignature";
  return "malformedToken";
}
