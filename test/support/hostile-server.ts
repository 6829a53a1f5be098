/**
 * A small hostile HTTP server on 127.0.0.1, separate from the mock: each behaviour is a base
 * URL (`server.base("reset")` = `http://127.0.0.1:PORT/reset/v1.0`) so that the client and the
 * runner can be pointed at one misbehaviour at a time. A second listener on 127.0.0.2 plays
 * "another host" for redirects and records what reached it (nothing leaves the loopback range).
 * Every stream it starts is bounded and stops when the peer goes away or the server closes.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export const hostileModes = [
  /** Bytes that are not HTTP at all, then the socket closes. */
  "garbage-bytes",
  /** A 200 with Graph's JSON content type and a body of random bytes. */
  "garbage-body",
  /** A 200 whose chunked body never ends (a chunk every 20 ms until the peer leaves). */
  "never-ending",
  /** The connection is reset (TCP RST) as soon as the request arrives. */
  "reset",
  /** A response with 256 KiB of headers. */
  "huge-headers",
  /** A 302 to the same path on another host (127.0.0.2), which answers a plausible pass. */
  "redirect-other-host",
  /** A 200 whose headers come at once and whose body drips one byte every 250 ms. */
  "slow-drip",
  /** Every request is throttled: 429 with Retry-After 1. */
  "throttle-storm",
  /** A 200 with a 50 MiB chunked JSON body. */
  "huge-body",
  /** The request is read and never answered. */
  "stall",
] as const;

export type HostileMode = (typeof hostileModes)[number];

export interface HostileRequest {
  mode: string;
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface HostileServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The Graph base URL (with `/v1.0`) that plays this behaviour. */
  base(mode: HostileMode): string;
  /** Every request that reached the server, in order. */
  received: HostileRequest[];
  /** The other host redirects point to, and what reached it. */
  otherHost: { url: string; received: HostileRequest[] };
  /** Bytes the server wrote for streamed bodies (to show streams stop when the peer leaves). */
  bytesStreamed(): number;
  close(): Promise<void>;
}

const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const HUGE_BODY_BYTES = 50 * 1024 * 1024;

/** A plausible Get body, so that a client that follows a redirect would believe it. */
function plausiblePass(): string {
  return JSON.stringify({
    id: "6f1967b7-15e8-4935-ac26-d50770ed07a7",
    temporaryAccessPass: null,
    createdDateTime: "2026-01-01T00:00:00Z",
    startDateTime: "2026-01-01T00:00:00Z",
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: "EnabledByPolicy",
  });
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startHostileServer(): Promise<HostileServer> {
  const received: HostileRequest[] = [];
  const otherReceived: HostileRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let streamed = 0;
  let closed = false;
  let otherUrl = "";

  const every = (ms: number, res: ServerResponse, step: () => boolean) => {
    const timer = setInterval(() => {
      if (closed || res.destroyed || !step()) {
        clearInterval(timer);
        timers.delete(timer);
      }
    }, ms);
    timers.add(timer);
    res.on("close", () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const [, mode = "", ...rest] = (req.url ?? "/").split("/");
    received.push({ mode, method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    const socket: Socket = req.socket;
    switch (mode as HostileMode) {
      case "garbage-bytes":
        socket.end(randomBytes(512));
        return;
      case "garbage-body":
        res.writeHead(200, { "content-type": GRAPH_JSON, "request-id": "00000000-0000-0000-0000-00000000bad0" });
        res.end(randomBytes(2048));
        return;
      case "never-ending":
        res.writeHead(200, { "content-type": GRAPH_JSON });
        res.write('{"value":[');
        every(20, res, () => {
          streamed += 16;
          return res.write('{"id":"x"},     ');
        });
        return;
      case "reset":
        socket.resetAndDestroy();
        return;
      case "huge-headers": {
        const headers: Record<string, string> = { "content-type": GRAPH_JSON };
        for (let i = 0; i < 64; i++) headers[`x-filler-${i}`] = "h".repeat(4096);
        res.writeHead(200, headers);
        res.end(plausiblePass());
        return;
      }
      case "redirect-other-host":
        res.writeHead(302, { location: `${otherUrl}/${rest.join("/")}`, "content-length": "0" });
        res.end();
        return;
      case "slow-drip": {
        res.writeHead(200, { "content-type": GRAPH_JSON });
        const body = plausiblePass();
        let i = 0;
        every(250, res, () => {
          res.write(body[i++]!);
          streamed += 1;
          if (i < body.length) return true;
          res.end();
          return false;
        });
        return;
      }
      case "throttle-storm": {
        const text = JSON.stringify({
          error: {
            code: "TooManyRequests",
            message: "Too many requests",
            innerError: { date: "2026-01-01T00:00:00", "request-id": "00000000-0000-0000-0000-000000000429" },
          },
        });
        res.writeHead(429, {
          "content-type": GRAPH_JSON,
          "retry-after": "1",
          "request-id": "00000000-0000-0000-0000-000000000429",
          "content-length": Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }
      case "huge-body": {
        res.writeHead(200, { "content-type": GRAPH_JSON });
        res.write('{"value":["');
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        // Write as fast as the peer reads, and stop when it has gone.
        const pump = () => {
          while (!closed && !res.destroyed && sent < HUGE_BODY_BYTES) {
            sent += chunk.length;
            streamed += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          if (!res.destroyed) res.end('"]}');
        };
        pump();
        return;
      }
      case "stall":
        return;
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        res.end(`hostile server: unknown mode "${mode}": expected one of ${hostileModes.join(", ")}`);
    }
  }

  const server = createServer({ maxHeaderSize: 64 * 1024 }, handle);
  const other = createServer((req, res) => {
    otherReceived.push({
      mode: "other-host",
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
    });
    const body = plausiblePass();
    res.writeHead(200, { "content-type": GRAPH_JSON, "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  const port = await listen(server, "127.0.0.1");
  const otherPort = await listen(other, "127.0.0.2");
  const url = `http://127.0.0.1:${port}`;
  otherUrl = `http://127.0.0.2:${otherPort}`;

  const shut = (s: Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    url,
    base: (mode) => `${url}/${mode}/v1.0`,
    received,
    otherHost: { url: otherUrl, received: otherReceived },
    bytesStreamed: () => streamed,
    async close() {
      closed = true;
      for (const t of timers) clearInterval(t);
      timers.clear();
      await Promise.all([shut(server), shut(other)]);
    },
  };
}
