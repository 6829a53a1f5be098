/**
 * A test suite's use of the mock's clock and reset, with an unchanged ClientSecretCredential
 * under msw/node: moving the mock's clock ages the passes, never the token the credential
 * cached (token lifetimes run on the wall clock, as MSAL's cache does), and `mock.reset()`
 * returns passes, clock, policy and faults to where they started between tests.
 */
import { ClientSecretCredential } from "@azure/identity";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTapClient, unwrap } from "../../src/index.js";
import { createTapHandlers } from "../../src/msw/index.js";

const { handlers, mock } = createTapHandlers();
const server = setupServer(...handlers);
const unhandled: string[] = [];
const tokenRequests: string[] = [];
const admin = mock.fixtures.apps[0]!;
const credential = new ClientSecretCredential(mock.fixtures.tenant.domain, admin.clientId, mock.fixtures.clientSecret);
const tap = createTapClient({ credential });
const nestor = "nestor@contoso.onmicrosoft.com";
const megan = "megan@contoso.onmicrosoft.com";

beforeAll(() => {
  server.events.on("request:unhandled", ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
  server.events.on("request:start", ({ request }) => {
    if (new URL(request.url).pathname.endsWith("/oauth2/v2.0/token")) tokenRequests.push(request.url);
  });
  server.listen({ onUnhandledRequest: "error" });
});
beforeEach(() => mock.reset());
afterAll(() => {
  server.close();
  expect(unhandled).toEqual([]);
});

const reasonOf = async (user: string) => unwrap(await tap.list({ user })).value[0]?.methodUsabilityReason;

describe("the mock's clock and a credential's cached token", () => {
  it("sees a 60-minute pass expire after clock.advance(61 min), with the token the credential cached", async () => {
    const created = unwrap(await tap.create({ user: nestor, body: { lifetimeInMinutes: 60 } }));
    expect(created.methodUsabilityReason).toBe("EnabledByPolicy");
    const asked = tokenRequests.length;
    mock.clock.advance(61 * 60_000);
    // Not a 401: the token's exp is judged on the wall clock, where it is still valid.
    expect(await reasonOf(nestor)).toBe("Expired");
    mock.clock.advance(24 * 60 * 60_000);
    expect(await reasonOf(nestor)).toBe("Expired");
    // The credential served the call from its cache: no new token was fetched.
    expect(tokenRequests.length).toBe(asked);
  });

  it("keeps the token valid when the clock is set back to before it was issued", async () => {
    mock.clock.set("2020-01-01T00:00:00Z");
    // Megan's pass starts relative to the mock's start, so in 2020 it is not valid yet; the
    // token (nbf on the wall clock) still is.
    await expect(reasonOf(megan)).resolves.toBe("NotYetValid");
  });
});

describe("mock.reset()", () => {
  it("brings back the fixtures' passes, the clock and the policy", async () => {
    unwrap(await tap.create({ user: nestor, body: { lifetimeInMinutes: 60 } }));
    unwrap(await tap.delete({ user: megan, id: unwrap(await tap.list({ user: megan })).value[0]!.id }));
    mock.setPolicy({ state: "disabled" });
    mock.clock.advance(61 * 60_000);
    mock.reset();
    expect(unwrap(await tap.list({ user: nestor })).value).toEqual([]);
    expect(await reasonOf(megan)).toBe("EnabledByPolicy");
    expect(mock.policy.state).toBe("enabled");
    expect(Math.abs(mock.clock.now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("left nothing of the previous test behind (reset runs before each test)", async () => {
    expect(unwrap(await tap.list({ user: nestor })).value).toEqual([]);
    expect(mock.policy.state).toBe("enabled");
  });
});

describe("mock.reset() with a fault plan", () => {
  it("starts the seeded fault sequence over", async () => {
    const faulty = createTapHandlers({ faults: { seed: 7, rate: 0.5, kinds: ["unavailable"] } });
    const token = await faulty.mock.issueToken({ app: admin.clientId });
    const url = `https://graph.microsoft.com/v1.0/users/${megan}/authentication/temporaryAccessPassMethods`;
    const statuses = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await faulty.mock.fetch(new Request(url, { headers: { authorization: `Bearer ${token}` } }));
        seen.push(res.status);
      }
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(await statuses()).not.toEqual(first);
    faulty.mock.reset();
    expect(await statuses()).toEqual(first);
  });
});
