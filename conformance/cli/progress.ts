/** The console's progress line: one line on stderr, rewritten in place, only on a terminal. */
import type { ProgressHook } from "../run/progress.js";

export function consoleProgress(stream: NodeJS.WriteStream): ProgressHook | undefined {
  if (!stream.isTTY) return undefined;
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
