/**
 * The fetch under the client, and the bounded body reads. Every response is handed on with a
 * guarded body (decoded bytes counted against `maxBytes`, ended by the call's abort) and a status
 * line the WHATWG types can hold. Error bodies are read here (at most `maxBytes`) so that every
 * middleware and the result see the same parsed text; success bodies pass through unread and
 * the caller reads them once with `readJson`.
 */
import { InvalidResponseError, NetworkError } from "./errors.js";
import { guardedBody } from "./guarded-body.js";

export type FetchLike = (request: Request) => Promise<Response>;

/** A body that did not parse as JSON (kept apart from `undefined`, which means "empty"). */
export const NOT_JSON: unique symbol = Symbol("not JSON");

export interface ReadBody {
  text: string;
  json: unknown;
}

/** The error bodies this transport read, keyed by the Response it handed on. */
export const readBodies = new WeakMap<Response, ReadBody>();

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
// RFC 9112's reason-phrase (HTAB, SP, VCHAR, obs-text): what a WHATWG Response accepts as statusText.
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Wrap `base`: network failures become NetworkError, bodies arrive guarded, error bodies read and
 * parsed. `callSignal` is the call's own signal, held by the caller for the whole call; without
 * it (the `raw` client) each request's signal is used, its Request kept alive with the body.
 */
export function boundedTransport(base: FetchLike, maxBytes: number, callSignal?: AbortSignal): FetchLike {
  return async (request) => {
    const signal = callSignal ?? request.signal;
    let response: Response;
    try {
      response = await untilAborted(base(request), signal);
    } catch (err) {
      throw noResponse(err, request.method, request.url, signal);
    }
    return settled(guarded(response, request, maxBytes, signal), request.method, maxBytes, signal);
  };
}

/** `pending`, or the signal's reason as soon as it aborts (a fetch that ignores its signal cannot hang the call). */
function untilAborted(pending: Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) {
    pending.then(
      (late) => late.body?.cancel(),
      () => undefined,
    );
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      pending.then(
        (late) => late.body?.cancel(),
        () => undefined,
      );
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (response) => {
        signal.removeEventListener("abort", onAbort);
        resolve(response);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

/**
 * The response with a guarded body, or an InvalidResponseError for a status outside 200..599 (not
 * HTTP's, and not one a Response can hold). A reason phrase with control characters is dropped:
 * a client ignores it (RFC 9112, section 4), and a Response cannot hold it.
 */
function guarded(response: Response, request: Request, maxBytes: number, signal: AbortSignal): Response {
  const { status } = response;
  if (!(status >= 200 && status <= 599)) {
    response.body?.cancel().catch(() => undefined);
    throw invalid(
      response,
      "bad-status",
      `Received: a response with HTTP status ${status} / Expected: a status from 200 to 599`,
    );
  }
  const statusText = REASON_PHRASE.test(response.statusText) ? response.statusText : "";
  let body: ReadableStream<Uint8Array> | null = null;
  let headers = response.headers;
  if (request.method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
    response.body?.cancel().catch(() => undefined);
    // No body, and its headers say so: a reader that trusts Content-Length (openapi-fetch parses
    // any status but 204 as JSON unless the length is 0) sees an empty body, not a parse error.
    headers = new Headers(response.headers);
    headers.set("content-length", "0");
    headers.delete("transfer-encoding");
  } else if (response.body !== null) {
    checkDeclaredLength(response, maxBytes);
    body = guardedBody(response.body, {
      maxBytes,
      signal,
      tooLarge: () =>
        invalid(
          response,
          "too-large",
          `Received: a ${status} body of more than ${maxBytes} bytes / Expected: at most ${maxBytes} bytes`,
        ),
      hold: request,
    });
  }
  return new Response(body, { status, statusText, headers });
}

/** What a failed fetch rejects with: the abort reason, or a NetworkError naming the cause. */
function noResponse(err: unknown, method: string, url: string, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  return new NetworkError(`${method} ${url}: no response: ${describeNetworkError(err)}`, { cause: err });
}

/**
 * The response as the client's layers see it: a success passes through unread, an error body is read (bounded) into
 * `readBodies`.
 */
function settled(
  response: Response,
  method: string,
  maxBytes: number,
  signal: AbortSignal,
): Response | Promise<Response> {
  if (method === "HEAD" || response.body === null) {
    readBodies.set(response, { text: "", json: undefined });
    return response;
  }
  // Not async for a success: the common path takes no extra promise.
  return response.ok ? response : readErrorBody(response, maxBytes, signal);
}

async function readErrorBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<Response> {
  const text = await readText(response, maxBytes, signal);
  let json: unknown;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      json = NOT_JSON;
    }
  }
  const copy = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  readBodies.set(copy, { text, json });
  return copy;
}

/** Read a success body as JSON (its guarded body counts the bytes); `undefined` when it is empty. */
export async function readJson(response: Response, signal: AbortSignal): Promise<unknown> {
  // readText's steps without its own promise: this is every successful call's path.
  let text: string;
  try {
    text = response.body === null ? "" : await response.text();
  } catch (err) {
    throw readFailure(err, response, signal);
  }
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(
      response,
      "not-json",
      `Received: a ${response.status} body of ${text.length} chars ` +
        `(${response.headers.get("content-type") ?? "no content-type"}) that is not JSON / Expected: a JSON ` +
        `body`,
    );
  }
}

function invalid(
  response: Response,
  reason: InvalidResponseError["reason"],
  message: string,
  cause?: unknown,
): InvalidResponseError {
  return new InvalidResponseError(
    message,
    reason,
    response.status,
    response.headers.get("request-id") ?? undefined,
    cause === undefined ? undefined : { cause },
  );
}

/** Throws for a declared length over the limit (the count of what is read is the guarded body's). */
function checkDeclaredLength(response: Response, maxBytes: number): void {
  const header = response.headers.get("content-length");
  if (header === null) return;
  const declared = Number(header);
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw invalid(
      response,
      "too-large",
      `Received: a ${response.status} body of ${declared} bytes (content-length) / Expected: at most ${maxBytes} bytes`,
    );
  }
}

/**
 * The body as text; a body that ends early is "truncated". What is read is counted by the guarded
 * body every response through the transport has; `maxBytes` is checked against a declared length.
 */
export async function readText(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  if (response.body === null) return "";
  try {
    checkDeclaredLength(response, maxBytes);
    return await response.text();
  } catch (err) {
    throw readFailure(err, response, signal);
  }
}

/** What a failed body read rejects with: the abort reason, a too-large error, or "truncated". */
function readFailure(err: unknown, response: Response, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (err instanceof InvalidResponseError) return err;
  return invalid(
    response,
    "truncated",
    `Received: a ${response.status} body that ended early (${describeNetworkError(err)}) / Expected: the whole body`,
    err,
  );
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return err instanceof Error ? err.message : String(err);
}
