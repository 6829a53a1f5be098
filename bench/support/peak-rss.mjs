// Loaded with `node --import` into a measured child: writes the process's peak resident set
// size (KiB, from getrusage) to BENCH_RSS_FILE when it exits, whatever the exit path.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
