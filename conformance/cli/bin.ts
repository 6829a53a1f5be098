#!/usr/bin/env node
import { main } from "./index.js";

const argv = process.argv.slice(2);
// Ctrl-C mid-run: say so on a line of its own (after a terminal's progress line), then stop with
// the shell's code for SIGINT; a run that did not finish writes no report. (`mock` handles its own,
// and so does `check` during a run, so that it can first put back what it changed.)
if (argv[0] === "replay") {
  process.once("SIGINT", () => {
    process.stderr.write(
      `\ntap-contract ${argv[0]}: interrupted (SIGINT): the run did not finish and wrote no report\n`,
    );
    process.exit(130);
  });
}

main(argv).then((code) => {
  process.exitCode = code;
});
