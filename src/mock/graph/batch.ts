/**
 * `POST /{version}/$batch`: JSON batching. The envelope is checked as a whole (400); each inner
 * request then goes through the mock exactly as it would alone (the outer token, its own
 * permissions, faults and scenarios), in `dependsOn` order, and its answer is folded into
 * Graph's `{ responses: [...] }`.
 */
import { batchRules } from "../../spec/index.js";
import { errorResponse, jsonResponse, type Envelope } from "../http/envelope.js";
import { header, type MockRequest, type MockResponse } from "../http/exchange.js";

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

type Parsed = { ok: true; requests: InnerRequest[] } | { ok: false; response: MockResponse };

// Headers of the outer request that stay in force for each inner one.
const inherited = ["authorization", "client-request-id", "x-tap-mock-scenario", "x-tap-mock-fault"];

// Graph spells the inner responses' header names this way; the rest stay on the envelope.
const innerHeaderNames: Record<string, string> = {
  "content-type": "Content-Type",
  "retry-after": "Retry-After",
  "cache-control": "Cache-Control",
  "odata-version": "OData-Version",
  location: "Location",
  "www-authenticate": "WWW-Authenticate",
  allow: "Allow",
};

export async function handleBatch(
  req: MockRequest,
  env: Envelope,
  version: string,
  answerInner: (inner: MockRequest) => Promise<MockResponse>,
): Promise<MockResponse> {
  const type = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "") return errorResponse(env, "missingContentType");
  if (type !== "application/json") return errorResponse(env, "unsupportedMediaType", { values: { contentType: type } });
  const parsed = parse(req, env);
  if (!parsed.ok) return parsed.response;
  const order = executionOrder(parsed.requests, env);
  if (!Array.isArray(order)) return order;

  const answers = new Map<string, { status: number; headers: Record<string, string>; body?: unknown }>();
  let delayMs = 0;
  for (const inner of order) {
    const failed = inner.dependsOn.find((id) => (answers.get(id)?.status ?? 500) >= 400);
    const res =
      failed !== undefined
        ? errorResponse(env, "batchFailedDependency", { values: { id: failed } })
        : await answerInner(toMockRequest(req, version, inner));
    // A dropped connection drops the whole batch: the client sees one network failure.
    if (res.drop) return res;
    delayMs = Math.max(delayMs, res.delayMs ?? 0);
    answers.set(inner.id, fold(res));
  }
  const responses = parsed.requests.map((r) => ({ id: r.id, ...answers.get(r.id)! }));
  const out = jsonResponse(env, 200, { responses });
  return delayMs > 0 ? { ...out, delayMs } : out;
}

function invalid(env: Envelope, problem: string): { ok: false; response: MockResponse } {
  return { ok: false, response: errorResponse(env, "batchInvalid", { values: { problem } }) };
}

function parse(req: MockRequest, env: Envelope): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { ignoreBOM: true }).decode(req.body ?? new Uint8Array()));
  } catch {
    return { ok: false, response: errorResponse(env, "invalidJson") };
  }
  const list = (doc as { requests?: unknown } | null)?.requests;
  if (typeof doc !== "object" || doc === null || !Array.isArray(list)) return invalid(env, "no `requests` array");
  if (list.length === 0) return invalid(env, "`requests` is empty");
  if (list.length > batchRules.maxRequests) {
    return {
      ok: false,
      response: errorResponse(env, "batchTooManyRequests", {
        values: { count: list.length, limit: batchRules.maxRequests },
      }),
    };
  }
  const requests: InnerRequest[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const r = raw as Record<string, unknown> | null;
    if (typeof r !== "object" || r === null) return invalid(env, `request ${i} is not an object`);
    const { id, method, url } = r;
    if (typeof id !== "string" || id === "") return invalid(env, `request ${i} has no string \`id\``);
    const shown = id.length > 64 ? `${id.slice(0, 64)}…` : id;
    if (seen.has(id)) return { ok: false, response: errorResponse(env, "batchDuplicateId", { values: { id: shown } }) };
    seen.add(id);
    if (typeof method !== "string" || !/^[A-Za-z]{1,16}$/.test(method))
      return invalid(env, `request '${shown}' has no valid \`method\``);
    if (typeof url !== "string" || url === "") return invalid(env, `request '${shown}' has no \`url\``);
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//"))
      return invalid(env, `request '${shown}' has an absolute \`url\`; send it relative to the version root`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== "object" || r.headers === null || Array.isArray(r.headers))
        return invalid(env, `request '${shown}' has \`headers\` that are not an object`);
      for (const [k, v] of Object.entries(r.headers)) {
        if (typeof v !== "string") return invalid(env, `request '${shown}' has a header '${k}' that is not a string`);
        headers[k.toLowerCase()] = v;
      }
    }
    const dependsOn = r.dependsOn ?? [];
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string"))
      return invalid(env, `request '${shown}' has a \`dependsOn\` that is not a list of ids`);
    requests.push({ id, method: method.toUpperCase(), url, headers, body: r.body, dependsOn: dependsOn as string[] });
  }
  for (const r of requests) {
    const unknown = r.dependsOn.find((d) => !seen.has(d));
    if (unknown !== undefined)
      return invalid(env, `request '${r.id}' depends on '${unknown}', which is not in the batch`);
  }
  return { ok: true, requests };
}

/** The requests in an order that runs every dependency first (input order otherwise); a cycle is a 400. */
function executionOrder(requests: InnerRequest[], env: Envelope): InnerRequest[] | MockResponse {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const state = new Map<string, "visiting" | "done">();
  const out: InnerRequest[] = [];
  const visit = (r: InnerRequest): string | undefined => {
    if (state.get(r.id) === "done") return undefined;
    if (state.get(r.id) === "visiting") return r.id;
    state.set(r.id, "visiting");
    for (const d of r.dependsOn) {
      const cycle = visit(byId.get(d)!);
      if (cycle !== undefined) return cycle;
    }
    state.set(r.id, "done");
    out.push(r);
    return undefined;
  };
  for (const r of requests) {
    const cycle = visit(r);
    if (cycle !== undefined) return invalid(env, `\`dependsOn\` makes a cycle through '${cycle}'`).response;
  }
  return out;
}

function toMockRequest(outer: MockRequest, version: string, inner: InnerRequest): MockRequest {
  const headers: Record<string, string | string[] | undefined> = {};
  for (const name of inherited) if (outer.headers[name] !== undefined) headers[name] = outer.headers[name];
  Object.assign(headers, inner.headers);
  let relative = inner.url.startsWith("/") ? inner.url : `/${inner.url}`;
  // Microsoft's batch helpers send a full request URL cut to its path (`/v1.0/users/…`): the
  // batch's own version in front is the same request (spec decisions).
  const own = `/${version.toLowerCase()}/`;
  if (relative.slice(0, own.length).toLowerCase() === own) relative = relative.slice(own.length - 1);
  const q = relative.indexOf("?");
  const path = `/${version}${q === -1 ? relative : relative.slice(0, q)}`;
  const body =
    inner.body === undefined
      ? undefined
      : new TextEncoder().encode(typeof inner.body === "string" ? inner.body : JSON.stringify(inner.body));
  return {
    method: inner.method,
    origin: outer.origin,
    path,
    query: q === -1 ? "" : relative.slice(q + 1),
    headers,
    ...(body ? { body } : {}),
  };
}

function fold(res: MockResponse): { status: number; headers: Record<string, string>; body?: unknown } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    const spelled = innerHeaderNames[name];
    if (spelled) headers[spelled] = value;
  }
  if (res.body === undefined || res.body === "") return { status: res.status, headers };
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // Not JSON (a `$count`, or a fault's damage): the text as it is.
  }
  return { status: res.status, headers, body };
}
