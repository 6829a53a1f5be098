/** What every write (Create, the policy's PATCH) checks first: the content type, then JSON. */
import { errorResponse, type Envelope } from "../http/envelope.js";
import { header, type MockRequest, type MockResponse } from "../http/exchange.js";

/** 400 without a Content-Type, 415 for one that is not JSON; undefined when it is JSON. */
export function writeContentTypeError(req: MockRequest, env: Envelope): MockResponse | undefined {
  const type = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "") return errorResponse(env, "missingContentType");
  if (type !== "application/json" && !type.endsWith("+json")) {
    const shown = type.length > 64 ? `${type.slice(0, 64)}…` : type;
    return errorResponse(env, "unsupportedMediaType", { values: { contentType: shown } });
  }
  return undefined;
}

/**
 * How deep a Create body may nest (OData's reader quota is 100); a deeper one gets Graph's
 * invalid-JSON 400 (spec decisions, item 23). Every write body is held to it: Create and
 * the policy's PATCH alike.
 */
export const maxJsonDepth = 100;

/** Whether a parsed JSON value nests deeper than `max` (iterative: a deep value cannot overflow the stack). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The body as JSON; not ok when it does not parse or nests deeper than `maxJsonDepth`. */
export function parseJsonBody(req: MockRequest): { ok: true; body: unknown } | { ok: false } {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { ignoreBOM: true }).decode(req.body ?? new Uint8Array()));
  } catch {
    return { ok: false };
  }
  return nestedDeeperThan(body, maxJsonDepth) ? { ok: false } : { ok: true, body };
}
