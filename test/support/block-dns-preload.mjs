// `node --import <this file> app.js`: blocks DNS for the whole process (block-dns.mjs) and, at
// exit, prints the names that were asked for as one line on stderr for the test to read.
import { blockDns } from "./block-dns.mjs";

const { attempts } = blockDns();
process.on("exit", () => process.stderr.write(`DNS-LOOKUPS ${JSON.stringify(attempts)}\n`));
