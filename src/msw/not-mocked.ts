/**
 * The answer for a request to Graph's roots or the identity hosts that no TAP handler serves
 * (another Graph API, another tenant). Answering it, rather than leaving it unhandled, keeps it
 * off the network whatever `setupServer().listen()` was told: msw 3 renamed `onUnhandledRequest`
 * to `onUnhandledFrame` and ignores the old name, so `onUnhandledRequest: "error"` there lets an
 * unhandled request through (a real DNS lookup of graph.microsoft.com). A 501 in the host's own
 * error shape makes the app's client show why.
 */
import { HttpResponse } from "msw";

export const notMockedStatus = 501;

export function notMockedResponse(request: Request, identityHost: boolean): Response {
  const url = new URL(request.url);
  // Origin and path only: a query string may carry what a test should never print.
  const message =
    `graph-tap-contract/msw serves only the TAP API and the fixture tenant's identity endpoints, ` +
    `not ${request.method} ${url.origin}${url.pathname}: give it a handler of your own, ` +
    "listed before these or added with server.use()";
  const body = identityHost
    ? { error: "not_mocked", error_description: message }
    : { error: { code: "NotMocked", message } };
  return HttpResponse.json(body, { status: notMockedStatus });
}
