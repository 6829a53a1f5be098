import { describe, expect, it } from "vitest";
import { graphError, policyDefaults } from "../spec/index.js";
import {
  allUsers,
  applyPolicyPatch,
  changedPolicy,
  defaultPolicy,
  policyODataType,
  targets,
  usabilityReason,
  type UsabilityInput,
} from "./policy.js";

const start = Date.parse("2026-03-01T09:00:00Z");
const pass: UsabilityInput = { startMs: start, lifetimeInMinutes: 60, isUsableOnce: false, used: false };
const everyone: string[] = [];

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
    expect(usabilityReason({ ...pass, ...changes }, defaultPolicy(), now, everyone)).toBe(reason);
  });

  it("puts the policy first: disabled, user excluded, multi-use when one-time is required", () => {
    const now = start + 1;
    const excluded = { ...defaultPolicy(), excludeTargets: [{ id: "g1", targetType: "group" as const }] };
    expect(usabilityReason(pass, { ...defaultPolicy(), state: "disabled" }, now, everyone)).toBe("DisabledByPolicy");
    expect(usabilityReason(pass, excluded, now, ["g1"])).toBe("DisabledByPolicy");
    expect(usabilityReason(pass, excluded, now, ["g2"])).toBe("EnabledByPolicy");
    expect(usabilityReason(pass, { ...defaultPolicy(), isUsableOnce: true }, now, everyone)).toBe("DisabledByPolicy");
    expect(
      usabilityReason({ ...pass, isUsableOnce: true }, { ...defaultPolicy(), isUsableOnce: true }, now, everyone),
    ).toBe("EnabledByPolicy");
  });
});

describe("targets", () => {
  it("takes all_users as everyone, a group by its members, and lets exclusion win", () => {
    const group = (id: string) => ({ id, targetType: "group" as const });
    expect(targets(defaultPolicy(), [])).toBe(true);
    expect(defaultPolicy().includeTargets.map((t) => t.id)).toEqual([allUsers]);
    const pilot = { ...defaultPolicy(), includeTargets: [group("PILOT")] };
    expect(targets(pilot, ["pilot"])).toBe(true);
    expect(targets(pilot, ["other"])).toBe(false);
    expect(targets({ ...pilot, excludeTargets: [group("pilot")] }, ["pilot"])).toBe(false);
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

  it("refuses values outside the documented ranges, and an inconsistent result, with Graph-style messages", () => {
    expect(() => changedPolicy(defaultPolicy(), { defaultLength: 7 })).toThrow(
      "invalid TAP policy: Invalid policy: defaultLength 7 is outside 8..48.",
    );
    expect(() => changedPolicy(defaultPolicy(), { maximumLifetimeInMinutes: 50_000 })).toThrow(
      /maximumLifetimeInMinutes 50000/,
    );
    expect(() =>
      changedPolicy(defaultPolicy(), {
        minimumLifetimeInMinutes: 400,
        maximumLifetimeInMinutes: 300,
        defaultLifetimeInMinutes: 350,
      }),
    ).toThrow(/minimumLifetimeInMinutes \(400\) is greater than maximumLifetimeInMinutes \(300\)/);
    expect(() => changedPolicy(defaultPolicy(), { defaultLifetimeInMinutes: 500 })).toThrow(/outside/);
    expect(() => changedPolicy(defaultPolicy(), { excludedUserIds: [] } as never)).toThrow(/excludedUserIds/);
    expect(changedPolicy(defaultPolicy(), {})).toEqual(defaultPolicy());
  });

  it(
    "judges a PATCH body: @odata.type, unknown names, user targets, types; the current policy is never " + "changed",
    () => {
      const current = defaultPolicy();
      const frozen = structuredClone(current);
      const kind = (body: unknown) => {
        const r = applyPolicyPatch(current, body);
        return r.ok ? "ok" : r.refusal.kind;
      };
      expect(kind({ isUsableOnce: true })).toBe("policyODataType");
      expect(kind({ "@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration" })).toBe(
        "policyODataType",
      );
      expect(kind({ "@odata.type": policyODataType, lifetime: 5 })).toBe("policyUnknownProperty");
      expect(kind({ "@odata.type": policyODataType, includeTargets: [{ id: "u", targetType: "user" }] })).toBe(
        "policyUnsupportedTarget",
      );
      expect(kind({ "@odata.type": policyODataType, isUsableOnce: "yes" })).toBe("invalidValue");
      expect(kind({ "@odata.type": policyODataType, maximumLifetimeInMinutes: 9 })).toBe("policyInvalidValue");
      expect(
        kind({ "@odata.type": policyODataType, minimumLifetimeInMinutes: 30, maximumLifetimeInMinutes: 120 }),
      ).toBe("ok");
      expect(current).toEqual(frozen);
      const refused = applyPolicyPatch(current, { "@odata.type": policyODataType, maximumLifetimeInMinutes: 9 });
      if (refused.ok) throw new Error("expected a refusal");
      expect(graphError(refused.refusal.kind, refused.refusal.values).message).toBe(
        "Invalid policy: maximumLifetimeInMinutes 9 is outside 10..43200.",
      );
    },
  );
});
