// Each scenario breaks one behaviour of the mock; exactly the checks watching it must fail.
// (Split over three files so that vitest runs them in parallel.)
import { describe, expect, it } from "vitest";
import type { ScenarioName } from "../../src/mock/index.js";
import { idsWith, runMock } from "./run-mock.js";
import { scenarioExpectations } from "./scenario-expectations.js";

const scenarios: ScenarioName[] = [
  "get-differs-from-list",
  "create-keeps-previous",
  "server-error",
  "auth-ignored",
  "permission-ignored",
  "role-ignored",
  "app-on-me-accepted",
  "not-found-ignored",
];

describe("contract-breaking scenarios fail their own checks and only those", () => {
  it.each(scenarios)("%s", async (scenario) => {
    const expected = scenarioExpectations[scenario];
    const result = await runMock({ scenarios: [scenario] });
    expect(idsWith(result, "fail")).toEqual([...expected.fails].sort());
    if (!expected.errors) expect(idsWith(result, "error")).toEqual([]);
    expect(result.exitCode).toBe(1);
  });
});
