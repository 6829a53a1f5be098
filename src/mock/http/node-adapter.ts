/** The only socket code: node:http(s) requests in, the core's answers out. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { maxBodyBytes, type MockRequest, type MockResponse } from "./exchange.js";

const saneHost = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

export function nodeListener(
  handle: (req: MockRequest) => Promise<MockResponse>,
  scheme: "http" | "https",
  fallbackHost: () => string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const toRequest = (req: IncomingMessage, body: Buffer | undefined, oversized: boolean): MockRequest => {
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
      oversized,
    };
  };
  const answer = (req: IncomingMessage, res: ServerResponse, request: MockRequest) => {
    handle(request).then(
      (out) => send(req, res, out),
      () => res.destroy(),
    );
  };
  return (req, res) => {
    // A request without a body (most GETs) is answered at once, without waiting for 'end'.
    if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) {
      req.resume();
      answer(req, res, toRequest(req, undefined, false));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let oversized = Number(req.headers["content-length"] ?? 0) > maxBodyBytes;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the body is read and dropped, so the client gets its 413 cleanly.
      if (size > maxBodyBytes) oversized = true;
      else if (!oversized) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const body =
        chunks.length === 0 || oversized ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      answer(req, res, toRequest(req, body, oversized));
    });
  };
}

function send(req: IncomingMessage, res: ServerResponse, answer: MockResponse): void {
  const write = () => {
    if (answer.drop) {
      req.socket.destroy();
      return;
    }
    const body = answer.status === 204 ? undefined : answer.body;
    if (body !== undefined) answer.headers["content-length"] = String(Buffer.byteLength(body));
    res.writeHead(answer.status, answer.headers);
    res.end(body);
  };
  if (answer.delayMs) setTimeout(write, answer.delayMs);
  else write();
}

/**
 * Requests Node refuses before they reach the listener (headers over 16 KiB, a broken request
 * line) still get Graph's error envelope instead of a bare status line.
 */
export function clientErrorListener(
  body: (status: number, message: string) => { headers: Record<string, string>; text: string },
) {
  return (err: NodeJS.ErrnoException, socket: import("node:stream").Duplex): void => {
    if (!socket.writable || err.code === "ECONNRESET") {
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
      `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n${lines.join("\r\n")}\r\n\r\n${text}`,
    );
  };
}
