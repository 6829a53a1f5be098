import { describe, expect, it } from "vitest";
import { policyDefaults } from "../spec/index.js";
import { checkPolicy, defaultPolicy, usabilityReason, type UsabilityInput } from "./policy.js";

const start = Date.parse("2026-03-01T09:00:00Z");
const pass: UsabilityInput = { userId: "u", startMs: start, lifetimeInMinutes: 60, isUsableOnce: false, used: false };

describe("usabilityReason", () => {
  it.each([
    ["before the start", {}, start - 1, "NotYetValid"],
    ["at the start", {}, start, "EnabledByPolicy"],
    ["the last millisecond", {}, start + 3_600_000 - 1, "EnabledByPolicy"],
    ["at the end of the lifetime", {}, start + 3_600_000, "Expired"],
    ["a used one-time pass", { isUsableOnce: true, used: true }, start + 1, "OneTimeUsed"],
    ["an unused one-time pass", { isUsableOnce: true }, start + 1, "EnabledByPolicy"],
    ["a used one-time pass that also expired", { isUsableOnce: true, used: true }, start + 3_600_000, "Expired"],
  ] as const)("%s", (_name, changes, now, reason) => {
    expect(usabilityReason({ ...pass, ...changes }, defaultPolicy(), now)).toBe(reason);
  });

  it("puts the policy first: disabled, user excluded, multi-use when one-time is required", () => {
    const now = start + 1;
    expect(usabilityReason(pass, { ...defaultPolicy(), state: "disabled" }, now)).toBe("DisabledByPolicy");
    expect(usabilityReason(pass, { ...defaultPolicy(), excludedUserIds: ["u"] }, now)).toBe("DisabledByPolicy");
    expect(usabilityReason(pass, { ...defaultPolicy(), isUsableOnce: true }, now)).toBe("DisabledByPolicy");
    expect(usabilityReason({ ...pass, isUsableOnce: true }, { ...defaultPolicy(), isUsableOnce: true }, now)).toBe(
      "EnabledByPolicy",
    );
  });
});

describe("the policy", () => {
  it("defaults to the spec's x-policy-defaults", () => {
    expect(defaultPolicy()).toMatchObject({
      defaultLength: policyDefaults.defaultLength,
      minimumLifetimeInMinutes: policyDefaults.minimumLifetimeInMinutes,
      maximumLifetimeInMinutes: policyDefaults.maximumLifetimeInMinutes,
    });
  });

  it("refuses values outside the documented ranges", () => {
    expect(() => checkPolicy({ ...defaultPolicy(), defaultLength: 7 })).toThrow("defaultLength 7 (expected 8..48)");
    expect(() => checkPolicy({ ...defaultPolicy(), maximumLifetimeInMinutes: 50_000 })).toThrow(
      /maximumLifetimeInMinutes 50000/,
    );
    expect(() =>
      checkPolicy({
        ...defaultPolicy(),
        minimumLifetimeInMinutes: 400,
        maximumLifetimeInMinutes: 300,
        defaultLifetimeInMinutes: 350,
      }),
    ).toThrow(/minimumLifetimeInMinutes above/);
    expect(() => checkPolicy(defaultPolicy())).not.toThrow();
  });
});
