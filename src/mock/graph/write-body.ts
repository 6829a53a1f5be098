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

export function parseJsonBody(req: MockRequest): { ok: true; body: unknown } | { ok: false } {
  try {
    return {
      ok: true,
      body: JSON.parse(new TextDecoder("utf-8", { ignoreBOM: true }).decode(req.body ?? new Uint8Array())),
    };
  } catch {
    return { ok: false };
  }
}
