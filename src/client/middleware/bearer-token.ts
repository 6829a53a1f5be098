import type { Middleware } from "openapi-fetch";
import type { TokenSource } from "../credential.js";

/** `Authorization: Bearer <token>` on every request; the token comes from the credential. */
export function bearerTokenMiddleware(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${await token(request.signal)}`);
    },
  };
}
