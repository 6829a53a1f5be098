// Hostile or broken servers become failures or errors in the report, within bounded time:
// never a crash, never a hang. Servers run on 127.0.0.1 with ephemeral ports.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { allChecks } from "../../conformance/checks/index.js";
import type { RunResult } from "../../conformance/run/result.js";
import { runSuite } from "../../conformance/run/run-suite.js";
import { liveTarget } from "../../conformance/targets/live.js";
import { startMockGraph } from "../../src/mock/index.js";
import { UserError } from "../../src/errors.js";
import { fakeAppToken } from "./fake-tokens.js";
import { fastRetry } from "./run-mock.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function runAgainst(origin: string): Promise<RunResult> {
  const target = await liveTarget({
    url: `${origin}/v1.0`,
    env: { GRAPH_TOKEN_APP: fakeAppToken },
    users: ["c0a70000-0000-4000-8000-000000000004"],
    methods: [],
    allowWrites: false,
    exchangeOptions: {},
  });
  return runSuite(target, {
    checks: allChecks,
    severityThreshold: "low",
    limits: { timeoutMs: 300, maxBodyBytes: 64 * 1024 },
    retry: fastRetry,
  });
}

const statuses = (r: RunResult) => new Set(r.outcomes.map((o) => o.status));

describe("hostile servers", () => {
  it("garbage bytes: failures, no crash", async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x80, 0x81]));
    });
    const result = await runAgainst(origin);
    expect(result.outcomes.find((o) => o.check === "response-schema")?.status).toBe("fail");
    expect(result.exitCode).toBe(1);
  });

  it("a wrong content type: content-type fails", async () => {
    const origin = await serve((_req, res) => {
      // 403, not 401: a 401 to every token is a refused token, which stops the run before any check.
      res.writeHead(403, { "content-type": "text/plain" });
      res.end("go away");
    });
    const result = await runAgainst(origin);
    expect(result.outcomes.filter((o) => o.check === "content-type").every((o) => o.status === "fail")).toBe(true);
    expect(result.outcomes.find((o) => o.check === "error-envelope")?.status).toBe("fail");
  });

  it("a response that never ends: an error after the deadline", async () => {
    // Lists (the preflight's reads) are answered: a target that answers nothing is unreachable.
    // The first other request never ends; the rest get a 404.
    let hung = false;
    const origin = await serve((req, res) => {
      const list = req.url?.endsWith("/temporaryAccessPassMethods");
      res.writeHead(!list && hung ? 404 : 200, { "content-type": "application/json" });
      if (list) return void res.end('{"value":[]}');
      if (hung) return void res.end('{"error":{"code":"NotFound","message":"no"}}');
      hung = true;
      res.write('{"value": [');
    });
    const result = await runAgainst(origin);
    const errors = result.outcomes.filter((o) => o.status === "error");
    expect(errors.some((o) => /no complete response within 300 ms/.test(o.message ?? ""))).toBe(true);
  });

  it("responses that never end: the run stops as an error after 3 timeouts in a row, not one per request", async () => {
    const origin = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      if (req.url?.endsWith("/temporaryAccessPassMethods")) res.end('{"value":[]}');
      else res.write('{"value": [');
    });
    const t0 = performance.now();
    await expect(runAgainst(origin)).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:\d+\/v1\.0 stopped answering \(3 requests in a row got no answer within 300 ms\); the run ended early$/,
    );
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it("a reset connection: errors, not a crash", async () => {
    const origin = await serve((req) => req.socket.destroy());
    const result = await runAgainst(origin);
    expect(result.outcomes.some((o) => o.status === "error" && /reset|failed/.test(o.message ?? ""))).toBe(true);
    expect(statuses(result).has("pass")).toBe(false);
  });

  it("a 50 MB body: abandoned at the size cap", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const origin = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(50 * chunk.length) });
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const result = await runAgainst(origin);
    expect(result.outcomes.some((o) => o.status === "error" && /over the 65536-byte limit/.test(o.message ?? ""))).toBe(
      true,
    );
  });

  it("a redirect to another host: reported, never followed with the token", async () => {
    let hits = 0;
    const elsewhere = await serve((_req, res) => {
      hits++;
      res.end("{}");
    });
    const origin = await serve((req, res) => {
      res.writeHead(302, { location: `${elsewhere.replace("127.0.0.1", "localhost")}${req.url}` });
      res.end();
    });
    const result = await runAgainst(origin);
    expect(hits).toBe(0);
    expect(result.outcomes.find((o) => o.check === "status-code-documented")?.status).toBe("fail");
  });

  it("a 429 storm: retries within the budget, then errors", async () => {
    let requests = 0;
    const origin = await serve((_req, res) => {
      requests++;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
      res.end(
        '{"error":{"code":"TooManyRequests","message":"slow ' +
          'down","innerError":{"date":"2026-11-28T10:00:00","request-id":"x"}}}',
      );
    });
    const result = await runAgainst(origin);
    expect(result.outcomes.some((o) => o.status === "error" && /answered 429/.test(o.message ?? ""))).toBe(true);
    // One try per probe plus at most the run's retry budget.
    const probes = result.outcomes.filter((o) => o.check === "rejects-missing-token").length;
    expect(requests).toBeGreaterThan(probes);
    expect(result.exitCode).toBe(1);
  });

  it("an unreachable target stops the run with a one-line error", async () => {
    const origin = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(runAgainst(origin)).rejects.toThrow(UserError);
    await expect(runAgainst(origin)).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:\d+\/v1\.0 is unreachable: cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
  });

  it('a port fetch refuses to use (a "bad port") stops the run with a line that says so', async () => {
    // Port 9 (discard) is on the Fetch standard's blocked list; nothing is sent to it.
    await expect(runAgainst("http://127.0.0.1:9")).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:9\/v1\.0 is unreachable: fetch refuses port 9 of 127\.0\.0\.1:9 .*serve the target on another port$/,
    );
  });

  it("a certificate the system does not trust stops the run with a one-line error", async () => {
    const mock = await startMockGraph({ https: true });
    try {
      await expect(runAgainst(mock.url)).rejects.toThrow(/TLS certificate of 127\.0\.0\.1:\d+ rejected \(\w+\)$/);
    } finally {
      await mock.close();
    }
  });
});
