// `mock.reset()` on the socket mock, over HTTP: passes, clock, policy and the fault sequence
// return to the start state; tokens already issued stay valid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { call, ids, meganTap, tapPath } from "./helpers.js";

const START = "2026-03-01T09:00:00Z";
let mock: MockGraph;
let token: string;

beforeAll(async () => {
  mock = await startMockGraph({ clock: START, faults: { seed: 3, rate: 0, byHeader: true } });
  token = await mock.issueToken({ user: "adele" });
});
afterAll(() => mock.close());

const passes = async (user: string) =>
  ((await call(mock, "GET", tapPath(user), { token })).body as { value: Array<Record<string, unknown>> }).value;

describe("mock.reset() on the socket mock", () => {
  it("returns passes, clock and policy to the start state, with the same token still accepted", async () => {
    const before = await passes(ids.megan);
    expect((await call(mock, "POST", tapPath(ids.nestor), { token, body: { lifetimeInMinutes: 60 } })).status).toBe(
      201,
    );
    expect((await call(mock, "DELETE", `${tapPath(ids.megan)}/${meganTap}`, { token })).status).toBe(204);
    mock.setPolicy({ state: "disabled", defaultLifetimeInMinutes: 120 });
    mock.clock.advance(61 * 60_000);

    mock.reset();

    expect(Math.abs(mock.clock.now().getTime() - Date.parse(START))).toBeLessThan(5_000);
    expect(mock.policy).toMatchObject({ state: "enabled", defaultLifetimeInMinutes: 60 });
    expect(await passes(ids.nestor)).toEqual([]);
    // The fixtures' passes are placed again relative to the clock, which has moved on a little.
    const again = await passes(ids.megan);
    const withoutDates = (list: Array<Record<string, unknown>>) =>
      list.map(({ createdDateTime, startDateTime, ...rest }) => rest);
    expect(withoutDates(again)).toEqual(withoutDates(before));
    const start = (list: Array<Record<string, unknown>>) => Date.parse(String(list[0]?.startDateTime));
    expect(Math.abs(start(again) - start(before))).toBeLessThan(5_000);
  });

  it("keeps honouring the fault header after a reset (the plan itself is kept)", async () => {
    mock.reset();
    const res = await call(mock, "GET", tapPath(ids.megan), { token, headers: { "x-tap-mock-fault": "throttle" } });
    expect(res.status).toBe(429);
  });
});
