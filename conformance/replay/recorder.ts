/**
 * `--record FILE`: every exchange of a run as NDJSON, the format `tap-contract replay` reads.
 * Tokens never reach the file, and a pass value is replaced by asterisks of the same length
 * (so replayed length checks still judge it, and no secret is kept).
 */
import { createWriteStream, openSync, type WriteStream } from "node:fs";
import type { Exchange } from "../../src/contract/rules/index.js";
import { UserError, describeSystemError } from "../../src/errors.js";
import { redact } from "../reporters/redact.js";

const PASS = "temporaryAccessPass";

function maskPasses(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(maskPasses);
  if (body === null || typeof body !== "object") return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    out[key] = key === PASS && typeof value === "string" ? "*".repeat(value.length) : maskPasses(value);
  }
  return out;
}

function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = name.toLowerCase() === "authorization" ? value.replace(/^(\S+)\s.*$/, "$1 <redacted>") : value;
  return out;
}

/** The NDJSON line of one exchange, redacted. */
export function recordLine(exchange: Exchange, startedAt = new Date()): string {
  const { request, response } = exchange;
  const line = {
    request: { method: request.method, url: request.url, headers: maskHeaders(request.headers), ...(request.body !== undefined ? { body: maskPasses(request.body) } : {}) },
    response: {
      status: response.status,
      headers: response.headers,
      ...(response.body !== undefined ? { body: maskPasses(response.body) } : response.bodyText !== undefined ? { bodyText: response.bodyText } : {}),
    },
    startedAt: startedAt.toISOString(),
  };
  return `${redact(JSON.stringify(line))}\n`;
}

export interface Recorder {
  write(exchange: Exchange): void;
  close(): Promise<void>;
}

export function createRecorder(path: string): Recorder {
  let stream: WriteStream;
  let failure: Error | undefined;
  try {
    // Opened now, so that a path that cannot be written stops the run before its first request.
    stream = createWriteStream(path, { encoding: "utf8", fd: openSync(path, "w") });
  } catch (err) {
    throw new UserError(`--record: cannot write ${path}: ${describeSystemError(err)}`);
  }
  stream.on("error", (err) => {
    failure = err;
  });
  const failed = () => new UserError(`--record: cannot write ${path}: ${describeSystemError(failure)}`);
  return {
    write(exchange) {
      if (!failure) stream.write(recordLine(exchange));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A stream that already failed never calls back from end(): settle at once.
        if (failure || stream.destroyed) return failure ? reject(failed()) : resolve();
        stream.end(() => (failure ? reject(failed()) : resolve()));
        stream.once("error", () => reject(failed()));
      }),
  };
}
