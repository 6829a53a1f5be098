/**
 * `--record FILE`: every exchange of a run as NDJSON, the format `tap-contract replay` reads.
 * Tokens never reach the file, and a pass value is replaced by asterisks of the same length
 * (so replayed length checks still judge it, and no secret is kept).
 */
import { createWriteStream, openSync, type WriteStream } from "node:fs";
import type { Exchange } from "../../src/contract/index.js";
import { UserError, describeSystemError } from "../../src/errors.js";
import { maskedPass, redactHeaders, redactText, redactValue } from "../../src/contract/redact.js";

/** The NDJSON line of one exchange, redacted: credential headers whole, passcodes by key and pattern in any body. */
export function recordLine(exchange: Exchange, startedAt = new Date()): string {
  const { request, response } = exchange;
  const line = {
    request: {
      method: request.method,
      url: redactText(request.url, maskedPass),
      headers: redactHeaders(request.headers, true),
      ...(request.body !== undefined ? { body: redactValue(request.body, maskedPass) } : {}),
    },
    response: {
      status: response.status,
      headers: redactHeaders(response.headers),
      ...(response.body !== undefined
        ? { body: redactValue(response.body, maskedPass) }
        : response.bodyText !== undefined
          ? { bodyText: redactText(response.bodyText, maskedPass) }
          : {}),
    },
    startedAt: startedAt.toISOString(),
  };
  return `${redactText(JSON.stringify(line), maskedPass)}\n`;
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
