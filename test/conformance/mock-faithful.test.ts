import { describe, expect, it } from "vitest";
import { checkIds, checks } from "../../conformance/checks/index.js";
import { scenarioNames } from "../../src/mock/index.js";
import { idsWith, runMock } from "./run-mock.js";
import { scenarioExpectations } from "./scenario-expectations.js";

describe("against the faithful mock", () => {
  it("every check passes, none skipped (retry-after-on-429 judges the target's one throttled probe)", async () => {
    const result = await runMock();
    expect(idsWith(result, "fail")).toEqual([]);
    expect(idsWith(result, "error")).toEqual([]);
    expect(idsWith(result, "skip")).toEqual([]);
    expect(idsWith(result, "pass")).toEqual([...checkIds].sort());
    expect(result.outcomes.find((o) => o.check === "retry-after-on-429")?.exchanges).toBe(1);
    expect(result.exitCode).toBe(0);
    // The full permission matrix ran: every case of the authorization checks was judged.
    const authorization = result.outcomes.filter(
      (o) => o.check === "forbids-without-permission" || o.check === "least-privilege-suffices",
    );
    expect(authorization.length).toBeGreaterThan(30);
    expect(authorization.every((o) => o.status === "pass")).toBe(true);
  });

  it("retry-after-on-429 passes when the mock throttles, and the runner retries through it", async () => {
    const result = await runMock(
      { faults: { kinds: ["throttle"], rate: 0.2, retryAfterSeconds: 0, seed: 7 } },
      {
        checks: [checks["retry-after-on-429"], checks["least-privilege-suffices"]],
        retry: { perRequest: 5, total: 1000, maxDelayMs: 50, defaultDelayMs: 1, totalDelayMs: 5000 },
      },
    );
    expect(idsWith(result, "pass")).toEqual(["least-privilege-suffices", "retry-after-on-429"]);
    expect(result.outcomes.find((o) => o.check === "retry-after-on-429")?.exchanges).toBeGreaterThan(0);
    expect(result.exitCode).toBe(0);
  });

  it("has an expectation for every scenario, and every check fails in at least one", () => {
    expect(Object.keys(scenarioExpectations).sort()).toEqual([...scenarioNames].sort());
    const failing = new Set(Object.values(scenarioExpectations).flatMap((e) => e.fails));
    expect(checkIds.filter((id) => !failing.has(id))).toEqual([]);
  });
});
