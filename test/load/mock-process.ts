/**
 * The mock in a process of its own, for the load test: its heap is measured here, apart from
 * the test process that holds the load's answers. Talks over IPC: it sends `ready` with its
 * URL and tokens; it answers `heap` with the heap used after full collections, once every
 * connection to it has closed; `close` ends it.
 *
 * `TAP_PLANT_LEAK=1` plants a leak for the test that proves the heap test can fail: every
 * request's headers are kept forever, as an unbounded audit log would keep them.
 */
import { subscribe } from "node:diagnostics_channel";
import { defaultFixtures, startMockGraph, type FixtureUser } from "../../src/mock/index.js";

export interface ReadyMessage {
  kind: "ready";
  graphUrl: string;
  appToken: string;
  adeleToken: string;
}
export interface HeapMessage {
  kind: "heap";
  heapUsed: number;
  /** TCP sockets still open when the heap was measured (0 unless closing timed out). */
  openSockets: number;
}

if (process.env.TAP_PLANT_LEAK === "1") {
  const kept: unknown[] = [];
  subscribe("http.server.request.start", (message) => {
    kept.push({ ...(message as { request: { headers: Record<string, unknown> } }).request.headers });
  });
}

const users = JSON.parse(process.env.TAP_LOAD_USERS ?? "[]") as FixtureUser[];
const mock = await startMockGraph({ fixtures: { ...defaultFixtures, users: [...defaultFixtures.users, ...users] } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const openSockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

/** Keep-alive sockets hold buffers: the heap is measured once the clients' close has reached us. */
async function connectionsClosed(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (openSockets() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

const send = (message: ReadyMessage | HeapMessage) => process.send!(message);
process.on("message", async (message: { kind: string }) => {
  if (message.kind === "heap") {
    await connectionsClosed();
    for (let i = 0; i < 3; i++) gc();
    send({ kind: "heap", heapUsed: process.memoryUsage().heapUsed, openSockets: openSockets() });
  } else if (message.kind === "close") {
    await mock.close();
    process.disconnect();
  }
});
send({
  kind: "ready",
  graphUrl: mock.graphUrl,
  appToken: await mock.issueToken({ app: defaultFixtures.apps[0]!.clientId }),
  adeleToken: await mock.issueToken({ user: "adele" }),
});
