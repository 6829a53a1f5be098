/**
 * Two slow calls in a row in a process of its own (a fresh heap, collections left to the
 * runtime): a success body that drips 4 KiB every 5 ms, the client's timeout 4 s. Prints one
 * JSON line per call: the error's name and how long the call took, or "hung" after 9 s.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTapClient } from "../../../src/index.js";

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write("{");
  const spaces = " ".repeat(4096);
  const timer = setInterval(() => res.write(spaces), 5);
  res.on("close", () => clearInterval(timer));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const tap = createTapClient({
  baseUrl: `http://127.0.0.1:${port}/v1.0`,
  credential: "t",
  retry: false,
  timeoutMs: 4_000,
  maxResponseBytes: 64 * 1024 * 1024,
});
for (let call = 0; call < 2; call++) {
  const started = Date.now();
  let hang: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => {
    hang = setTimeout(() => resolve("hung"), 9_000);
  });
  const outcome = await Promise.race([
    tap.get({ user: "u", id: "6f1967b7-15e8-4935-ac26-d50770ed07a7" }).then(
      () => "resolved",
      (err: unknown) => (err as Error).name,
    ),
    hung,
  ]);
  clearTimeout(hang);
  console.log(JSON.stringify({ call, outcome, ms: Date.now() - started }));
  if (outcome === "hung") break;
}
server.closeAllConnections();
server.close();
process.exit(0);
