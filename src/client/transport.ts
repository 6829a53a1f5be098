/**
 * The fetch under the client, and the bounded body reads. Error bodies are read here (at most
 * `maxBytes`) so that every middleware and the result see the same parsed text; success bodies
 * pass through unread (only their declared length is checked) and the caller reads them once
 * with `readJson`, which keeps the common path free of copies.
 */
import { InvalidResponseError, NetworkError } from "./errors.js";

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

/** Wrap `base`: network failures become NetworkError, error bodies arrive read and parsed. */
export function boundedTransport(base: FetchLike, maxBytes: number): FetchLike {
  return async (request) => {
    let response: Response;
    try {
      response = await base(request);
    } catch (err) {
      throw noResponse(err, request.method, request.url, request.signal);
    }
    return settled(response, request.method, maxBytes, request.signal);
  };
}

/** What a failed fetch rejects with: the abort reason, or a NetworkError naming the cause. */
function noResponse(err: unknown, method: string, url: string, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  return new NetworkError(`${method} ${url}: no response: ${describeNetworkError(err)}`, { cause: err });
}

/**
 * The response as the client's layers see it: a success passes through unread (its declared
 * length checked), an error body is read (bounded) and parsed into `readBodies`.
 */
function settled(
  response: Response,
  method: string,
  maxBytes: number,
  signal: AbortSignal,
): Response | Promise<Response> {
  if (method === "HEAD" || NULL_BODY_STATUSES.has(response.status) || response.body === null) {
    readBodies.set(response, { text: "", json: undefined });
    return response;
  }
  checkDeclaredLength(response, maxBytes);
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

/** Read a success body (at most `maxBytes`) as JSON; `undefined` when it is empty. */
export async function readJson(response: Response, maxBytes: number, signal: AbortSignal): Promise<unknown> {
  // readText's steps without its own promise: this is every successful call's path.
  let text: string;
  try {
    text = response.body === null ? "" : await startReading(response, maxBytes);
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
      `Received: a ${response.status} body of ${text.length} chars (${response.headers.get("content-type") ?? "no content-type"}) that is not JSON / Expected: a JSON body`,
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

/** Throws for a declared length over the limit; true when a length is declared (and within it). */
function checkDeclaredLength(response: Response, maxBytes: number): boolean {
  const header = response.headers.get("content-length");
  if (header === null) return false;
  const declared = Number(header);
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw invalid(
      response,
      "too-large",
      `Received: a ${response.status} body of ${declared} bytes (content-length) / Expected: at most ${maxBytes} bytes`,
    );
  }
  return true;
}

/** The body as text, at most `maxBytes`; a body that ends early is "truncated". */
export async function readText(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  if (response.body === null) return "";
  try {
    return await startReading(response, maxBytes);
  } catch (err) {
    throw readFailure(err, response, signal);
  }
}

function startReading(response: Response, maxBytes: number): Promise<string> {
  // A declared length within the limit: the runtime enforces it, no need to count.
  return checkDeclaredLength(response, maxBytes) ? response.text() : readCounted(response, maxBytes);
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

async function readCounted(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw invalid(
        response,
        "too-large",
        `Received: a ${response.status} body of more than ${maxBytes} bytes / Expected: at most ${maxBytes} bytes`,
      );
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return err instanceof Error ? err.message : String(err);
}
