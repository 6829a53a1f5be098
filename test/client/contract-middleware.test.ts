// The opt-in contract middleware against the mock: quiet on a faithful mock, loud on a broken one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Violation } from "../../src/contract/violation.js";
import {
  defaultFixtures,
  scenarioHeader,
  startMockGraph,
  type MockGraph,
  type ScenarioName,
} from "../../src/mock/index.js";
import {
  ContractError,
  createTapClient,
  unwrap,
  type ContractOptions,
  type ReportedExchange,
} from "../../src/index.js";

const ADMIN_APP = "00000000-0000-0000-0000-00000000a11c";
const megan = defaultFixtures.users.find((u) => u.name === "megan")!;
const nestor = defaultFixtures.users.find((u) => u.name === "nestor")!;
let mock: MockGraph;
let token: string;

// One mock for all: each client names its scenarios in the mock's request header.
beforeAll(async () => {
  mock = await startMockGraph({ scenarios: true });
  token = await mock.issueToken({ app: ADMIN_APP });
});
afterAll(() => mock.close());

async function setup(scenarios: ScenarioName[], contract: Omit<ContractOptions, "onViolation"> = {}) {
  const seen: Array<{ violations: Violation[]; exchange: ReportedExchange }> = [];
  const tap = createTapClient({
    baseUrl: mock.graphUrl,
    credential: token,
    retry: false,
    fetch: (request) => {
      if (scenarios.length > 0) request.headers.set(scenarioHeader, scenarios.join(","));
      return fetch(request);
    },
    contract: { ...contract, onViolation: (violations, exchange) => seen.push({ violations, exchange }) },
  });
  return { tap, seen, token };
}

describe("the contract middleware", () => {
  it("reports nothing for a whole lifecycle on the faithful mock, errors included", async () => {
    const { tap, seen } = await setup([]);
    const created = await unwrap(tap.create({ user: nestor.userPrincipalName, body: { lifetimeInMinutes: 60 } }));
    await unwrap(tap.get({ user: nestor.userPrincipalName, id: created.id }));
    await unwrap(tap.list({ user: nestor.id }));
    await unwrap(tap.delete({ user: nestor.id, id: created.id }));
    expect((await tap.get({ user: nestor.id, id: created.id })).error?.status).toBe(404);
    expect((await tap.list({ user: "me" })).error?.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it("reports a pass leaked on read, without the pass or the token", async () => {
    const { tap, seen, token } = await setup(["secret-on-read"]);
    const { data } = await tap.get({ user: megan.id, id: megan.tap!.id });
    expect(data?.temporaryAccessPass).toEqual(expect.any(String));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.violations.map((v) => v.check)).toContain("secret-null-on-read");
    expect(seen[0]!.exchange).toMatchObject({
      operation:
        "GET /users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
      response: { status: 200 },
    });
    const reported = JSON.stringify(seen);
    expect(reported).not.toContain(data!.temporaryAccessPass!);
    expect(reported).not.toContain(token);
  });

  it.each([
    ["two-methods", "one-method-per-user"],
    ["undocumented-status", "status-code-documented"],
    ["missing-request-id", "request-id-headers"],
  ] as const)("reports the %s scenario as %s", async (scenario, check) => {
    const { tap, seen } = await setup([scenario]);
    await tap.list({ user: megan.id }).catch(() => undefined);
    expect(seen.flatMap((s) => s.violations.map((v) => v.check))).toContain(check);
  });

  it("throws a ContractError in strict mode, after telling the callback", async () => {
    const { tap, seen } = await setup(["secret-on-read"], { strict: true });
    const err = await tap.get({ user: megan.id, id: megan.tap!.id }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).violations.map((v) => v.check)).toContain("secret-null-on-read");
    expect((err as Error).message).toMatch(/^GET \/users\/\{user-id\}.*: the response broke the contract: /);
    expect(seen).toHaveLength(1);
  });

  it("checks the Create request it sent (the body travels to the rules)", async () => {
    const { tap, seen } = await setup(["secret-wrong-length"]);
    await tap.create({ user: nestor.id, body: { lifetimeInMinutes: 60 } });
    expect(seen.flatMap((s) => s.violations.map((v) => v.check))).toContain("secret-on-create");
  });
});
