// The mock under 200 concurrent keep-alive connections for a few seconds of mixed traffic
// (creates, lists, gets, delegated reads, unauthenticated calls), then proof that nothing was
// lost or corrupted: no 5xx, every answer honours the contract, every user's last create is
// the one pass it has, replaced passes are gone, and the heap returns near its baseline. The
// mock runs in its own process, so its heap is measured without the answers this test holds.
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

let mock: ChildProcess & { graphUrl: string };
let appToken: string;
let adeleToken: string;
let run: LoadRun;
let baselineHeap: number;

/** The next message of a kind from the mock's process. */
function nextMessage<T extends { kind: string }>(kind: T["kind"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      mock.off("message", onMessage);
      resolve(m as T);
    };
    mock.on("message", onMessage);
    mock.once("exit", (code) => reject(new Error(`the mock's process exited (${code})`)));
  });
}

/** The mock's heap after full collections, measured in its own process. */
async function settledHeap(): Promise<number> {
  const answer = nextMessage<HeapMessage>("heap");
  mock.send({ kind: "heap" });
  return (await answer).heapUsed;
}

function tapUrl(user: string, id?: string): string {
  return `${mock.graphUrl}/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods${id ? `/${id}` : ""}`;
}

function next(worker: number, n: number): LoadRequest {
  const pick = (worker * 7919 + n * 104_729) % 100;
  const user = loadUsers[(worker + n * 13) % LOAD_USERS]!;
  const app = { authorization: `Bearer ${appToken}`, "client-request-id": crypto.randomUUID() };
  if (pick < 25) {
    return {
      method: "POST",
      url: tapUrl(user.id),
      tag: `create ${user.id}`,
      headers: { ...app, "content-type": "application/json" },
      body: JSON.stringify({ lifetimeInMinutes: 60, isUsableOnce: pick % 2 === 0 }),
    };
  }
  if (pick < 55) return { method: "GET", url: tapUrl(user.userPrincipalName), tag: `list ${user.id}`, headers: app };
  if (pick < 80) return { method: "GET", url: tapUrl(megan.id, megan.tap!.id), tag: "get megan", headers: app };
  if (pick < 90)
    return {
      method: "GET",
      url: tapUrl(megan.userPrincipalName),
      tag: "delegated list megan",
      headers: { authorization: `Bearer ${adeleToken}` },
    };
  return { method: "GET", url: tapUrl(megan.id), tag: "no token", headers: {} };
}

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
  const child = fork(fileURLToPath(new URL("./mock-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, TAP_LOAD_USERS: JSON.stringify(loadUsers) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  mock = Object.assign(child, { graphUrl: "" });
  const ready = await nextMessage<ReadyMessage>("ready");
  mock.graphUrl = ready.graphUrl;
  appToken = ready.appToken;
  adeleToken = ready.adeleToken;
  // Warm the JIT and the token cache, then take the baseline.
  await runLoad({ connections: 10, durationMs: 200, maxRequests: 300, next });
  baselineHeap = await settledHeap();
  run = await runLoad({ connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS, next });
}, 60_000);
afterAll(async () => {
  if (!mock || mock.exitCode !== null) return;
  const exited = new Promise((resolve) => mock.once("exit", resolve));
  mock.send({ kind: "close" });
  await exited;
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

  it("keeps exactly one pass per user afterwards: the last create is readable once, replaced ones are gone", async () => {
    const createdBy = new Map<string, string[]>();
    for (const a of run.answers) {
      if (a.status !== 201) continue;
      const user = a.request.tag.split(" ")[1]!;
      createdBy.set(user, [...(createdBy.get(user) ?? []), (JSON.parse(a.text) as { id: string }).id]);
    }
    const headers = { authorization: `Bearer ${appToken}` };
    await Promise.all(
      loadUsers.map(async (user) => {
        const ids = createdBy.get(user.id) ?? [];
        const list = (await (await fetch(tapUrl(user.id), { headers })).json()) as {
          value: Array<{ id: string; temporaryAccessPass: unknown }>;
        };
        expect(list.value, user.name).toHaveLength(ids.length > 0 ? 1 : 0);
        if (ids.length === 0) return;
        const kept = list.value[0]!;
        expect(ids, user.name).toContain(kept.id);
        expect(kept.temporaryAccessPass).toBeNull();
        const get = await fetch(tapUrl(user.id, kept.id), { headers });
        expect(await get.json()).toEqual({ ...kept, "@odata.context": expect.stringContaining("$entity") });
        const goneStatuses = await Promise.all(
          ids
            .filter((id) => id !== kept.id)
            .map(async (gone) => (await fetch(tapUrl(user.id, gone), { headers })).status),
        );
        expect(new Set(goneStatuses), user.name).toEqual(new Set(goneStatuses.length ? [404] : []));
      }),
    );
  });

  it("returns its heap to near the baseline once the load is over (measured in the mock's own process)", async () => {
    const answered = run.answers.length;
    const growth = (await settledHeap()) - baselineHeap;
    // Only the few dozen stored passes and caches may remain: far below what the run moved.
    console.log(
      `load: ${answered} answers in ${run.elapsedMs} ms; heap ${(baselineHeap / 2 ** 20).toFixed(1)} MiB before, +${(growth / 2 ** 20).toFixed(1)} MiB after`,
    );
    expect(growth).toBeLessThan(24 * 1024 * 1024);
  });
});
