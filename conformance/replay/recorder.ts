/**
 * `--record FILE`: every exchange of a run as NDJSON, the format `tap-contract replay` reads.
 * Tokens never reach the file, and a pass value is replaced by asterisks of the same length
 * (so replayed length checks still judge it, and no secret is kept).
 */
import { constants, createWriteStream, openSync, type WriteStream } from "node:fs";
import type { Exchange } from "../../src/contract/index.js";
import { UserError, describeSystemError } from "../../src/errors.js";
import { maskedPass, redactHeaders, redactText, redactValue, type KnownSecrets } from "../../src/contract/redact.js";

/**
 * The NDJSON line of one exchange, redacted value by value (so it is always valid JSON, and
 * replay reads it back): credential headers whole, passcodes by key, the run's secrets by value.
 */
export function recordLine(exchange: Exchange, startedAt = new Date(), secrets?: KnownSecrets): string {
  const { request, response } = exchange;
  const o = { mask: maskedPass, secrets };
  const line = {
    request: {
      method: redactText(request.method, o),
      url: redactText(request.url, o),
      headers: redactHeaders(request.headers, true, o),
      ...(request.body !== undefined ? { body: redactValue(request.body, o) } : {}),
    },
    response: {
      status: response.status,
      headers: redactHeaders(response.headers, o),
      ...(response.body !== undefined
        ? { body: redactValue(response.body, o) }
        : response.bodyText !== undefined
          ? { bodyText: redactText(response.bodyText, o) }
          : {}),
    },
    startedAt: startedAt.toISOString(),
  };
  return `${JSON.stringify(line)}\n`;
}

/** Never through a symbolic link planted where the recording goes. */
const noFollowWrite = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

export interface Recorder {
  write(exchange: Exchange): void;
  close(): Promise<void>;
}

export function createRecorder(path: string, secrets?: KnownSecrets): Recorder {
  let stream: WriteStream;
  let failure: Error | undefined;
  try {
    // Opened now, so that a path that cannot be written stops the run before its first request.
    stream = createWriteStream(path, { encoding: "utf8", fd: openSync(path, noFollowWrite, 0o644) });
  } catch (err) {
    throw new UserError(`--record: cannot write ${path}: ${describeSystemError(err)}`);
  }
  stream.on("error", (err) => {
    failure = err;
  });
  const failed = () => new UserError(`--record: cannot write ${path}: ${describeSystemError(failure)}`);
  return {
    write(exchange) {
      if (!failure) stream.write(recordLine(exchange, new Date(), secrets));
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
