import type { Middleware } from "openapi-fetch";

/** A fresh `client-request-id` per call (unless the caller set one), for correlating logs with Graph's. */
export function requestIdMiddleware(): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has("client-request-id")) request.headers.set("client-request-id", crypto.randomUUID());
    },
  };
}
