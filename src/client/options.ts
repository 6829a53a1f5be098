/** The client's options, checked once at construction so that bad ones fail before any request. */
import { betaApi as betaDifferences, tapCloud } from "../spec/clouds.js";
import { bearerUrlProblem } from "./base-url-rule.js";
import type { TapCredential } from "./credential.js";
import { InvalidInputError } from "./errors.js";
import type { ContractOptions } from "./middleware/contract.js";
import type { RetryOptions } from "./middleware/retry.js";
import { shown } from "./path-segment.js";
import type { FetchLike } from "./transport.js";
import type { TapCloudId } from "./types.js";

export interface TapClientOptions {
  /**
   * An Azure SDK `TokenCredential` (asked for the cloud's `.default` scope), a function returning a token, or a token.
   */
  credential: TapCredential;
  /** The national cloud (default `global`). `china` is refused: Graph v1.0 has no TAP API there. */
  cloud?: TapCloudId;
  /**
   * Another base URL (a proxy, the mock): https, or http to a loopback host only. Default: the cloud's Graph root +
   * `apiVersion`.
   */
  baseUrl?: string;
  /** `"v1.0"` (default) or `"beta"` (Global cloud only, spec decision 41); ignored when `baseUrl` is given. */
  apiVersion?: "v1.0" | "beta";
  /** Scopes asked of a TokenCredential or passed to a token function (default: the cloud's `<graph root>/.default`). */
  scopes?: string[];
  /** The fetch to send requests with (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** How long a call may take, retries and their waits included (default 30 000 ms). */
  timeoutMs?: number;
  /** The largest response body the client reads (default 1 MiB); a larger one is an InvalidResponseError. */
  maxResponseBytes?: number;
  /** Retries on 429/503/504 (default: up to 3); `false` turns them off. */
  retry?: RetryOptions | false;
  /** Check every response against the contract (opt-in): report violations, or throw in strict mode. */
  contract?: ContractOptions;
}

export interface ResolvedOptions {
  cloud: TapCloudId;
  baseUrl: string;
  basePath: string;
  scopes: string[];
  timeoutMs: number;
  maxResponseBytes: number;
}

// The contract's version segment: every v1.0 `servers` URL of the spec is `<graph root>/v1.0`.
const VERSION_PATH = "/v1.0";

export function resolveOptions(options: TapClientOptions): ResolvedOptions {
  if (!options || typeof options !== "object")
    throw new InvalidInputError("createTapClient: options are required ({ credential, ... })");
  if (options.credential === undefined || options.credential === null) {
    throw new InvalidInputError(
      "createTapClient: credential is required: a TokenCredential, a function returning a token, or a token string",
    );
  }
  const cloud = tapCloud(options.cloud ?? "global");
  const version = options.apiVersion ?? "v1.0";
  if (version !== "v1.0" && version !== "beta")
    throw new InvalidInputError(`createTapClient: apiVersion must be "v1.0" or "beta", received ${shown(version)}`);
  if (version === "beta" && !betaDifferences.clouds.includes(cloud.id)) {
    throw new InvalidInputError(
      `createTapClient: apiVersion "beta" is documented for the ${betaDifferences.clouds.join(", ")} cloud only, ` +
        `not ${cloud.id}`,
    );
  }
  const baseUrl =
    options.baseUrl === undefined
      ? cloud.graphRoot + (version === "beta" ? betaDifferences.versionPath : VERSION_PATH)
      : checkBaseUrl(options.baseUrl);
  const scopes = options.scopes ?? [`${cloud.graphRoot}/.default`];
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((s) => typeof s !== "string" || s === "")) {
    throw new InvalidInputError(
      `createTapClient: scopes must be a non-empty list of scope strings, received ${shown(scopes)}`,
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new InvalidInputError(
      `createTapClient: fetch must be a function (request) => Promise<Response>, received ${typeof options.fetch}`,
    );
  }
  checkRetry(options.retry);
  if (
    options.contract !== undefined &&
    (typeof options.contract !== "object" ||
      options.contract === null ||
      (options.contract.onViolation !== undefined && typeof options.contract.onViolation !== "function"))
  ) {
    throw new InvalidInputError(
      "createTapClient: contract must be { strict?: boolean, onViolation?: (violations, exchange) => void }",
    );
  }
  return {
    cloud: cloud.id as TapCloudId,
    baseUrl,
    basePath: new URL(baseUrl).pathname.replace(/\/$/, ""),
    scopes,
    timeoutMs: delayMs("timeoutMs", options.timeoutMs, 30_000),
    maxResponseBytes: positive("maxResponseBytes", options.maxResponseBytes, 1024 * 1024),
  };
}

/** A positive finite number option, or its default; anything else is an InvalidInputError. */
export function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(`${name} must be a positive finite number, received ${shown(value)}`);
  }
  return value;
}

/** The longest delay a timer holds (2^31 - 1 ms, about 24.8 days): Node fires a longer one at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A delay or timeout option: positive, finite and within what a timer holds, or its default. */
export function delayMs(name: string, value: number | undefined, fallback: number): number {
  const ms = positive(name, value, fallback);
  if (ms > MAX_TIMER_MS) {
    throw new InvalidInputError(
      `${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days, the longest a timer holds), received ` +
        `${shown(value)}`,
    );
  }
  return ms;
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(
      `createTapClient: baseUrl ${shown(value)} is not an absolute URL: expected e.g. https://graph.microsoft.com/v1.0`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidInputError(
      `createTapClient: baseUrl must not carry credentials, a query or a fragment: expected e.g. ` +
        `https://graph.microsoft.com/v1.0`,
    );
  }
  const problem = bearerUrlProblem(url);
  if (problem) throw new InvalidInputError(`createTapClient: baseUrl ${shown(value)} ${problem.message}`);
  return url.href.replace(/\/$/, "");
}

function checkRetry(retry: TapClientOptions["retry"]): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== "object" || retry === null) {
    throw new InvalidInputError(`createTapClient: retry must be false or an options object, received ${shown(retry)}`);
  }
  const { maxRetries } = retry;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 100)) {
    throw new InvalidInputError(
      `createTapClient: retry.maxRetries must be an integer from 0 to 100, received ${shown(maxRetries)}`,
    );
  }
  delayMs("retry.maxDelayMs", retry.maxDelayMs, 1);
  delayMs("retry.baseDelayMs", retry.baseDelayMs, 1);
  for (const name of ["sleep", "now", "random", "onRetry"] as const) {
    if (retry[name] !== undefined && typeof retry[name] !== "function") {
      throw new InvalidInputError(`createTapClient: retry.${name} must be a function, received ${typeof retry[name]}`);
    }
  }
}
