// Issue 11, finding 3: the HTML report shows each distinct violation beside the exchange that
// showed it, not beside the outcome's first exchange (another request, another user).
import { describe, expect, it } from "vitest";
import { checks } from "../../conformance/checks/index.js";
import type { ExchangeCheck } from "../../conformance/checks/check.js";
import { htmlReporter } from "../../conformance/reporters/html.js";
import { ExchangeTally } from "../../conformance/run/exchange-tally.js";
import type { RunResult } from "../../conformance/run/result.js";
import { getExchange, pass } from "./exchange-fixtures.js";

function exchangeWith(marker: string) {
  const exchange = getExchange({ ...pass(), [`extra${marker}`]: 1 });
  exchange.request.headers = { "client-request-id": `request-${marker}` };
  return exchange;
}

describe("the HTML report pairs each violation with its own exchange", () => {
  it("two distinct violations from two requests: each block holds its own request", () => {
    const check = checks["undocumented-properties"] as ExchangeCheck;
    const tally = new ExchangeTally([check]);
    tally.observe(exchangeWith("Alpha"));
    tally.observe(exchangeWith("Bravo"));
    tally.observe(exchangeWith("Alpha"));
    const outcomes = [...tally.outcomes().values()].flat();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.violations.map((v) => v.count)).toEqual([2, 1]);
    const result = {
      schemaVersion: 1,
      tool: { name: "tap-contract", version: "0" },
      target: { kind: "replay", location: "x.ndjson", readOnly: true },
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      checks: [check.id],
      severityThreshold: "low",
      outcomes,
      totals: { total: 1, pass: 0, fail: 1, error: 0, skip: 0, waived: 0 },
      expiredWaivers: [],
      exitCode: 1,
    } as RunResult;
    const html = htmlReporter.render(result, { color: false }).files![0]!.text;
    const blocks = html.split('<div class="violation">').slice(1);
    expect(blocks).toHaveLength(2);
    const [first, second] = blocks as [string, string];
    expect(first).toContain("extraAlpha");
    expect(first).toContain("request-Alpha");
    expect(first).not.toContain("request-Bravo");
    expect(second).toContain("extraBravo");
    expect(second).toContain("request-Bravo");
    expect(second).not.toContain("request-Alpha");
  });
});
