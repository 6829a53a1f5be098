/**
 * The tenant's TAP policy over real HTTP: GET and PATCH with and without the permissions and
 * roles of the spec's tables, the key form, PATCH refusals that change nothing, and the Create
 * refusals of the fact sheet's §15.1 with Graph's messages (and innerError.message).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphError, policyOperation, type GraphErrorKind } from "../../src/spec/index.js";
import { validateResponseBody } from "../../src/contract/schemas.js";
import { call, errorCode, errorMessage, ids, tapPath, type Answer } from "./helpers.js";

const policyPath = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const keyForm = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations('TemporaryAccessPass')";
const odataType = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

let mock: MockGraph;
beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
});
afterAll(() => mock.close());
const original = () => structuredClone({ ...mock.policy });
let before: ReturnType<typeof original>;
beforeEach(() => {
  before ??= original();
  mock.setPolicy(before);
});

const app = (roles: string[]) => mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c", roles });
const user = (name: string, scopes: string[]) => mock.issueToken({ user: name, scopes });
const writer = () => app(["Policy.ReadWrite.AuthenticationMethod"]);
const patch = async (body: unknown, token?: string) =>
  call(mock, "PATCH", policyPath, { token: token ?? (await writer()), body });

function expectError(res: Answer, kind: GraphErrorKind, values: Record<string, string | number> = {}): void {
  const e = graphError(kind, values);
  expect([res.status, errorCode(res), errorMessage(res)]).toEqual([e.status, e.code, e.message]);
}

describe("GET the policy", () => {
  it("answers the tenant's policy in the spec's schema, on the path and on the key form", async () => {
    for (const path of [policyPath, keyForm, policyPath.toLowerCase()]) {
      const res = await call(mock, "GET", path, { token: await app(["Policy.Read.All"]) });
      expect(res.status, path).toBe(200);
      expect(validateResponseBody(policyOperation("getPolicy"), 200, res.body)).toEqual([]);
      expect(res.body).toMatchObject({
        "@odata.type": odataType,
        id: "TemporaryAccessPass",
        state: "enabled",
        minimumLifetimeInMinutes: 60,
        maximumLifetimeInMinutes: 480,
        includeTargets: [{ id: "all_users", targetType: "group" }],
        excludeTargets: [{ id: "9a70c000-0000-4000-8000-000000000002", targetType: "group" }],
      });
      expect((res.body as Record<string, string>)["@odata.context"]).toBe(
        `${mock.url}/v1.0/$metadata#authenticationMethodConfigurations/$entity`,
      );
    }
  });

  it.each([
    ["application Policy.Read.All", () => app(["Policy.Read.All"]), 200],
    [
      "application Policy.Read.AuthenticationMethod (current table)",
      () => app(["Policy.Read.AuthenticationMethod"]),
      200,
    ],
    ["application Policy.ReadWrite.AuthenticationMethod", () => writer(), 200],
    ["application without a policy permission", () => app(["UserAuthenticationMethod.ReadWrite.All"]), 403],
    ["Global Reader with Policy.Read.All", () => user("grace", ["Policy.Read.All"]), 200],
    ["Authentication Policy Administrator with Policy.Read.All", () => user("alex", ["Policy.Read.All"]), 200],
    ["Global Administrator with Policy.Read.All", () => user("patti", ["Policy.Read.All"]), 200],
    ["Authentication Administrator (not a policy role)", () => user("adele", ["Policy.Read.All"]), 403],
    ["a member without a role", () => user("nestor", ["Policy.Read.All"]), 403],
    ["Global Reader without a policy scope", () => user("grace", ["UserAuthenticationMethod.Read.All"]), 403],
    ["a personal account", () => user("sam", ["Policy.Read.All"]), 403],
  ])("%s", async (_, token, status) => {
    const res = await call(mock, "GET", policyPath, { token: await token() });
    expect(res.status).toBe(status);
    if (status === 403) expect(errorCode(res)).toBe("accessDenied");
  });

  it("refuses a missing token with 401 and an unserved method with 405", async () => {
    expectError(await call(mock, "GET", policyPath), "emptyToken");
    const del = await call(mock, "POST", policyPath, { token: await writer(), body: {} });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, PATCH");
  });
});

describe("PATCH the policy", () => {
  it("answers 204 and the next GET reads back what it wrote (key form too)", async () => {
    const res = await patch({ "@odata.type": odataType, minimumLifetimeInMinutes: 30, maximumLifetimeInMinutes: 120 });
    expect([res.status, res.text]).toEqual([204, ""]);
    const keyed = await call(mock, "PATCH", keyForm, {
      token: await writer(),
      body: { "@odata.type": odataType, isUsableOnce: true },
    });
    expect(keyed.status).toBe(204);
    const read = await call(mock, "GET", policyPath, { token: await writer() });
    expect(read.body).toMatchObject({
      minimumLifetimeInMinutes: 30,
      maximumLifetimeInMinutes: 120,
      isUsableOnce: true,
    });
    expect(mock.policy).toMatchObject({ minimumLifetimeInMinutes: 30, isUsableOnce: true });
  });

  it.each([
    ["application Policy.ReadWrite.AuthenticationMethod", () => writer(), 204],
    ["application Policy.Read.All (read only)", () => app(["Policy.Read.All"]), 403],
    ["Authentication Policy Administrator", () => user("alex", ["Policy.ReadWrite.AuthenticationMethod"]), 204],
    ["Global Administrator", () => user("patti", ["Policy.ReadWrite.AuthenticationMethod"]), 204],
    ["Global Reader (reads only)", () => user("grace", ["Policy.ReadWrite.AuthenticationMethod"]), 403],
    ["Authentication Policy Administrator with a read scope", () => user("alex", ["Policy.Read.All"]), 403],
  ])("%s", async (_, token, status) => {
    const res = await patch({ "@odata.type": odataType, defaultLength: 12 }, await token());
    expect(res.status).toBe(status);
    expect(mock.policy.defaultLength).toBe(status === 204 ? 12 : 8);
  });

  it.each([
    [{ isUsableOnce: true }, "policyODataType", { received: "none" }],
    [
      { "@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration" },
      "policyODataType",
      {
        received: "#microsoft.graph.fido2AuthenticationMethodConfiguration",
      },
    ],
    [
      { "@odata.type": odataType, maximumLifetimeInMinutes: 43201 },
      "policyInvalidValue",
      {
        property: "maximumLifetimeInMinutes",
        value: 43201,
        min: 10,
        max: 43200,
      },
    ],
    [
      { "@odata.type": odataType, defaultLength: 49 },
      "policyInvalidValue",
      {
        property: "defaultLength",
        value: 49,
        min: 8,
        max: 48,
      },
    ],
    [{ "@odata.type": odataType, minimumLifetimeInMinutes: 600 }, "policyLifetimeOrder", { min: 600, max: 480 }],
    [
      { "@odata.type": odataType, defaultLifetimeInMinutes: 500 },
      "policyDefaultOutsideRange",
      {
        value: 500,
        min: 60,
        max: 480,
      },
    ],
    [{ "@odata.type": odataType, lifetimeInMinutes: 60 }, "policyUnknownProperty", { property: "lifetimeInMinutes" }],
    [
      { "@odata.type": odataType, includeTargets: [{ id: ids.nestor, targetType: "user" }] },
      "policyUnsupportedTarget",
      {
        property: "includeTargets",
        targetType: "user",
      },
    ],
    [
      { "@odata.type": odataType, state: "off" },
      "invalidValue",
      { value: "off", type: "Edm.String", property: "state" },
    ],
  ] as const)("refuses %j and changes nothing", async (body, kind, values) => {
    const was = structuredClone({ ...mock.policy });
    // A valid change in the same body is not applied either: the PATCH is atomic.
    const res = await patch({ isUsableOnce: true, ...body });
    expectError(res, kind, values);
    expect({ ...mock.policy }).toEqual(was);
  });

  it("checks the content type and JSON like Create", async () => {
    const token = await writer();
    expectError(
      await call(mock, "PATCH", policyPath, { token, body: "x", headers: { "content-type": "" } }),
      "missingContentType",
    );
    expectError(await call(mock, "PATCH", policyPath, { token, body: "{", headers: {} }), "invalidJson");
  });

  it("setPolicy() applies the same checks, with Graph's message", () => {
    expect(() => mock.setPolicy({ minimumLifetimeInMinutes: 600 })).toThrow(
      graphError("policyLifetimeOrder", { min: 600, max: 480 }).message,
    );
    expect(mock.policy.minimumLifetimeInMinutes).toBe(60);
  });
});

describe("Create honours the policy", () => {
  const admin = () => user("adele", ["UserAuthenticationMethod.ReadWrite.All"]);
  const create = async (target: string, body: unknown) =>
    call(mock, "POST", tapPath(target), { token: await admin(), body });

  it(
    "refuses a lifetime outside the tenant's range with its numbers, in the message and " + "innerError.message",
    async () => {
      mock.setPolicy({ minimumLifetimeInMinutes: 90, defaultLifetimeInMinutes: 90, maximumLifetimeInMinutes: 240 });
      for (const lifetimeInMinutes of [60, 241]) {
        const res = await create(ids.nestor, { lifetimeInMinutes });
        expectError(res, "invalidLifetime", { min: 90, max: 240 });
        expect(errorMessage(res)).toBe("Invalid LifetimeInMinutes specified. The valid range between 90 and 240.");
        expect((res.body as { error: { innerError: { message: string } } }).error.innerError.message).toBe(
          errorMessage(res),
        );
      }
      expect((await create(ids.nestor, { lifetimeInMinutes: 240 })).status).toBe(201);
    },
  );

  it(
    "takes the default lifetime and passcode length from the policy, and one-time when the policy says " + "so",
    async () => {
      mock.setPolicy({ defaultLifetimeInMinutes: 120, defaultLength: 14, isUsableOnce: true });
      const res = await create(ids.nestor, {});
      expect(res.status).toBe(201);
      const body = res.body as { lifetimeInMinutes: number; temporaryAccessPass: string; isUsableOnce: boolean };
      expect([body.lifetimeInMinutes, body.temporaryAccessPass.length, body.isUsableOnce]).toEqual([120, 14, true]);
      expectError(await create(ids.nestor, { isUsableOnce: false }), "policyRequiresOneTime");
    },
  );

  it("refuses a start in the past (no skew tolerance), and takes one in the future", async () => {
    const now = mock.clock.now().getTime();
    const past = await create(ids.nestor, { startDateTime: new Date(now - 1000).toISOString() });
    expectError(past, "pastStartDateTime");
    expect(errorMessage(past)).toBe("Invalid StartDateTime specified. It can not be a time in the past.");
    expect((await create(ids.nestor, { startDateTime: new Date(now + 60_000).toISOString() })).status).toBe(201);
  });

  it("refuses while the method is disabled, and for a user outside the targets, with Graph's message", async () => {
    const message =
      "Converged UserCredentialPolicy does not allow creating or updating this authentication method. " +
      "AuthMethodType [TemporaryAccessPass].";
    expect(graphError("policyForbidsMethod").message).toBe(message);
    const joni = await create(ids.joni, {});
    expectError(joni, "policyForbidsMethod");
    mock.setPolicy({ state: "disabled" });
    expectError(await create(ids.nestor, {}), "policyForbidsMethod");
    mock.setPolicy({
      state: "enabled",
      excludeTargets: [],
      includeTargets: [{ id: "9a70c000-0000-4000-8000-000000000001", targetType: "group" }],
    });
    // Nestor is in "Onboarding", Lynne is not.
    expect((await create(ids.nestor, {})).status).toBe(201);
    expectError(await create(ids.lynne, {}), "policyForbidsMethod");
  });
});

describe("signIn follows the policy", () => {
  it("signs in while the policy allows, and not once the method is disabled or the user excluded", async () => {
    const token = await user("adele", ["UserAuthenticationMethod.ReadWrite.All"]);
    const created = await call(mock, "POST", tapPath(ids.nestor), { token, body: {} });
    const passcode = (created.body as { temporaryAccessPass: string }).temporaryAccessPass;
    expect(await mock.signIn("nestor", passcode)).toEqual({ ok: true });
    mock.setPolicy({ state: "disabled" });
    expect(await mock.signIn("nestor", passcode)).toEqual({ ok: false, reason: "DisabledByPolicy" });
    mock.setPolicy({
      state: "enabled",
      excludeTargets: [{ id: "9a70c000-0000-4000-8000-000000000001", targetType: "group" }],
    });
    expect(await mock.signIn("nestor", passcode)).toEqual({ ok: false, reason: "DisabledByPolicy" });
  });
});
