/**
 * Graph's envelope: the headers on every response and the OData error body with `innerError`.
 * Error codes and messages come from the spec's `x-graph-errors` through `graphError()`.
 */
import {
  graphError,
  graphErrors,
  graphJsonContentType,
  type GraphErrorKind,
  wwwAuthenticate,
} from "../../spec/index.js";
import { header, type MockRequest, type MockResponse } from "./exchange.js";

/** The content type Graph sends with JSON bodies, from the spec. */
export { graphJsonContentType };

/** Per-request identity of an answer: the ids Graph puts in headers and in `innerError`. */
export interface Envelope {
  requestId: string;
  clientRequestId: string;
  now: Date;
}

// A client-request-id is echoed only when it is a sane token; anything else is replaced.
const echoable = /^[\x21-\x7e]{1,128}$/;

export function envelopeFor(req: MockRequest, now: Date): Envelope {
  const requestId = crypto.randomUUID();
  const sent = header(req, "client-request-id");
  return { requestId, clientRequestId: sent !== undefined && echoable.test(sent) ? sent : requestId, now };
}

const diagnostic = JSON.stringify({
  ServerInfo: { DataCenter: "Mock", Slice: "E", Ring: "5", ScaleUnit: "000", RoleInstance: "tap-mock" },
});

// HTTP dates have whole seconds: format each second once.
let dateSecond = Number.NaN;
let dateText = "";
function httpDate(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = now.toUTCString();
  }
  return dateText;
}

export function baseHeaders(env: Envelope): Record<string, string> {
  return {
    "request-id": env.requestId,
    "client-request-id": env.clientRequestId,
    date: httpDate(env.now),
    "cache-control": "no-cache",
    "odata-version": "4.0",
    "strict-transport-security": "max-age=31536000",
    "x-ms-ags-diagnostic": diagnostic,
  };
}

export function jsonResponse(
  env: Envelope,
  status: number,
  body: unknown,
  extra?: Record<string, string>,
): MockResponse {
  const headers = baseHeaders(env);
  headers["content-type"] = graphJsonContentType;
  if (extra) Object.assign(headers, extra);
  return { status, headers, body: JSON.stringify(body) };
}

export function noContent(env: Envelope): MockResponse {
  return { status: 204, headers: baseHeaders(env) };
}

/** `2021-04-01T17:02:01`: Graph's innerError date, UTC without fraction or offset. */
export function innerErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export interface ErrorOptions {
  values?: Record<string, string | number>;
  headers?: Record<string, string>;
  /** Extra innerError members (Graph adds code/status/message on some errors). */
  inner?: Record<string, string>;
}

/** An error of the spec's catalog, in Graph's OData envelope. */
export function errorResponse(env: Envelope, kind: GraphErrorKind, options: ErrorOptions = {}): MockResponse {
  const e = graphError(kind, options.values);
  // Where Graph repeats the message in innerError (the policy's Create refusals), so does the mock.
  const inner = graphErrors[kind].innerMessage ? { ...options.inner, message: e.message } : options.inner;
  return rawError(env, e.status, e.code, e.message, { ...options, ...(inner ? { inner } : {}) });
}

/** An error the catalog does not know (the mock's own control channel), in the same envelope. */
export function rawError(
  env: Envelope,
  status: number,
  code: string,
  message: string,
  options: ErrorOptions = {},
): MockResponse {
  const body = {
    error: {
      code,
      message,
      innerError: {
        ...options.inner,
        date: innerErrorDate(env.now),
        "request-id": env.requestId,
        "client-request-id": env.clientRequestId,
      },
    },
  };
  // Graph challenges on every 401; clients (Kiota's CAE handler) read it.
  const headers = status === 401 ? { "www-authenticate": wwwAuthenticate, ...options.headers } : options.headers;
  return jsonResponse(env, status, body, headers);
}
