// The mock under 200 concurrent keep-alive connections for a few seconds of mixed traffic
// (creates, lists, gets, delegated reads, unauthenticated calls), then proof that nothing was
// lost or corrupted: no 5xx, every answer honours the contract, every user's last create is
// the one pass it has, replaced passes are gone; and, apart, that it does not leak. The mock
// runs in its own process, so its heap is measured without the answers this test holds.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkExchange } from "../../src/contract/index.js";
import type { Violation } from "../../src/contract/violation.js";
import { defaultFixtures, type FixtureUser } from "../../src/mock/index.js";
import { matchOperation } from "../../src/spec/index.js";
import { runLoad, type LoadAnswer, type LoadRequest, type LoadRun } from "./load-driver.js";
import type { HeapMessage, ReadyMessage } from "./mock-process.js";

const CONNECTIONS = 200;
const DURATION_MS = 3_000;
const MAX_REQUESTS = 60_000;
const LOAD_USERS = 60;

const loadUsers: FixtureUser[] = Array.from({ length: LOAD_USERS }, (_, i) => ({
  name: `load${i}`,
  id: `c0a70000-0000-4000-8000-1000000${i.toString(16).padStart(5, "0")}`,
  userPrincipalName: `load${i}@contoso.onmicrosoft.com`,
  displayName: `Load User ${i}`,
  directoryRoles: [],
}));
const megan = defaultFixtures.users.find((u) => u.name === "megan")!;

/** The mock in its own process (`mock-process.ts`), driven over IPC. */
interface MockChild {
  graphUrl: string;
  appToken: string;
  adeleToken: string;
  /** The mock's heap after full collections, with every connection closed, measured in its own process. */
  settledHeap(): Promise<number>;
  close(): Promise<void>;
}

async function forkMock(env: Record<string, string> = {}): Promise<MockChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./mock-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, ...env, TAP_LOAD_USERS: JSON.stringify(loadUsers) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  /** The next message of a kind from the mock's process. */
  const nextMessage = <T extends { kind: string }>(kind: T["kind"]): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { kind: string }) => {
        if (m.kind !== kind) return;
        child.off("message", onMessage);
        resolve(m as T);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`the mock's process exited (${code})`)));
    });
  const ready = await nextMessage<ReadyMessage>("ready");
  return {
    graphUrl: ready.graphUrl,
    appToken: ready.appToken,
    adeleToken: ready.adeleToken,
    async settledHeap() {
      const answer = nextMessage<HeapMessage>("heap");
      child.send({ kind: "heap" });
      const { heapUsed, openSockets } = await answer;
      if (openSockets > 0) throw new Error(`${openSockets} connections to the mock were still open after 10 s`);
      return heapUsed;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ kind: "close" });
      await exited;
    },
  };
}

let mock: MockChild;
let run: LoadRun;

function tapUrl(target: MockChild, user: string, id?: string): string {
  const base = `${target.graphUrl}/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`;
  return id ? `${base}/${id}` : base;
}

/** The load's mix of requests against one mock: creates, lists, gets, delegated reads, no token. */
const trafficFor =
  (target: MockChild) =>
  (worker: number, n: number): LoadRequest => {
    const pick = (worker * 7919 + n * 104_729) % 100;
    const user = loadUsers[(worker + n * 13) % LOAD_USERS]!;
    const app = { authorization: `Bearer ${target.appToken}`, "client-request-id": crypto.randomUUID() };
    if (pick < 25) {
      return {
        method: "POST",
        url: tapUrl(target, user.id),
        tag: `create ${user.id}`,
        headers: { ...app, "content-type": "application/json" },
        body: JSON.stringify({ lifetimeInMinutes: 60, isUsableOnce: pick % 2 === 0 }),
      };
    }
    if (pick < 55)
      return { method: "GET", url: tapUrl(target, user.userPrincipalName), tag: `list ${user.id}`, headers: app };
    if (pick < 80)
      return { method: "GET", url: tapUrl(target, megan.id, megan.tap!.id), tag: "get megan", headers: app };
    if (pick < 90)
      return {
        method: "GET",
        url: tapUrl(target, megan.userPrincipalName),
        tag: "delegated list megan",
        headers: { authorization: `Bearer ${target.adeleToken}` },
      };
    return { method: "GET", url: tapUrl(target, megan.id), tag: "no token", headers: {} };
  };

/** The exchange the contract rules see for one recorded answer. */
function violationsOf(answer: LoadAnswer): Violation[] {
  const url = new URL(answer.request.url);
  const match = matchOperation(answer.request.method, url.pathname.replace(/^\/v1\.0/, ""));
  if (!match) throw new Error(`no operation for ${answer.request.method} ${url.pathname}`);
  return checkExchange(
    {
      operation: match.operation,
      params: match.params,
      request: {
        method: answer.request.method,
        url: answer.request.url,
        headers: answer.request.headers,
        body: answer.request.body && JSON.parse(answer.request.body),
      },
      response: { status: answer.status, headers: answer.headers, bodyText: answer.text },
    },
    { meObjectId: undefined },
  );
}

beforeAll(async () => {
  mock = await forkMock();
  const next = trafficFor(mock);
  // Warm the JIT and the token cache first.
  await runLoad({ connections: 10, durationMs: 200, maxRequests: 300, next });
  run = await runLoad({ connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS, next });
}, 60_000);
afterAll(async () => {
  await mock?.close();
});

describe(`the mock under ${CONNECTIONS} concurrent connections`, () => {
  it("held every connection open at once and answered every request over HTTP", () => {
    expect(run.peakSockets).toBe(CONNECTIONS);
    expect(run.answers.length).toBeGreaterThan(CONNECTIONS);
    expect(run.answers.filter((a) => a.networkError).map((a) => `${a.request.tag}: ${a.networkError}`)).toEqual([]);
  });

  it("sent no 5xx and only the statuses the traffic calls for", () => {
    const byTag = new Map<string, Set<number>>();
    for (const a of run.answers) {
      const kind = a.request.tag.split(" ")[0]!;
      byTag.set(kind, (byTag.get(kind) ?? new Set()).add(a.status));
    }
    expect(Object.fromEntries([...byTag].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      create: [201],
      list: [200],
      get: [200],
      delegated: [200],
      no: [401],
    });
  });

  it("kept every answer within the contract (every single-exchange rule, on every answer)", () => {
    const found = run.answers.flatMap((a) => violationsOf(a).map((v) => `${a.request.tag}: ${v.check}: ${v.message}`));
    expect(found.slice(0, 10)).toEqual([]);
  });

  it("handed out a distinct id and a distinct passcode for every create", () => {
    const created = run.answers
      .filter((a) => a.status === 201)
      .map((a) => JSON.parse(a.text) as { id: string; temporaryAccessPass: string });
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((c) => c.id)).size).toBe(created.length);
    expect(new Set(created.map((c) => c.temporaryAccessPass)).size).toBe(created.length);
  });

  it(
    "keeps exactly one pass per user afterwards: the last create is readable once, replaced ones are " + "gone",
    async () => {
      const createdBy = new Map<string, string[]>();
      for (const a of run.answers) {
        if (a.status !== 201) continue;
        const user = a.request.tag.split(" ")[1]!;
        createdBy.set(user, [...(createdBy.get(user) ?? []), (JSON.parse(a.text) as { id: string }).id]);
      }
      const headers = { authorization: `Bearer ${mock.appToken}` };
      await Promise.all(
        loadUsers.map(async (user) => {
          const ids = createdBy.get(user.id) ?? [];
          const list = (await (await fetch(tapUrl(mock, user.id), { headers })).json()) as {
            value: Array<{ id: string; temporaryAccessPass: unknown }>;
          };
          expect(list.value, user.name).toHaveLength(ids.length > 0 ? 1 : 0);
          if (ids.length === 0) return;
          const kept = list.value[0]!;
          expect(ids, user.name).toContain(kept.id);
          expect(kept.temporaryAccessPass).toBeNull();
          const get = await fetch(tapUrl(mock, user.id, kept.id), { headers });
          expect(await get.json()).toEqual({ ...kept, "@odata.context": expect.stringContaining("$entity") });
          const goneStatuses = await Promise.all(
            ids
              .filter((id) => id !== kept.id)
              .map(async (gone) => (await fetch(tapUrl(mock, user.id, gone), { headers })).status),
          );
          expect(new Set(goneStatuses), user.name).toEqual(new Set(goneStatuses.length ? [404] : []));
        }),
      );
    },
  );
});

// A leak is memory that grows with the number of requests served. So the heap is measured
// (in the mock's own process, after full collections, with every connection closed so that no
// socket buffer counts) after a warm-up, after a load of SMALL requests and after a load of
// LARGE more: what the mock keeps by design (one pass per user, the token cache, compiled
// code) is filled by the warm-up and costs both loads the same, while a leak costs the larger
// load proportionally more. The verdict is the slope between the two: bytes kept per request.
const SMALL = 4_000;
const LARGE = 16_000;
/** A leak of this much per request or more fails the test (the planted one keeps about 1 KiB). */
const LEAK_BYTES_PER_REQUEST = 256;

interface Growth {
  small: number;
  large: number;
  /** Extra bytes kept per extra request of the larger load. */
  bytesPerRequest: number;
}

async function heapGrowth(target: MockChild): Promise<Growth> {
  const next = trafficFor(target);
  const load = async (requests: number) => {
    const done = await runLoad({ connections: 20, durationMs: 60_000, maxRequests: requests, next });
    expect(done.answers.length).toBe(requests);
    expect(done.answers.filter((a) => a.networkError)).toEqual([]);
  };
  await load(2_000);
  const base = await target.settledHeap();
  await load(SMALL);
  const afterSmall = await target.settledHeap();
  await load(LARGE);
  const afterLarge = await target.settledHeap();
  const small = afterSmall - base;
  const large = afterLarge - afterSmall;
  return { small, large, bytesPerRequest: (large - small) / (LARGE - SMALL) };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

describe("the mock's heap (measured in its own process, connections closed)", () => {
  it(`keeps less than ${LEAK_BYTES_PER_REQUEST} bytes per request: ${SMALL} and ${LARGE} requests grow it ` +
    `alike`, async () => {
    const target = await forkMock();
    try {
      const growth = await heapGrowth(target);
      console.log(
        `heap: +${mib(growth.small)} after ${SMALL}, +${mib(growth.large)} after ${LARGE} more; ` +
          `${growth.bytesPerRequest.toFixed(0)} bytes per request`,
      );
      expect(growth.bytesPerRequest).toBeLessThan(LEAK_BYTES_PER_REQUEST);
    } finally {
      await target.close();
    }
  }, 60_000);

  it("fails on a real leak: a mock that keeps every request's headers grows past the bound", async () => {
    const target = await forkMock({ TAP_PLANT_LEAK: "1" });
    try {
      const growth = await heapGrowth(target);
      console.log(`planted leak: ${growth.bytesPerRequest.toFixed(0)} bytes per request`);
      expect(growth.bytesPerRequest).toBeGreaterThan(LEAK_BYTES_PER_REQUEST);
    } finally {
      await target.close();
    }
  }, 60_000);
});
