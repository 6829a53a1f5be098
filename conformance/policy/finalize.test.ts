import { describe, expect, it } from "vitest";
import type { Outcome } from "../run/result.js";
import { finalize } from "./finalize.js";

const outcome = (
  check: string,
  status: Outcome["status"],
  severity: Outcome["severity"] = "high",
  operation = "GET /x",
): Outcome => ({
  check,
  title: check,
  severity,
  operation,
  status,
  violations: [],
});
const today = new Date("2026-11-28T12:00:00Z");

describe("finalize", () => {
  it("passes a run of passes and skips", () => {
    const v = finalize([outcome("a", "pass"), outcome("b", "skip")], "medium", undefined, today);
    expect(v.exitCode).toBe(0);
    expect(v.totals).toEqual({ total: 2, pass: 1, fail: 0, error: 0, skip: 1, waived: 0 });
  });

  it("exits 2 when every outcome was skipped: a run that judged nothing is not a pass", () => {
    expect(finalize([outcome("a", "skip"), outcome("b", "skip")], "medium", undefined, today).exitCode).toBe(2);
    expect(finalize([outcome("a", "skip"), outcome("b", "fail")], "medium", undefined, today).exitCode).toBe(1);
  });

  it("fails on a fail at or above the threshold, and on any error", () => {
    expect(finalize([outcome("a", "fail", "medium")], "medium", undefined, today).exitCode).toBe(1);
    expect(finalize([outcome("a", "error", "low")], "critical", undefined, today).exitCode).toBe(1);
  });

  it("reports a fail below the threshold without failing the run", () => {
    const v = finalize([outcome("a", "fail", "low")], "medium", undefined, today);
    expect(v.exitCode).toBe(0);
    expect(v.outcomes[0]?.belowThreshold).toBe(true);
    expect(v.totals.fail).toBe(1);
  });

  it("waives a fail matched by a live allowlist entry, by check and operation", () => {
    const allowlist = { entries: [{ check: "a", operation: "GET /x", reason: "known", expires: "2026-12-01" }] };
    const v = finalize([outcome("a", "fail"), outcome("a", "fail", "high", "GET /y")], "low", allowlist, today);
    expect(v.outcomes.map((o) => o.waived?.reason)).toEqual(["known", undefined]);
    expect(v.totals).toMatchObject({ fail: 1, waived: 1 });
    expect(v.exitCode).toBe(1);
  });

  it("fails the run on an expired entry, and does not waive with it", () => {
    const allowlist = { entries: [{ check: "a", reason: "old", expires: "2026-11-27" }] };
    const v = finalize([outcome("a", "fail"), outcome("b", "pass")], "low", allowlist, today);
    expect(v.outcomes[0]?.waived).toBeUndefined();
    expect(v.expiredWaivers).toEqual([{ check: "a", reason: "old", expires: "2026-11-27" }]);
    expect(finalize([outcome("b", "pass")], "low", allowlist, today).exitCode).toBe(1);
  });
});
