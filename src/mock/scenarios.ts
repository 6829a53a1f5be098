/**
 * Contract-breaking scenarios: each breaks exactly one behaviour of Graph, so that the
 * conformance check watching that behaviour has a case that must fail. Off unless the mock
 * was started with `scenarios`; a mock without them is faithful.
 */
import { UserError } from "../errors.js";
import { header, type MockRequest } from "./http/exchange.js";

export const scenarioNames = [
  "secret-on-read",
  "secret-wrong-length",
  "two-methods",
  "usable-contradicts-reason",
  "reason-contradicts-clock",
  "one-time-used-on-multi-use",
  "lifetime-out-of-range",
  "schema-violation",
  "extra-property",
  "undocumented-status",
  "wrong-content-type",
  "missing-request-id",
  "client-request-id-not-echoed",
  "bad-error-envelope",
  "no-retry-after",
  "wrong-odata-context",
  "wrong-id",
  "get-differs-from-list",
  "create-keeps-previous",
  "server-error",
  "auth-ignored",
  "permission-ignored",
  "role-ignored",
  "app-on-me-accepted",
  "not-found-ignored",
  "administrator-target-accepted",
  "guest-accepted",
  "multi-use-despite-policy",
  "lifetime-outside-policy-accepted",
  "past-start-accepted",
  "disabled-method-accepted",
  "untargeted-user-accepted",
  "policy-patch-ignored",
  "policy-read-contradicts-passes",
  "invalid-policy-accepted",
  "methods-list-omits-pass",
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

/** `true`: honour the `x-tap-mock-scenario` request header; `{ always }`: apply to every request. */
export type ScenarioOption = boolean | { always: readonly ScenarioName[] | readonly string[] };

export const scenarioHeader = "x-tap-mock-scenario";

const known = new Set<string>(scenarioNames);
const none: ReadonlySet<ScenarioName> = new Set();

/** Parse a comma-separated list of names; unknown names are a user error naming the valid ones. */
export function parseScenarioList(list: readonly string[] | string, where: string): ScenarioName[] {
  const names = (typeof list === "string" ? list.split(",") : list).map((s) => s.trim()).filter((s) => s !== "");
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new UserError(
      `${where}: unknown scenario ${unknown.map((n) => `"${n}"`).join(", ")}: expected one of ` +
        `${scenarioNames.join(", ")}`,
    );
  }
  return names as ScenarioName[];
}

export type ScenarioSelection = { ok: true; active: ReadonlySet<ScenarioName> } | { ok: false; message: string };

/** The scenarios in force for one request. */
export function createScenarioSelector(option: ScenarioOption | undefined): (req: MockRequest) => ScenarioSelection {
  if (!option) return () => ({ ok: true, active: none });
  if (option === true) {
    return (req) => {
      const value = header(req, scenarioHeader);
      if (value === undefined || value.trim() === "") return { ok: true, active: none };
      try {
        return { ok: true, active: new Set(parseScenarioList(value, scenarioHeader)) };
      } catch (err) {
        return { ok: false, message: (err as Error).message };
      }
    };
  }
  const always: ReadonlySet<ScenarioName> = new Set(parseScenarioList(option.always, "scenarios.always"));
  return () => ({ ok: true, active: always });
}
