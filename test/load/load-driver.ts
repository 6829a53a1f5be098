/**
 * A bounded load generator for the load and soak tests: `connections` workers, each on its
 * own keep-alive socket to a loopback server, loop until the deadline or the request cap and
 * record every answer, so the test can check afterwards that nothing was lost or corrupted.
 */
import { Agent, request as httpRequest } from "node:http";

export interface LoadRequest {
  method: "GET" | "POST" | "DELETE";
  /** Absolute URL on 127.0.0.1. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What the test wants to remember about this request (user, operation). */
  tag: string;
}

export interface LoadAnswer {
  request: LoadRequest;
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Set when no HTTP answer came (reset, timeout): always a failure of the load test. */
  networkError?: string;
}

export interface LoadOptions {
  connections: number;
  durationMs: number;
  /** Hard cap on requests, whatever the duration. */
  maxRequests: number;
  /** Picks the next request for a worker (worker index, request number). */
  next: (worker: number, n: number) => LoadRequest;
}

export interface LoadRun {
  answers: LoadAnswer[];
  /** The most sockets open at once. */
  peakSockets: number;
  elapsedMs: number;
}

function send(agent: Agent, req: LoadRequest): Promise<LoadAnswer> {
  return new Promise((resolve) => {
    const r = httpRequest(req.url, { method: req.method, headers: req.headers, agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
        resolve({ request: req, status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (err) => resolve({ request: req, status: 0, headers: {}, text: "", networkError: err.message }));
    });
    r.on("timeout", () => r.destroy(new Error("no answer within 15 s")));
    r.on("error", (err) => resolve({ request: req, status: 0, headers: {}, text: "", networkError: err.message }));
    r.end(req.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const answers: LoadAnswer[] = [];
  let peakSockets = 0;
  let issued = 0;
  const started = Date.now();
  const deadline = started + options.durationMs;
  const countSockets = () => {
    let open = 0;
    for (const list of Object.values(agent.sockets)) open += list?.length ?? 0;
    peakSockets = Math.max(peakSockets, open);
  };
  const worker = async (index: number) => {
    for (let n = 0; Date.now() < deadline && issued < options.maxRequests; n++) {
      issued++;
      const pending = send(agent, options.next(index, n));
      countSockets();
      answers.push(await pending);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)));
  } finally {
    agent.destroy();
  }
  return { answers, peakSockets, elapsedMs: Date.now() - started };
}
