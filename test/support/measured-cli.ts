// The CLI as bin.ts runs it, in a process of its own, ending with one line that gives its peak
// resident memory (`maxRSS=KiB`), so that a test can measure a run without measuring itself.
import { main } from "../../conformance/cli/index.js";

process.on("exit", () => process.stderr.write(`\nmaxRSS=${process.resourceUsage().maxRSS}\n`));
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
