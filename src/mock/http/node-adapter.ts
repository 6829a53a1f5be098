/** The only socket code: node:http(s) requests in, the core's answers out. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { maxBodyBytes, maxHeldBodyBytes, type MockRequest, type MockResponse } from "./exchange.js";

const saneHost = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

/**
 * What one server's connections hold together: the bytes of bodies still arriving, bounded by
 * `maxHeldBodyBytes` across every connection.
 */
export interface SocketLedger {
  held: number;
}

export function socketLedger(): SocketLedger {
  return { held: 0 };
}

/**
 * The answers a socket still owes, kept on the socket itself (it dies with it), so that a parse
 * error after pipelined requests is written after their answers, never instead of them.
 */
const owedAnswers = Symbol("tap mock: answers owed");
type Owing = Duplex & { [owedAnswers]?: { count: number; waiters: (() => void)[] } };

function owe(socket: Owing, res: ServerResponse): void {
  let owed = socket[owedAnswers];
  if (!owed) {
    owed = { count: 0, waiters: [] };
    socket[owedAnswers] = owed;
  }
  const entry = owed;
  entry.count++;
  res.once("close", () => {
    if (--entry.count > 0) return;
    const waiters = entry.waiters;
    entry.waiters = [];
    for (const wake of waiters) wake();
  });
}

/** Calls `then` once every answer the socket owes so far is written (or its connection is gone). */
function afterOwed(socket: Owing, then: () => void): void {
  const owed = socket[owedAnswers];
  if (!owed || owed.count === 0) then();
  else owed.waiters.push(then);
}

export function nodeListener(
  handle: (req: MockRequest) => Promise<MockResponse>,
  scheme: "http" | "https",
  fallbackHost: () => string,
  ledger: SocketLedger = socketLedger(),
): (req: IncomingMessage, res: ServerResponse) => void {
  const toRequest = (
    req: IncomingMessage,
    body: Buffer | undefined,
    flags: Pick<MockRequest, "oversized" | "busy">,
  ): MockRequest => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const host = req.headers.host;
    return {
      method: req.method ?? "GET",
      origin: `${scheme}://${host !== undefined && saneHost.test(host) ? host : fallbackHost()}`,
      path: q === -1 ? url : url.slice(0, q),
      query: q === -1 ? "" : url.slice(q + 1),
      headers: req.headers,
      body,
      ...flags,
    };
  };
  const answer = (req: IncomingMessage, res: ServerResponse, request: MockRequest) => {
    handle(request).then(
      (out) => send(req, res, out),
      () => res.destroy(),
    );
  };
  return (req, res) => {
    owe(req.socket, res);
    // A request without a body (most GETs) is answered at once, without waiting for 'end'.
    if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) {
      req.resume();
      answer(req, res, toRequest(req, undefined, {}));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    let answered = false;
    let oversized = Number(req.headers["content-length"] ?? 0) > maxBodyBytes;
    const release = () => {
      ledger.held -= kept;
      kept = 0;
      chunks.length = 0;
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (answered) return;
      // Past the limit the body is read and dropped, so the client gets its 413 cleanly.
      if (size > maxBodyBytes) {
        oversized = true;
        release();
      } else if (!oversized) {
        if (ledger.held + chunk.length > maxHeldBodyBytes) {
          // Every connection's unfinished bodies together are bounded (spec decisions, item 24): this one is answered
          // now (503, the connection closed), and what it sent is dropped.
          release();
          answered = true;
          answer(req, res, toRequest(req, undefined, { busy: true }));
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
        ledger.held += chunk.length;
      }
    });
    req.on("error", () => res.destroy());
    // An upload that never finishes gives back what it held when its connection goes.
    req.on("close", release);
    req.on("end", () => {
      if (answered) return;
      const body =
        chunks.length === 0 || oversized ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      release();
      answer(req, res, toRequest(req, body, { oversized }));
    });
  };
}

function send(req: IncomingMessage, res: ServerResponse, answer: MockResponse): void {
  const write = () => {
    if (answer.drop) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    const body = answer.status === 204 ? undefined : answer.body;
    if (body !== undefined) answer.headers["content-length"] = String(Buffer.byteLength(body));
    res.writeHead(answer.status, answer.headers);
    res.end(body);
  };
  if (answer.delayMs) setTimeout(write, answer.delayMs);
  else write();
}

/** A response the server writes itself (a request Node refused, an odd `Expect`). */
export type ProtocolError = (status: number, message: string) => { headers: Record<string, string>; text: string };

/**
 * Requests Node refuses before they reach the listener (headers over 16 KiB, a broken request
 * line) still get Graph's error envelope instead of a bare status line, after the answers the
 * socket owes to requests pipelined before them. Nothing here may throw: a throw in a socket
 * listener would end the process.
 */
export function clientErrorListener(body: ProtocolError) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // Node removed its own error listener before telling us: a reset while we wait must not throw.
    socket.on("error", () => socket.destroy());
    // A connection the client closed (mid-request, too) has no one to answer: let it go at once.
    if (!socket.writable || err.code === "ECONNRESET" || err.code === "HPE_INVALID_EOF_STATE") {
      socket.destroy();
      return;
    }
    afterOwed(socket, () => {
      try {
        if (!socket.writable) {
          socket.destroy();
          return;
        }
        const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
        const status = tooLarge ? 431 : 400;
        const { headers, text } = body(
          status,
          tooLarge ? "Request header fields are too large." : "The request could not be parsed as HTTP.",
        );
        const lines = Object.entries({
          ...headers,
          "content-length": String(Buffer.byteLength(text)),
          connection: "close",
        }).map(([k, v]) => `${k}: ${v}`);
        socket.end(
          `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
            `${lines.join("\r\n")}\r\n\r\n${text}`,
        );
      } catch (thrown) {
        console.error(`tap mock: unexpected error, likely a bug: ${thrown instanceof Error ? thrown.stack : thrown}`);
        socket.destroy();
      }
    });
  };
}

/**
 * An `Expect` other than `100-continue`: Graph's 400 in its envelope (Node alone would send a
 * bare 417). The body is not read; the connection closes after the answer.
 */
export function expectationListener(body: ProtocolError) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      req.resume();
      const expect = String(req.headers.expect ?? "").slice(0, 64);
      const { headers, text } = body(
        400,
        `The Expect header value '${expect}' is not supported: expected 100-continue.`,
      );
      res.writeHead(400, { ...headers, "content-length": String(Buffer.byteLength(text)), connection: "close" });
      res.end(text);
    } catch (thrown) {
      console.error(`tap mock: unexpected error, likely a bug: ${thrown instanceof Error ? thrown.stack : thrown}`);
      res.destroy();
    }
  };
}
