/**
 * Lines of a file with a byte cap: a line over the cap is reported by its number and length and
 * never held in memory, so one 3 GB line costs no more than a short one. Lines come in batches,
 * those each read chunk completes, so that a short line costs no trip through the event loop.
 */
import { createReadStream } from "node:fs";

export type Line = { n: number; text: string } | { n: number; oversized: number };

/** Bytes read at a time: fewer reads, and fewer lines split across two of them. */
const chunkBytes = 1024 * 1024;

export async function* cappedLines(path: string, maxBytes: number): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let held = 0;
  let over = 0;
  let n = 0;
  const finish = (): Line => {
    n++;
    if (over > 0) {
      const line = { n, oversized: over };
      over = 0;
      return line;
    }
    // A line within one chunk (the usual case) is decoded in place, not copied first.
    let text = parts.length === 1 ? parts[0]!.toString("utf8") : Buffer.concat(parts, held).toString("utf8");
    if (text.endsWith("\r")) text = text.slice(0, -1);
    parts = [];
    held = 0;
    return { n, text };
  };
  const add = (chunk: Buffer) => {
    if (over > 0) over += chunk.length;
    else if (held + chunk.length > maxBytes) {
      over = held + chunk.length;
      parts = [];
      held = 0;
    } else {
      parts.push(chunk);
      held += chunk.length;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    const batch: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      add(chunk.subarray(start, nl));
      batch.push(finish());
      start = nl + 1;
    }
    if (start < chunk.length) add(Buffer.from(chunk.subarray(start)));
    if (batch.length > 0) yield batch;
  }
  if (held > 0 || over > 0) yield [finish()];
}
