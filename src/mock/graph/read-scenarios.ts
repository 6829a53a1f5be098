/** The contract-breaking scenarios that change what a read (List or Get) returns. */
import type { ScenarioName } from "../scenarios.js";
import type { Entity } from "./representation.js";

// Not a real passcode: what a leaking server would show. Eight mixed characters, like one.
const leaked = "Lk4!mZq9";

export function readScenarios(active: ReadonlySet<ScenarioName>, kind: "list" | "get", items: Entity[]): Entity[] {
  if (active.size === 0) return items;
  let out = items.map((e) => ({ ...e }));
  if (kind === "list" && active.has("two-methods")) {
    const first = out[0] ?? fabricated();
    out = [first, { ...first, id: crypto.randomUUID() }];
  }
  for (const e of out) {
    if (active.has("secret-on-read")) e.temporaryAccessPass = leaked;
    if (active.has("usable-contradicts-reason")) {
      e.isUsable = true;
      e.methodUsabilityReason = "Expired";
    }
    if (active.has("reason-contradicts-clock") && e.methodUsabilityReason === "EnabledByPolicy") {
      e.isUsable = false;
      e.methodUsabilityReason = "NotYetValid";
    }
    if (active.has("one-time-used-on-multi-use") && e.isUsableOnce === false) {
      e.isUsable = false;
      e.methodUsabilityReason = "OneTimeUsed";
    }
    if (active.has("lifetime-out-of-range")) e.lifetimeInMinutes = 5;
    if (active.has("schema-violation")) e.lifetimeInMinutes = String(e.lifetimeInMinutes);
    if (active.has("extra-property")) e.lastUsedDateTime = e.createdDateTime;
    if (kind === "get" && active.has("wrong-id")) e.id = crypto.randomUUID();
    if (kind === "get" && active.has("get-differs-from-list") && typeof e.lifetimeInMinutes === "number") {
      e.lifetimeInMinutes = e.lifetimeInMinutes > 60 ? e.lifetimeInMinutes - 1 : e.lifetimeInMinutes + 1;
    }
  }
  return out;
}

/** Some pass, for scenarios that answer where the faithful mock has nothing to show. */
export function fabricated(now = new Date()): Entity {
  const iso = now.toISOString();
  return {
    id: crypto.randomUUID(),
    temporaryAccessPass: null,
    createdDateTime: iso,
    startDateTime: iso,
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: "EnabledByPolicy",
  };
}
