/** The opt-in fault plan over HTTP: each fault, determinism by seed, and identity left alone. */
import { afterEach, describe, expect, it } from "vitest";
import { schemaValidator } from "../../src/contract/schemas.js";
import { faultHeader, faultKinds, startMockGraph, type FaultPlan, type MockGraph } from "../../src/mock/index.js";
import { graphError } from "../../src/spec/index.js";
import { call, ids, tapPath } from "./helpers.js";

const started: MockGraph[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.close()));
});

async function mockWith(faults: FaultPlan): Promise<{ mock: MockGraph; token: string }> {
  const mock = await startMockGraph({ port: 0, faults });
  started.push(mock);
  return { mock, token: await mock.issueToken({ user: "adele" }) };
}

const odataError = schemaValidator("ODataError");

describe("each fault", () => {
  it.each([
    ["throttle", 429, "throttled", "1"],
    ["throttle-fractional", 429, "throttled", "2.128"],
    ["unavailable", 503, "serviceUnavailable", "1"],
    ["gateway-timeout", 504, "gatewayTimeout", "1"],
  ] as const)("%s answers %i with the envelope and Retry-After", async (kind, status, errorKind, retryAfter) => {
    const { mock, token } = await mockWith({ kinds: [kind] });
    const res = await call(mock, "GET", tapPath(ids.megan), { token });
    expect(res.status).toBe(status);
    expect(res.headers.get("retry-after")).toBe(retryAfter);
    expect(odataError(res.body)).toBe(true);
    expect((res.body as { error: { code: string } }).error.code).toBe(graphError(errorKind).code);
  });

  it("latency delays a faithful answer", async () => {
    const { mock, token } = await mockWith({ kinds: ["latency"], latencyMs: 50 });
    const res = await call(mock, "GET", tapPath(ids.megan), { token });
    expect(res.status).toBe(200);
    expect((res.body as { value: unknown[] }).value).toHaveLength(1);
  });

  it("drop closes the connection without an answer", async () => {
    const { mock, token } = await mockWith({ kinds: ["drop"] });
    // A network error is a TypeError by the Fetch standard; its wording is the runtime's.
    await expect(call(mock, "GET", tapPath(ids.megan), { token })).rejects.toBeInstanceOf(TypeError);
  });

  it.each(["truncated-json", "malformed-json"] as const)("%s sends a body that does not parse", async (kind) => {
    const { mock, token } = await mockWith({ kinds: [kind] });
    const res = await call(mock, "GET", tapPath(ids.megan), { token });
    expect(res.status).toBe(200);
    expect(res.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
  });
});

describe("the plan", () => {
  async function statuses(plan: FaultPlan, n: number): Promise<number[]> {
    const { mock, token } = await mockWith(plan);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call(mock, "GET", tapPath(ids.megan), { token })).status);
    return out;
  }

  it("is deterministic: the same seed gives the same sequence, another seed another", async () => {
    const plan = { seed: 42, rate: 0.5, kinds: ["throttle", "unavailable"] as const };
    const a = await statuses({ ...plan, kinds: [...plan.kinds] }, 24);
    const b = await statuses({ ...plan, kinds: [...plan.kinds] }, 24);
    const c = await statuses({ ...plan, kinds: [...plan.kinds], seed: 7 }, 24);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
  });

  it("rate 0 never faults", async () => {
    expect(new Set(await statuses({ rate: 0 }, 10))).toEqual(new Set([200]));
  });

  it("leaves the token endpoint alone", async () => {
    const { mock } = await mockWith({ kinds: ["throttle"] });
    const form = new URLSearchParams({
      grant_type: "password",
      username: "adele@contoso.onmicrosoft.com",
      password: "mock-password",
      scope: "User.Read",
    });
    const res = await fetch(mock.tokenUrl, { method: "POST", body: form });
    expect(res.status).toBe(200);
  });

  it("refuses a bad plan with a one-line error", async () => {
    await expect(startMockGraph({ faults: { rate: 2 } })).rejects.toThrow(
      "faults: rate must be between 0 and 1, got 2",
    );
    await expect(startMockGraph({ faults: { kinds: ["boom" as never] } })).rejects.toThrow(
      /unknown or no fault kinds \(boom\)/,
    );
  });
});

describe("the fault header (plans with byHeader)", () => {
  it("forces the named fault on that request only; others are faithful with rate 0", async () => {
    const { mock, token } = await mockWith({ rate: 0, byHeader: true });
    const throttled = await call(mock, "GET", tapPath(ids.megan), {
      token,
      headers: { [faultHeader]: "throttle-fractional" },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2.128");
    expect(odataError(throttled.body)).toBe(true);
    expect((await call(mock, "GET", tapPath(ids.megan), { token })).status).toBe(200);
  });

  it("names the valid faults when the header asks for an unknown one", async () => {
    const { mock, token } = await mockWith({ rate: 0, byHeader: true });
    const res = await call(mock, "GET", tapPath(ids.megan), { token, headers: { [faultHeader]: "meteor" } });
    expect(res.status).toBe(400);
    expect(odataError(res.body)).toBe(true);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      `${faultHeader}: unknown fault "meteor": expected one of ${faultKinds.join(", ")}`,
    );
  });

  it("is ignored unless the plan opts in", async () => {
    const { mock, token } = await mockWith({ rate: 0 });
    const res = await call(mock, "GET", tapPath(ids.megan), { token, headers: { [faultHeader]: "throttle" } });
    expect(res.status).toBe(200);
  });
});
