/**
 * The mock as a live target, as a new user would run it: `tap-contract check --target` with the
 * tokens the README lists (app, self, admin) and one without permissions, behind a watching proxy
 * that can act (interrupt the run) when a given request goes by: signals land at exact points
 * of the write flow, not after sleeps tuned to one machine.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";

export const appClientId = "00000000-0000-0000-0000-00000000a11c";
export const noPermissionClientId = "00000000-0000-0000-0000-00000000b0b0";

export async function liveTokens(mock: MockGraph): Promise<Record<string, string>> {
  return {
    GRAPH_TOKEN_APP: await mock.issueToken({ app: appClientId }),
    GRAPH_TOKEN_SELF: await mock.issueToken({ user: "megan" }),
    GRAPH_TOKEN_ADMIN: await mock.issueToken({ user: "adele" }),
    GRAPH_TOKEN_NOPERM: await mock.issueToken({ app: noPermissionClientId }),
  };
}

export interface SeenRequest {
  method: string;
  path: string;
  status: number;
}

export interface WatchingProxy {
  graphUrl: string;
  seen: SeenRequest[];
  /** Called after each response is forwarded; `index` counts from 0. */
  onResponse?: (seen: SeenRequest, index: number) => void;
  close(): Promise<void>;
}

/** A pass-through proxy in front of the mock that records each exchange after the answer is relayed. */
export async function watchingProxy(mock: MockGraph, options: { answerFirst?: number } = {}): Promise<WatchingProxy> {
  const target = new URL(mock.url);
  const proxy: WatchingProxy = { graphUrl: "", seen: [], close: async () => undefined };
  let received = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    // After `answerFirst` requests the target stops answering (it keeps the connection open).
    if (options.answerFirst !== undefined && ++received > options.answerFirst) return;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => {
          const seen = { method: req.method ?? "", path: req.url ?? "", status: answer.statusCode ?? 0 };
          proxy.seen.push(seen);
          proxy.onResponse?.(seen, proxy.seen.length - 1);
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  proxy.graphUrl = `http://127.0.0.1:${port}/v1.0`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** The test user's passes, read straight from the mock with the app token. */
export async function passesOf(mock: MockGraph, user: string): Promise<string[]> {
  const token = await mock.issueToken({ app: appClientId });
  const res = await fetch(
    `${mock.graphUrl}/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  const body = (await res.json()) as { value?: Array<{ id: string }> };
  return (body.value ?? []).map((p) => p.id);
}

export { startMockGraph };
