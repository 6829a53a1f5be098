/**
 * The practical limit: a bare node:http server that answers every request with the same
 * constant TAP Get body and Graph's headers, doing no routing, auth or state at all.
 * Prints `READY <origin>` once listening; exits when its parent closes stdin.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getBodyText } from "../support/tap-exchange.js";

const body = Buffer.from(getBodyText);
const headers = {
  "content-type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
  "content-length": String(body.length),
  "request-id": "07ddd94e-55c9-4c36-b6a8-80676ae0830e",
};

const server = createServer((req, res) => {
  // Drain the request (keep-alive needs it), then the constant answer.
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
