/**
 * The practical limit: a bare node:http server that answers every request with the same
 * constant TAP Get body and the same header set the mock sends (Graph's), doing no routing,
 * auth or state at all. Same bytes on the wire, so the ratio measures the mock's own work and
 * not the load generator parsing a shorter response.
 * Prints `READY <origin>` once listening; exits when its parent closes stdin.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { graphJsonContentType } from "../../src/spec/index.js";
import { getBodyText } from "../support/tap-exchange.js";

const body = Buffer.from(getBodyText);
const requestId = "07ddd94e-55c9-4c36-b6a8-80676ae0830e";
const headers = {
  "cache-control": "no-cache",
  "client-request-id": requestId,
  "content-length": String(body.length),
  "content-type": graphJsonContentType,
  date: new Date().toUTCString(),
  "odata-version": "4.0",
  "request-id": requestId,
  "strict-transport-security": "max-age=31536000",
  "x-ms-ags-diagnostic":
    '{"ServerInfo":{"DataCenter":"Mock","Slice":"E","Ring":"5","ScaleUnit":"000","RoleInstance":"tap-mock"}}',
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
