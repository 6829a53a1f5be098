import { describe, expect, it } from "vitest";
import { listExchange, pass, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./usability-matches-clock.js";

describe("usability-matches-clock", () => {
  it("finds nothing on a faithful exchange", () => {
    expect(ruleFindings(rule, listExchange())).toEqual([]);
  });

  it("trips on NotYetValid for a pass that started before the Date header, and only it", () => {
    expect(trippedRules(listExchange([pass({ isUsable: false, methodUsabilityReason: "NotYetValid" })]))).toEqual([
      "usability-matches-clock",
    ]);
  });

  it.each([
    ["7 digits (Graph)", "2026-11-28T10:00:00.5740124Z", "2026-11-28T10:00:00.1234567Z"],
    ["3 digits", "2026-11-28T10:00:00.574Z", "2026-11-28T10:00:00.123Z"],
    ["none", "2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z"],
  ])("accepts timestamps with %s of fraction alike, on every rule", (_, createdDateTime, startDateTime) => {
    expect(trippedRules(listExchange([pass({ createdDateTime, startDateTime })]))).toEqual([]);
    expect(
      trippedRules(
        listExchange([pass({ createdDateTime, startDateTime, isUsable: false, methodUsabilityReason: "NotYetValid" })]),
      ),
    ).toEqual(["usability-matches-clock"]);
  });

  it("gives the clock a tolerance at the boundaries", () => {
    // Date is 10:30; a pass from 10:29:30 reported NotYetValid is within 60 s of its start.
    const nearStart = () =>
      listExchange([
        pass({ isUsable: false, methodUsabilityReason: "NotYetValid", startDateTime: "2026-11-28T10:29:30Z" }),
      ]);
    expect(trippedRules(nearStart())).toEqual([]);
    expect(trippedRules(nearStart(), { clockToleranceMs: 1000 })).toEqual(["usability-matches-clock"]);
  });
});
