/**
 * The typed operations' way to the network: the same request the openapi-fetch client under
 * `raw` builds with its middleware (client-request-id, bearer token, retry, contract), without
 * openapi-fetch's per-call `Request` (which the runtime's fetch then copies again) or its
 * header merging. A test sends every operation both ways and compares what the server received.
 */
import type { TokenSource } from "./credential.js";
import type { ContractMiddleware } from "./middleware/contract.js";
import { mayRetry, type Retrier } from "./middleware/retry.js";
import { noResponse, settled, type FetchLike } from "./transport.js";

export interface DirectSendOptions {
  /** The caller's fetch (it takes a `Request`); without one, the global fetch takes the URL and init. */
  fetch: FetchLike | undefined;
  token: TokenSource;
  maxResponseBytes: number;
  retry: Retrier | undefined;
  contract: ContractMiddleware | undefined;
}

/** Sends one call (its retries included) and returns the response the result is made from. */
export type DirectSend = (method: string, url: string, body: string | undefined, clientRequestId: string, signal: AbortSignal) => Promise<Response>;

export function directSend(options: DirectSendOptions): DirectSend {
  const { fetch: custom, token, maxResponseBytes, retry, contract } = options;

  // One attempt; `request` is the first attempt's Request when one was made.
  async function attempt(request: Request | undefined, url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      if (custom) response = await custom(request ?? new Request(url, init));
      else response = await (request ? globalThis.fetch(request) : globalThis.fetch(url, init));
    } catch (err) {
      throw noResponse(err, init.method!, url, signal);
    }
    return settled(response, init.method!, maxResponseBytes, signal);
  }

  return async (method, url, body, clientRequestId, signal) => {
    // The headers openapi-fetch sends (JSON content type only with a body), then the bearer middleware's.
    const headers: Record<string, string> = body === undefined
      ? { "client-request-id": clientRequestId }
      : { "content-type": "application/json", "client-request-id": clientRequestId };
    headers.authorization = `Bearer ${token.fixed ?? await token(signal)}`;
    // Graph never redirects these calls: a 3xx is answered as an { error }, never followed to another host.
    const init: RequestInit = { method, headers, body, signal, redirect: "manual" };
    // A Request object only for those who take one: the caller's fetch and the contract rules.
    const first = custom || contract ? new Request(url, init) : undefined;
    if (contract && first) contract.track(first);
    const start = retry?.enabled ? retry.now() : 0;
    let response = await attempt(first, url, init, signal);
    if (retry?.enabled && mayRetry(method, response.status)) {
      // Each retry sends a fresh Request (a sent body cannot be sent again); the body is a string.
      response = await retry.run({ method, url, signal }, start, response, () => attempt(undefined, url, init, signal),
        contract && first ? (replaced) => contract.inspect(first, replaced) : undefined);
    }
    if (contract && first) await contract.inspect(first, response);
    return response;
  };
}
