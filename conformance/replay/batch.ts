/**
 * A recorded `POST …/$batch` unpacked into its inner exchanges, so that each inner TAP request
 * is judged by the same rules as one sent alone. An inner request carries the outer request's
 * `Authorization` and `client-request-id`; an inner response, the outer response's `Date`,
 * `request-id` and `client-request-id` when it has none of its own (it travelled in that
 * response); an inner error's `request-id` is the one its `innerError` names. Requests and responses are paired by id;
 * an unpaired one is not judged (the envelope's own schema finding says what is wrong).
 */
import { splitRequestUrl } from "../../src/contract/index.js";
import type { RecordedExchange } from "./recorded.js";

const batchTail = /\/\$batch\/?$/i;

/** Whether a recorded exchange is a JSON batch. */
export function isBatch(recorded: RecordedExchange): boolean {
  return recorded.request.method.toUpperCase() === "POST" && batchTail.test(splitRequestUrl(recorded.request.url).path);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function lowerStrings(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(headers)) return out;
  for (const [k, v] of Object.entries(headers)) if (typeof v === "string") out[k.toLowerCase()] = v;
  return out;
}

/** The inner exchanges of a batch, each with where it came from (`entry` names the batch in the recording). */
export function unpackBatch(recorded: RecordedExchange, entry: string): Array<RecordedExchange & { via: string }> {
  const requests = (recorded.request.body as { requests?: unknown } | undefined)?.requests;
  const responses = (recorded.response.body as { responses?: unknown } | undefined)?.responses;
  if (!Array.isArray(requests) || !Array.isArray(responses)) return [];
  const { origin, path } = splitRequestUrl(recorded.request.url);
  const root = `${origin}${path.replace(batchTail, "")}`;
  const version = root.slice(root.lastIndexOf("/"));
  const answers = new Map<string, Json>();
  for (const r of responses) if (isObject(r) && typeof r.id === "string" && !answers.has(r.id)) answers.set(r.id, r);
  const outerRequest = recorded.request.headers;
  const outerResponse = recorded.response.headers;
  const out: Array<RecordedExchange & { via: string }> = [];
  for (const q of requests) {
    if (!isObject(q) || typeof q.id !== "string" || typeof q.method !== "string" || typeof q.url !== "string") continue;
    const a = answers.get(q.id);
    if (!a || typeof a.status !== "number") continue;
    let relative = q.url.startsWith("/") ? q.url : `/${q.url}`;
    // Microsoft's batch helpers send `/v1.0/users/…`: the batch's own version in front.
    if (relative.toLowerCase().startsWith(`${version.toLowerCase()}/`)) relative = relative.slice(version.length);
    const requestHeaders = lowerStrings(q.headers);
    for (const name of ["authorization", "client-request-id"])
      if (requestHeaders[name] === undefined && outerRequest[name] !== undefined)
        requestHeaders[name] = outerRequest[name];
    const responseHeaders = lowerStrings(a.headers);
    const body = a.body;
    // An inner error names its own request id (Graph gives each inner request one); else the envelope's.
    const innerError = (body as { error?: { innerError?: Record<string, unknown> } } | undefined)?.error?.innerError;
    for (const name of ["request-id", "client-request-id"]) {
      const own = innerError?.[name];
      if (responseHeaders[name] === undefined && typeof own === "string") responseHeaders[name] = own;
    }
    for (const name of ["date", "request-id", "client-request-id"])
      if (responseHeaders[name] === undefined && outerResponse[name] !== undefined)
        responseHeaders[name] = outerResponse[name];
    out.push({
      request: {
        method: q.method.toUpperCase(),
        url: `${root}${relative}`,
        headers: requestHeaders,
        ...(q.body !== undefined ? { body: q.body } : {}),
      },
      response: {
        status: a.status,
        headers: responseHeaders,
        ...(typeof body === "string" ? { bodyText: body } : body !== undefined ? { body } : {}),
      },
      ...(recorded.startedAt !== undefined ? { startedAt: recorded.startedAt } : {}),
      via: `$batch ${entry}, request id ${JSON.stringify(q.id.length > 64 ? `${q.id.slice(0, 64)}…` : q.id)}`,
    });
  }
  return out;
}
