/**
 * `createTapHandlers()`: the mock's core as MSW request handlers on Graph's real roots and the
 * identity platform's real hosts, so unchanged app code (base URL, authority) runs against it.
 * The handlers only translate: state, clock, policy, faults and scenarios live in the core.
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import { createMockGraph, type MockGraphCore, type MockGraphOptions } from "../mock/core.js";
import { graphMethods, identityMethods } from "../mock/served-paths.js";
import { betaApi, clouds, tapCloud } from "../spec/clouds.js";
import type { CloudId } from "../spec/document.js";
import { notMockedResponse } from "./not-mocked.js";

export interface TapHandlersOptions extends MockGraphOptions {
  /** Which clouds' Graph roots and authorities to answer (default: every cloud with the TAP API). */
  clouds?: readonly CloudId[];
}

export interface TapHandlers {
  /**
   * Give these to `setupServer(...)` (msw/node) or `setupWorker(...)` (msw/browser), after your own
   * handlers for other Graph APIs: the last ones answer any other request to a Graph root or an
   * identity host with a 501, so it never reaches the network.
   */
  handlers: HttpHandler[];
  /** The core behind them: `issueToken`, `clock`, `setPolicy`, `signIn`, `reset`, `fixtures`. */
  mock: MockGraphCore;
}

export function createTapHandlers(options: TapHandlersOptions = {}): TapHandlers {
  const { clouds: chosen, ...coreOptions } = options;
  const ids = chosen ?? (Object.keys(clouds) as CloudId[]).filter((id) => clouds[id].tapAvailable);
  // Unknown ids and China (no TAP API on v1.0) are refused with the client's own message.
  for (const id of ids) tapCloud(id);
  const mock = createMockGraph(coreOptions);
  const graphRoots = [...new Set(ids.map((id) => clouds[id].graphRoot))];
  const authorities = [...new Set(ids.map((id) => clouds[id].authority))];
  const every = Object.values(clouds);
  const allGraphRoots = [...new Set(every.map((c) => c.graphRoot))];
  const allAuthorities = [...new Set(every.map((c) => c.authority))];

  // The first two match only what the mock serves; the last two answer everything else on every
  // cloud's hosts with a 501 (not-mocked.ts), so no request to Graph or the identity platform reaches the
  // network, whatever the app's `onUnhandledRequest` / `onUnhandledFrame` says. The app's own
  // handlers for other Graph APIs go before these, or in `server.use()`. A matched handler that
  // answers nothing would let the request through, so each one answers.
  const on =
    (origins: readonly string[], serves: (path: string) => string[] | undefined = () => []) =>
    ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      return origins.includes(url.origin) && serves(url.pathname) !== undefined && betaServed(url);
    };
  // Beta is answered on its clouds' roots only (spec decision 41); v1.0 and identity everywhere.
  const betaRoots = betaApi.clouds.map((id) => new URL(clouds[id].graphRoot).origin);
  const betaServed = (url: URL) =>
    !url.pathname.toLowerCase().startsWith(`${betaApi.versionPath}/`) || betaRoots.includes(url.origin);
  const answer = async ({ request }: { request: Request }) => {
    try {
      return await mock.fetch(request);
    } catch {
      // The "drop" fault: a network error, as a closed connection looks to fetch.
      return HttpResponse.error();
    }
  };
  const handlers = [
    http.all(on(graphRoots, graphMethods), answer),
    http.all(on(authorities, identityMethods), answer),
    http.all(on(allGraphRoots), ({ request }) => notMockedResponse(request, false)),
    http.all(on(allAuthorities), ({ request }) => notMockedResponse(request, true)),
  ];
  return { handlers, mock };
}
