/**
 * The console's progress, on stderr. On a terminal one line, rewritten in place. Elsewhere (a CI
 * log) plain lines: a check finished, at most one line per `everyMs`, and a line per 100,000
 * replayed exchanges, so that a slow live run or a long replay shows it is alive.
 */
import type { ProgressHook } from "../run/progress.js";

const logEvery = 100_000;

export interface ProgressOptions {
  /** Non-terminal streams: the least time between two check lines (default 5 s; 0 = every check). */
  everyMs?: number;
  now?: () => number;
}

export function consoleProgress(stream: NodeJS.WriteStream, options: ProgressOptions = {}): ProgressHook {
  if (!stream.isTTY) {
    const everyMs = options.everyMs ?? 5000;
    const now = options.now ?? Date.now;
    let last = now();
    return (event) => {
      if (event.kind === "exchanges" && event.count > 0 && event.count % logEvery === 0)
        stream.write(`… ${event.count} exchanges\n`);
      if (event.kind === "check" && event.index < event.of && now() - last >= everyMs) {
        last = now();
        stream.write(`… [${event.index}/${event.of}] ${event.check} done\n`);
      }
    };
  }
  let exchanges = 0;
  const show = (text: string) => stream.write(`\r\x1b[2K${text}`);
  return (event) => {
    if (event.kind === "exchanges") {
      exchanges = event.count;
      show(`… ${exchanges} exchanges`);
    } else if (event.kind === "check") {
      show(`[${event.index}/${event.of}] ${event.check}${exchanges ? ` (${exchanges} exchanges)` : ""}`);
      if (event.index === event.of) stream.write("\r\x1b[2K");
    }
  };
}
