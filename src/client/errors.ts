/**
 * The client's exceptions. HTTP errors are data (`{ error }`); these are thrown only for misuse,
 * for a call that got no usable response, and on request (`unwrap`, strict contract mode).
 */
import type { Violation } from "../contract/violation.js";
import { redactText } from "../contract/redact.js";
import { UserError } from "../errors.js";
import type { GraphErrorEnvelope } from "./types.js";

/** Bad input to the client (an empty or malformed id, a bad option), raised before any request. */
export class InvalidInputError extends UserError {
  override name = "InvalidInputError";
}

/** What the `{ error }` branch of a result holds: Graph's envelope plus what the response said. */
export interface TapError extends GraphErrorEnvelope {
  /** The HTTP status (4xx or 5xx). */
  status: number;
  /** Graph's `request-id` header, to quote in a support case (absent if the response had none). */
  requestId: string | undefined;
  /** The `client-request-id` this client sent with the call. */
  clientRequestId: string;
  /**
   * Set when the body was not Graph's error envelope (a proxy's HTML page, an empty body): the
   * client then wrote `error.code` ("unexpectedResponse") and `error.message` itself.
   */
  bodyProblem?: "empty" | "not-json" | "not-an-envelope";
}

/** A Graph error as an exception, for callers who prefer `try`/`catch` (see `unwrap`). */
export class GraphError extends Error {
  override name = "GraphError";
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string;
  /** The whole error, as the `{ error }` branch held it. */
  readonly error: TapError;

  constructor(error: TapError) {
    // A server that echoes the Authorization header must not put the token into logs.
    super(
      redactTokens(`Graph answered ${error.status} ${error.error.code}: ${error.error.message}`) +
        (error.requestId ? ` (request-id ${error.requestId})` : ""),
    );
    this.status = error.status;
    this.code = error.error.code;
    this.requestId = error.requestId;
    this.clientRequestId = error.clientRequestId;
    this.error = error;
  }
}

/** Thrown by the contract middleware in strict mode: the response broke the contract. */
export class ContractError extends Error {
  override name = "ContractError";
  readonly violations: readonly Violation[];

  constructor(operation: string, violations: readonly Violation[]) {
    const first = violations[0];
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
    super(`${operation}: the response broke the contract: ${first ? `${first.check}: ${first.title}` : "?"}${more}`);
    this.violations = violations;
  }
}

/** The credential failed or returned something that is not a token. Its message is kept, any token is not. */
export class CredentialError extends Error {
  override name = "CredentialError";
}

/**
 * The response could not be used: its body was truncated, too large (decoded bytes), or (on
 * success) not JSON or not an object, or its status was not HTTP's (outside 200..599).
 */
export class InvalidResponseError extends Error {
  override name = "InvalidResponseError";
  constructor(
    message: string,
    readonly reason: "truncated" | "too-large" | "not-json" | "not-an-object" | "bad-status",
    readonly status: number,
    readonly requestId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No complete response within the client's timeout (retries and their waits included). */
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/** The request never got an HTTP response (refused connection, DNS failure, reset socket). */
export class NetworkError extends Error {
  override name = "NetworkError";
}

/**
 * Remove anything that looks like a secret (a JWT, `Bearer xyz`, a passcode by key) from a message: the one redaction.
 */
export function redactTokens(text: string, known?: string): string {
  let out = text;
  if (known && known.length >= 8) out = out.split(known).join("<redacted token>");
  return redactText(out);
}
