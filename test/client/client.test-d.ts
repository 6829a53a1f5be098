// Type tests: what users write compiles with the right types, and wrong calls do not compile.
import type { TokenCredential } from "@azure/core-auth";
import { describe, expectTypeOf, it } from "vitest";
import {
  createTapClient,
  unwrap,
  type CreatedTemporaryAccessPassMethod,
  type GraphErrorEnvelope,
  type MethodUsabilityReason,
  type TapClientOptions,
  type TapCloudId,
  type TapError,
  type TemporaryAccessPassCreateRequest,
  type TemporaryAccessPassMethod,
  type TemporaryAccessPassMethodList,
} from "../../src/index.js";

const tap = createTapClient({ credential: "token" });
const ID = "6f1967b7-15e8-4935-ac26-d50770ed07a7";

describe("options", () => {
  it("take an Azure TokenCredential, a token function or a string", () => {
    const azure = {} as TokenCredential;
    expectTypeOf(createTapClient).toBeCallableWith({ credential: azure });
    expectTypeOf(createTapClient).toBeCallableWith({ credential: async () => "t" });
    expectTypeOf(createTapClient).toBeCallableWith({ credential: ({ scopes }) => scopes.join(" ") });
    expectTypeOf(createTapClient).toBeCallableWith({
      credential: "t",
      cloud: "usgov-l4",
      timeoutMs: 5000,
      retry: false,
    });
  });

  it("know the clouds and refuse China and unknown ids", () => {
    expectTypeOf<TapCloudId>().toEqualTypeOf<"global" | "usgov-l4" | "usgov-l5">();
    // @ts-expect-error China has no TAP API on v1.0
    createTapClient({ credential: "t", cloud: "china" });
    // @ts-expect-error not a cloud
    createTapClient({ credential: "t", cloud: "mars" });
  });

  it("require a credential", () => {
    // @ts-expect-error credential is missing
    createTapClient({ cloud: "global" });
    // @ts-expect-error a number is not a credential
    createTapClient({ credential: 42 });
    expectTypeOf<TapClientOptions["credential"]>().not.toBeAny();
  });
});

describe("operations", () => {
  it("get returns the entity, with a null pass, or the error", async () => {
    const result = await tap.get({ user: "me", id: ID });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<TapError>();
      expectTypeOf(result.error.status).toBeNumber();
      expectTypeOf(result.error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(result.error.error.code).toBeString();
      expectTypeOf(result.data).toBeUndefined();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<TemporaryAccessPassMethod>();
      expectTypeOf(result.data.methodUsabilityReason).toEqualTypeOf<MethodUsabilityReason>();
      expectTypeOf(result.data.temporaryAccessPass).toEqualTypeOf<(string | null) & (null | undefined)>();
    }
  });

  it("get with select keeps only the selected properties", async () => {
    const pass = await unwrap(tap.get({ user: "adele@contoso.onmicrosoft.com", id: ID, select: ["id", "isUsable"] }));
    expectTypeOf(pass.id).toBeString();
    expectTypeOf(pass.isUsable).toBeBoolean();
    // @ts-expect-error not selected
    void pass.lifetimeInMinutes;
    // @ts-expect-error not a property
    tap.get({ user: "me", id: ID, select: ["password"] });
  });

  it("list is typed as at most one item", async () => {
    const list = await unwrap(tap.list({ user: "me" }));
    expectTypeOf(list).toEqualTypeOf<TemporaryAccessPassMethodList>();
    expectTypeOf(list.value).toEqualTypeOf<[] | [TemporaryAccessPassMethod]>();
    const [first] = list.value;
    expectTypeOf(first).toEqualTypeOf<TemporaryAccessPassMethod | undefined>();
    // @ts-expect-error a second item cannot exist
    void list.value[1].id;
  });

  it("create returns the pass and refuses wrong bodies and /me", async () => {
    const created = await unwrap(
      tap.create({ user: "nestor@contoso.onmicrosoft.com", body: { lifetimeInMinutes: 60, isUsableOnce: true } }),
    );
    expectTypeOf(created).toEqualTypeOf<CreatedTemporaryAccessPassMethod>();
    expectTypeOf(created.temporaryAccessPass).toEqualTypeOf<(string | null) & (string | undefined)>();
    expectTypeOf<TemporaryAccessPassCreateRequest>().toHaveProperty("startDateTime");
    // @ts-expect-error lifetimeInMinutes is a number
    tap.create({ user: "nestor", body: { lifetimeInMinutes: "60" } });
    // @ts-expect-error the pass is not writable (the mock answers 400 "read-only", spec decisions item 19)
    tap.create({ user: "nestor", body: { temporaryAccessPass: "chosen" } });
    // @ts-expect-error nor is any other read-only property
    tap.create({ user: "nestor", body: { id: "6f1967b7-15e8-4935-ac26-d50770ed07a7" } });
    // @ts-expect-error the contract has no Create on /me
    tap.create({ user: "me" });
    // @ts-expect-error user is required
    tap.create({ body: {} });
  });

  it("delete returns no data", async () => {
    const result = await tap.delete({ user: "me", id: ID });
    if (!result.error) expectTypeOf(result.data).toBeUndefined();
    // @ts-expect-error the pass id is required
    tap.delete({ user: "me" });
  });

  it("every call needs its ids", () => {
    // @ts-expect-error id is missing
    tap.get({ user: "me" });
    // @ts-expect-error user is missing
    tap.get({ id: ID });
    // @ts-expect-error ids are strings
    tap.get({ user: "me", id: 42 });
    // @ts-expect-error not an operation
    void tap.update;
  });

  it("unwrap takes a result or its promise", async () => {
    expectTypeOf(unwrap(tap.list({ user: "me" }))).toEqualTypeOf<Promise<TemporaryAccessPassMethodList>>();
    expectTypeOf(unwrap(await tap.list({ user: "me" }))).toEqualTypeOf<TemporaryAccessPassMethodList>();
  });
});

describe("exported types", () => {
  it("name the spec's shapes", () => {
    // An open set: the documented values, or one Graph adds later.
    expectTypeOf<"EnabledByPolicy">().toMatchTypeOf<MethodUsabilityReason>();
    expectTypeOf<"SomeFutureReason">().toMatchTypeOf<MethodUsabilityReason>();
    expectTypeOf<GraphErrorEnvelope["error"]["code"]>().toBeString();
    expectTypeOf<TapError>().toMatchTypeOf<GraphErrorEnvelope>();
    const reason: MethodUsabilityReason = "Expired";
    // @ts-expect-error a reason is a string
    const wrong: MethodUsabilityReason = 42;
    void reason;
    void wrong;
  });

  it("the raw client is openapi-fetch's, typed by the spec", async () => {
    const { data } = await tap.raw.GET("/me/authentication/temporaryAccessPassMethods");
    expectTypeOf(data!.value[0]!.methodUsabilityReason).toEqualTypeOf<MethodUsabilityReason>();
    expectTypeOf(data!["@odata.context"]).toBeString();
    // @ts-expect-error not a path of the contract
    tap.raw.GET("/me/authentication/phoneMethods");
  });
});
