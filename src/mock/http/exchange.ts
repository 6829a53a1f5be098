/**
 * The core's own request and response: plain data, cheaper than WHATWG Request/Response on
 * the socket path. `core.fetch` converts from and to the WHATWG types; the node adapter reads
 * and writes these directly.
 */
export interface MockRequest {
  method: string;
  /** `scheme://host[:port]` as the client addressed the mock (for `@odata.context`). */
  origin: string;
  /** The raw path, still percent-encoded, without the query. */
  path: string;
  /** The raw query string without `?` ("" when none). */
  query: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body bytes (undefined when the request had none). */
  body?: Uint8Array;
  /** The body was over `maxBodyBytes` and was not kept (the answer is 413). */
  oversized?: boolean;
  /** The server held `maxHeldBodyBytes` of unfinished bodies already: this one was not kept (the answer is 503). */
  busy?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /** A fault: close the connection without answering. */
  drop?: boolean;
  /** A fault: wait this long (real time) before answering. */
  delayMs?: number;
}

/** One header value (the first, when sent more than once). */
export function header(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Largest request body the mock reads; larger ones get 413 (Graph's limit is 4 MB). */
export const maxBodyBytes = 4 * 1024 * 1024;

/** The most bytes of unfinished request bodies one server holds across its connections (8 full bodies). */
export const maxHeldBodyBytes = 8 * maxBodyBytes;
