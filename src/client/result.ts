/** Responses as openapi-fetch-style results: `{ data }` on success, `{ error }` on a Graph error. */
import { GraphError, InvalidResponseError, type TapError } from "./errors.js";
import { NOT_JSON, readBodies } from "./transport.js";

export type TapResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: TapError; response: Response };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isEnvelope(value: unknown): value is Pick<TapError, "error"> {
  if (!isObject(value) || !isObject(value.error)) return false;
  return typeof value.error.code === "string" && typeof value.error.message === "string";
}

/**
 * The result for a response: `success` is the parsed success body (read by the caller), error
 * bodies come from the transport. `shape` is what a success body must be.
 */
export function toResult<T>(
  response: Response,
  success: unknown,
  clientRequestId: string,
  shape: "object" | "list" | "none",
): TapResult<T> {
  const body = response.ok ? success : readBodies.get(response)?.json;
  const requestId = response.headers.get("request-id") ?? undefined;
  if (response.ok) {
    if (shape === "none") return { data: undefined as T, response };
    if (!isObject(body) || (shape === "list" && !Array.isArray(body.value))) {
      throw new InvalidResponseError(
        `Received: a ${response.status} body that is ` +
          `${body === undefined ? "empty" : shape === "list" ? "not a collection" : "not an object"} / Expected: ` +
          `${shape === "list" ? "an object with a value array" : "a JSON object"}`,
        "not-an-object",
        response.status,
        requestId,
      );
    }
    return { data: body as T, response };
  }
  if (isEnvelope(body))
    return { error: { ...body, status: response.status, requestId, clientRequestId } as TapError, response };
  const bodyProblem = body === undefined ? "empty" : body === NOT_JSON ? "not-json" : "not-an-envelope";
  const received =
    bodyProblem === "empty"
      ? "no body"
      : bodyProblem === "not-json"
        ? `a body that is not JSON (${response.headers.get("content-type") ?? "no content-type"})`
        : "JSON that is not an error envelope";
  return {
    error: {
      error: {
        code: "unexpectedResponse",
        message: `Received: HTTP ${response.status} with ${received} / Expected: Graph's error envelope`,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          "request-id": requestId ?? "",
          "client-request-id": clientRequestId,
        },
      },
      status: response.status,
      requestId,
      clientRequestId,
      bodyProblem,
    },
    response,
  };
}

/**
 * The data of a result, or a thrown GraphError. Takes the result or the promise of one:
 * `const pass = await unwrap(tap.create({ user }))`.
 */
export function unwrap<T>(result: TapResult<T>): T;
export function unwrap<T>(result: Promise<TapResult<T>>): Promise<T>;
export function unwrap<T>(result: TapResult<T> | Promise<TapResult<T>>): T | Promise<T> {
  if (result instanceof Promise) return result.then((r) => unwrap(r));
  if (result.error) throw new GraphError(result.error);
  return result.data as T;
}
