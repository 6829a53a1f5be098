/**
 * The mock in a process of its own, for what must be measured or survived apart from the test:
 * its memory (heap and buffers after full collections) and whether it is still alive. Talks over
 * IPC: it sends `ready` with its URL; it answers `memory`; `close` ends it. `TAP_MOCK_CLOCK=invalid`
 * starts it with a clock that returns an invalid Date (a caller's clock function gone wrong).
 */
import { startMockGraph } from "../../../src/mock/index.js";

export interface ChildReady {
  kind: "ready";
  url: string;
  graphUrl: string;
}
export interface ChildMemory {
  kind: "memory";
  /** heapUsed + arrayBuffers: what the mock holds in JS objects and Buffers. */
  bytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const mock = await startMockGraph(
  process.env.TAP_MOCK_CLOCK === "invalid" ? { clock: () => new Date(Number.NaN) } : {},
);
const send = (message: ChildReady | ChildMemory) => process.send!(message);
process.on("message", async (message: { kind: string }) => {
  if (message.kind === "memory") {
    for (let i = 0; i < 3; i++) gc();
    const usage = process.memoryUsage();
    send({ kind: "memory", bytes: usage.heapUsed + usage.arrayBuffers });
  } else if (message.kind === "close") {
    await mock.close();
    process.disconnect();
  }
});
send({ kind: "ready", url: mock.url, graphUrl: mock.graphUrl });
