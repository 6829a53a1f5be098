/** Conversions between WHATWG Request/Response and the core's plain request/response data. */
import { maxBodyBytes, type MockRequest, type MockResponse } from "./exchange.js";

export async function fromWebRequest(request: Request): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  let body: Uint8Array | undefined;
  let oversized = false;
  if (request.body) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBodyBytes) oversized = true;
    else body = bytes;
  }
  return {
    method: request.method,
    origin: url.origin,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body,
    oversized,
  };
}

/** A dropped connection becomes a rejected promise, as `fetch` would report it. */
export async function toWebResponse(res: MockResponse): Promise<Response> {
  if (res.delayMs) await new Promise((resolve) => setTimeout(resolve, res.delayMs));
  if (res.drop) throw new TypeError("fetch failed: the mock dropped the connection (fault)");
  const bodyless = res.status === 204 || res.status === 304;
  return new Response(bodyless ? null : (res.body ?? null), { status: res.status, headers: res.headers });
}
