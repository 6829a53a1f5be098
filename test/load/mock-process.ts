/**
 * The mock in a process of its own, for the load test: its heap is measured here, apart from
 * the test process that holds the load's answers. Talks over IPC: it sends `ready` with its
 * URL and tokens; it answers `heap` with the heap used after full collections; `close` ends it.
 */
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
}

const users = JSON.parse(process.env.TAP_LOAD_USERS ?? "[]") as FixtureUser[];
const mock = await startMockGraph({ fixtures: { ...defaultFixtures, users: [...defaultFixtures.users, ...users] } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const send = (message: ReadyMessage | HeapMessage) => process.send!(message);
process.on("message", async (message: { kind: string }) => {
  if (message.kind === "heap") {
    for (let i = 0; i < 3; i++) gc();
    send({ kind: "heap", heapUsed: process.memoryUsage().heapUsed });
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
