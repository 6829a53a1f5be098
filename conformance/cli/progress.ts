/**
 * The console's progress: on a terminal one line on stderr, rewritten in place; elsewhere (CI
 * logs) a plain line per 100,000 replayed exchanges, so a long replay shows it is alive.
 */
import type { ProgressHook } from "../run/progress.js";

const logEvery = 100_000;

export function consoleProgress(stream: NodeJS.WriteStream): ProgressHook {
  if (!stream.isTTY) {
    return (event) => {
      if (event.kind === "exchanges" && event.count % logEvery === 0) stream.write(`… ${event.count} exchanges\n`);
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
