/** Bearer tokens from what users have: an Azure SDK credential, a function, or a fixed string. */
import { CredentialError, InvalidInputError, redactTokens } from "./errors.js";

/** What the client needs of an Azure SDK `TokenCredential` (`@azure/identity` credentials fit as they are). */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ token: string; expiresOnTimestamp: number; refreshAfterTimestamp?: number } | null>;
}

/** A function returning a bearer token (for delegated tokens your app already holds). */
export type TokenFunction = (context: { scopes: string[]; signal?: AbortSignal }) => string | Promise<string>;

/** A `TokenCredential`, a token function, or a static token string. */
export type TapCredential = TokenCredentialLike | TokenFunction | string;

/**
 * Returns the token to send now; throws CredentialError (never showing a token) when there is
 * none. `fixed` is the token of a static credential, which callers may use without awaiting.
 */
export type TokenSource = ((signal?: AbortSignal) => Promise<string>) & { readonly fixed?: string };

// Visible ASCII only: anything else cannot travel in an Authorization header.
const HEADER_SAFE = /^[\x21-\x7e]+$/;
// Renew an Azure token this long before it expires, unless the credential says when.
const REFRESH_MARGIN_MS = 5 * 60_000;

function checked(token: unknown, what: string): string {
  if (typeof token !== "string" || token === "") {
    throw new CredentialError(
      `${what} returned no token (received ${token === "" ? "an empty string" : typeof token}): expected a bearer ` +
        `token string`,
    );
  }
  if (!HEADER_SAFE.test(token)) {
    throw new CredentialError(
      `${what} returned a token of ${token.length} chars that cannot be sent in an Authorization header: expected ` +
        `visible ASCII without spaces`,
    );
  }
  return token;
}

function failure(err: unknown, what: string, scopes: string[], signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (err instanceof CredentialError) return err;
  const name = err instanceof Error ? err.name : "error";
  const message = err instanceof Error ? err.message : String(err);
  // No `cause`: the original error may print a token when logged.
  return new CredentialError(
    `${what} failed to get a token for ${scopes.join(" ")}: ${name}: ${redactTokens(message)}`,
  );
}

/** Build the token source for a credential; misuse (no credential, wrong type) throws InvalidInputError. */
export function tokenSource(credential: TapCredential, scopes: string[], now: () => number = Date.now): TokenSource {
  if (typeof credential === "string") {
    const token = checked(credential, "the static credential");
    return Object.assign(() => Promise.resolve(token), { fixed: token });
  }
  if (typeof credential === "function") {
    return async (signal) => {
      try {
        return checked(await credential({ scopes, signal }), "the credential function");
      } catch (err) {
        throw failure(err, "the credential function", scopes, signal);
      }
    };
  }
  if (credential && typeof credential === "object" && typeof credential.getToken === "function") {
    return azureTokenSource(credential, scopes, now);
  }
  throw new InvalidInputError(
    "credential must be a TokenCredential (an object with getToken), a function returning a token, or a token string",
  );
}

function azureTokenSource(credential: TokenCredentialLike, scopes: string[], now: () => number): TokenSource {
  let cached: { token: string; expiresOn: number; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const what = "the TokenCredential";

  async function fetchToken(signal?: AbortSignal): Promise<string> {
    try {
      const result = await credential.getToken(scopes, signal ? { abortSignal: signal } : undefined);
      if (!result) throw new CredentialError(`${what} returned no token for ${scopes.join(" ")} (null)`);
      const token = checked(result.token, what);
      const expiresOn = Number(result.expiresOnTimestamp) || 0;
      cached = { token, expiresOn, refreshAt: result.refreshAfterTimestamp ?? expiresOn - REFRESH_MARGIN_MS };
      return token;
    } catch (err) {
      // A token that has not expired yet is still good when a refresh fails.
      if (cached && now() < cached.expiresOn && !signal?.aborted) return cached.token;
      throw failure(err, what, scopes, signal);
    }
  }

  return (signal) => {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    // Concurrent calls share one request to the credential.
    pending ??= fetchToken(signal).finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
