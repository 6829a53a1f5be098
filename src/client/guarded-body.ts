/**
 * A response body that counts what is read and ends when the call's signal aborts. The count is
 * of decoded bytes (after any content-encoding), so a small compressed body cannot inflate past
 * the limit; the abort reaches the stream being read, not an object nobody holds (undici links a
 * Request's abort to its parent signal weakly, and once that Request is collected an abort no
 * longer reaches its body).
 */

export interface BodyGuard {
  maxBytes: number;
  /** Aborting it errors the body with the signal's reason and cancels the source. */
  signal: AbortSignal;
  /** The error for a body over `maxBytes`. */
  tooLarge(): Error;
  /**
   * Kept reachable while the body is read (this object is, through the stream): the Request whose
   * signal follows the caller's, for a read that has no stronger signal.
   */
  hold?: unknown;
}

export function guardedBody(source: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const { signal } = guard;
  let total = 0;
  let onAbort: (() => void) | undefined;
  const stop = () => {
    if (onAbort) signal.removeEventListener("abort", onAbort);
    onAbort = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onAbort = () => {
          stop();
          controller.error(signal.reason);
          reader.cancel(signal.reason).catch(() => undefined);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          if (onAbort === undefined) return;
          stop();
          controller.error(err);
          return;
        }
        // Ended by an abort while the read was pending: the stream already carries the reason.
        if (onAbort === undefined) return;
        if (chunk.done) {
          stop();
          controller.close();
          return;
        }
        total += chunk.value.byteLength;
        if (total > guard.maxBytes) {
          stop();
          controller.error(guard.tooLarge());
          reader.cancel().catch(() => undefined);
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
