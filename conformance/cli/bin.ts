#!/usr/bin/env node
import { exitCodeOf, type StopSignal } from "./command.js";
import { main } from "./index.js";

const argv = process.argv.slice(2);
const stop = new AbortController();
if (argv[0] === "check") {
  // Ctrl-C or SIGTERM mid-run: the run stops sending, cleans up what it created (bounded), says
  // so and exits with the shell's code for the signal. A second signal stops at once.
  const onSignal = (signal: StopSignal) => {
    if (stop.signal.aborted) {
      process.stderr.write(`\ntap-contract check: ${signal} again: stopping without finishing the cleanup\n`);
      process.exit(exitCodeOf({ kind: "interrupted", signal }));
    }
    stop.abort(signal);
    // The cleanup has its own deadline; this one only guards against a bug that would hang.
    setTimeout(() => process.exit(exitCodeOf({ kind: "interrupted", signal })), 60_000).unref();
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
} else if (argv[0] === "replay") {
  // A replay creates nothing: say so on a line of its own (after a terminal's progress line) and stop.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      process.stderr.write(
        `\ntap-contract replay: interrupted (${signal}): the run did not finish and wrote no report\n`,
      );
      process.exit(exitCodeOf({ kind: "interrupted", signal }));
    });
  }
}

main(argv, { stop: stop.signal }).then((code) => {
  process.exitCode = code;
});
