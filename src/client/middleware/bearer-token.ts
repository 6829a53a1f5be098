import type { Middleware } from "openapi-fetch";
import type { TokenSource } from "../credential.js";

/** `Authorization: Bearer <token>` on every request; the token comes from the credential. */
export function bearerTokenMiddleware(token: TokenSource): Middleware {
  return {
    onRequest({ request }) {
      // A fixed token needs no promise of its own (this runs on every call).
      if (token.fixed !== undefined) return void request.headers.set("authorization", `Bearer ${token.fixed}`);
      return token(request.signal).then((value) => void request.headers.set("authorization", `Bearer ${value}`));
    },
  };
}
