// Each scenario breaks one behaviour of the mock; exactly the checks watching it must fail.
// The matrix is split over several files so that vitest runs the parts in parallel; the parts
// are cut from the mock's own list, so a new scenario is always covered.
import { describe, expect, it } from "vitest";
import { scenarioNames } from "../../src/mock/index.js";
import { idsWith, runMock } from "./run-mock.js";
import { scenarioExpectations } from "./scenario-expectations.js";

export const matrixParts = 3;

export function scenarioMatrix(part: number): void {
  const scenarios = scenarioNames.filter((_, i) => i % matrixParts === part);
  describe(
    `contract-breaking scenarios fail their own checks and only those (part ${part + 1} of ` + `${matrixParts})`,
    () => {
      it.each(scenarios)("%s", async (scenario) => {
        const expected = scenarioExpectations[scenario];
        const result = await runMock({ scenarios: [scenario] });
        expect(idsWith(result, "fail")).toEqual([...expected.fails].sort());
        if (!expected.errors) expect(idsWith(result, "error")).toEqual([]);
        expect(result.exitCode).toBe(1);
      });
    },
  );
}
