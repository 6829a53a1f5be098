import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { boundedFetch } from "./http.js";

async function withServer(
  handler: Parameters<typeof createServer>[1],
  run: (url: string) => Promise<void>,
): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const limits = { timeoutMs: 500, maxBodyBytes: 1000 };

describe("boundedFetch", () => {
  it("returns status, lower-case headers and the body", async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(201, { "X-Thing": "1", "content-type": "application/json" });
        res.end('{"a":1}');
      },
      async (url) => {
        const r = await boundedFetch({ method: "POST", url, headers: {}, body: "{}" }, limits);
        expect(r).toMatchObject({ ok: true, response: { status: 201, bodyText: '{"a":1}' } });
        expect(r.ok && r.response.headers["x-thing"]).toBe("1");
      },
    );
  });

  it("does not follow redirects", async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(307, { location: "http://127.0.0.2:9/elsewhere" });
        res.end();
      },
      async (url) => {
        expect(await boundedFetch({ method: "GET", url, headers: {} }, limits)).toMatchObject({
          ok: true,
          response: { status: 307 },
        });
      },
    );
  });

  it("gives up on a body over the cap and on a response past the deadline", async () => {
    await withServer(
      (req, res) => {
        if (req.url === "/x") res.end("x".repeat(5000));
        else res.write("{");
      },
      async (url) => {
        expect(await boundedFetch({ method: "GET", url, headers: {} }, limits)).toEqual({
          ok: false,
          kind: "too-large",
          error: "response body over the 1000-byte limit",
        });
        expect(await boundedFetch({ method: "GET", url: url.replace("/x", "/slow"), headers: {} }, limits)).toEqual({
          ok: false,
          kind: "timeout",
          error: "no complete response within 500 ms",
        });
      },
    );
  });
});
