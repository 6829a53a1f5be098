/**
 * A bare node:http server on 127.0.0.1 for the cases the mock will not play: hostile bodies, stalls, scripted statuses.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  /** The raw request target, still percent-encoded, as it arrived. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface LocalServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** `url + "/v1.0"`. */
  graphUrl: string;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: Received, res: ServerResponse) => void;

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphUrl: `${url}/v1.0`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Send a JSON body with Graph's usual headers. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "request-id": "11111111-2222-3333-4444-555555555555",
    ...headers,
  });
  res.end(text);
}

/** A Graph-shaped error envelope. */
export function envelope(code: string, message: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: { date: "2026-01-01T00:00:00", "request-id": "11111111-2222-3333-4444-555555555555" },
    },
  };
}

export const samplePass = {
  "@odata.context": "http://127.0.0.1/v1.0/$metadata#users('x')/authentication/temporaryAccessPassMethods/$entity",
  id: "6f1967b7-15e8-4935-ac26-d50770ed07a7",
  createdDateTime: "2026-01-01T00:00:00Z",
  startDateTime: "2026-01-01T00:00:00Z",
  lifetimeInMinutes: 60,
  isUsableOnce: false,
  isUsable: true,
  methodUsabilityReason: "EnabledByPolicy",
  temporaryAccessPass: null,
};
