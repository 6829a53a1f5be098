/**
 * The contract check (schema plus every exchange rule) of 4,096 distinct exchanges, half Get and
 * half List, beside JSON.parse of the same texts (the limit: any check must at least read them);
 * one Get body checked again and again as a best case (no target), beside plain Ajv with full
 * formats (what a user would write instead, schema only).
 */
import { checkExchange, exchangeRuleIds } from "../../src/contract/index.js";
import { microbench, type Contender } from "../support/microbench.js";
import { plainAjvValidator } from "../support/plain-ajv.js";
import { evaluate, type Measurement } from "../support/results.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";
import { distinctGetAndListExchanges, getBodyText, getExchange } from "../support/tap-exchange.js";

export const contractCheckSuite: Suite = {
  id: "contract-check",
  title: "Contract check of distinct Get and List exchanges",
  async run({ quick, log }) {
    const body = JSON.parse(getBodyText) as unknown;
    const exchange = getExchange(body);
    // The benchmark is only honest if the exchange is a clean one: every rule ran to the end.
    const violations = checkExchange(exchange);
    if (violations.length > 0)
      throw new Error(
        `contract-check bench: the sample exchange has violations: ${violations.map((v) => v.check).join(", ")}`,
      );
    const ajv = plainAjvValidator("TemporaryAccessPassAuthenticationMethod");
    if (!ajv(body)) throw new Error("contract-check bench: plain Ajv rejects the sample body");

    // Distinct exchanges, each against JSON.parse of its own text, are what real traffic is.
    const distinct = distinctGetAndListExchanges(4096);
    for (const d of distinct) {
      const found = checkExchange(d.exchange);
      if (found.length > 0)
        throw new Error(
          `contract-check bench: a distinct exchange has violations: ${found.map((v) => v.check).join(", ")}`,
        );
    }
    let nextCheck = 0;
    let nextParse = 0;
    const contenders: Contender[] = [
      { label: `checkExchange (schema + ${exchangeRuleIds.length - 1} more rules)`, fn: () => checkExchange(exchange) },
      { label: "JSON.parse of the body", fn: () => JSON.parse(getBodyText) },
      { label: "plain Ajv 2020 + ajv-formats (full), schema only", fn: () => ajv(body) },
      {
        label: "checkExchange, 4,096 distinct Get and List exchanges in turn",
        fn: () => checkExchange(distinct[nextCheck++ & 4095]!.exchange),
      },
      {
        label: "JSON.parse of those 4,096 distinct bodies in turn",
        fn: () => JSON.parse(distinct[nextParse++ & 4095]!.text),
      },
    ];
    const options = quick
      ? { batch: 2_000, rounds: 5, warmupBatches: 2 }
      : { batch: 20_000, rounds: 15, warmupBatches: 5 };
    log(`contract-check: ${options.rounds} rounds of ${options.batch} per contender`);
    const samples = microbench(contenders, options);
    const measure = (c: Contender): Measurement => {
      const s = samples.get(c.label)!;
      return { label: c.label, unit: "ops/s", better: "higher", median: median(s), samples: s };
    };
    const [ours, limit, peer, oursDistinct, limitDistinct] = contenders.map(measure) as [
      Measurement,
      Measurement,
      Measurement,
      Measurement,
      Measurement,
    ];
    // Where the time goes: each rule alone (context building included), for the notes on any gap.
    const perRule = microbench(
      exchangeRuleIds.map((id) => ({ label: id, fn: () => checkExchange(exchange, { rules: [id] }) })),
      quick ? { batch: 500, rounds: 3, warmupBatches: 1 } : { batch: 5_000, rounds: 7, warmupBatches: 2 },
    );
    const ruleRows = exchangeRuleIds
      .map((id) => [id, Math.round(1e9 / median(perRule.get(id)!))] as [string, number])
      .sort((a, b) => b[1] - a[1]);
    return {
      tables: [
        {
          id: "contract-check-rules",
          title: "Contract check: cost of each rule alone on the same Get exchange",
          columns: ["rule", "ns per call (alone, context building included)"],
          rows: [
            ...ruleRows,
            ["JSON.parse of the body (the limit)", Math.round(1e9 / limit.median)],
            ["all rules together (checkExchange)", Math.round(1e9 / ours.median)],
          ],
          notes: [
            "Each rule run alone through checkExchange({ rules: [id] }), so every row also pays the shared context " +
              "building once; medians of interleaved rounds.",
          ],
        },
      ],
      comparisons: [
        evaluate(
          {
            id: "contract-check-distinct",
            title: "Contract check of 4,096 distinct TAP exchanges (half Get, half List)",
            ours: oursDistinct,
            limit: limitDistinct,
            peers: [],
            missing: [],
            notes: [
              "Every id, request id and timestamp differs between the 4,096 exchanges (Get and List in turn), " +
                "checked in turn; JSON.parse is timed on the same bodies' texts in the same order.",
              "The check receives the parsed body (as the runner and the client hold it after reading the " +
                "response). Validators are precompiled by `npm run generate`; nothing is remembered between " +
                "exchanges.",
            ],
          },
          [{ against: limitDistinct.label, atLeast: 1, text: "at least as fast as JSON.parse of the same texts" }],
        ),
        evaluate(
          {
            id: "contract-check",
            title: "Contract check of one TAP Get body, again and again (best case)",
            ours,
            limit,
            peers: [peer],
            missing: [],
            notes: [
              "A best case with no target: the same body every time, so every branch predicts and every string is " +
                "hot in the cache.",
              "Plain Ajv validates the schema only; checkExchange also runs every semantic, header and envelope rule.",
            ],
          },
          [],
        ),
      ],
    };
  },
};
