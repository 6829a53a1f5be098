import { describe, expect, it } from "vitest";
import {
  createExchange,
  errorExchange,
  getExchange,
  graphErrorBody,
  listExchange,
  pass,
  REQUEST_ID,
} from "../../../test/conformance/exchange-fixtures.js";
import { operations } from "../../spec/index.js";
import { checkExchange, exchangeContext, exchangeRules, type Exchange } from "./index.js";

// Exchanges that trip as many rules as possible, so that a wrong `runsFor` shows as a lost finding.
const bodies: Array<() => Exchange> = [
  () => getExchange(),
  () => getExchange({ ...pass({ id: REQUEST_ID, temporaryAccessPass: "Secret!42", lifetimeInMinutes: 5, isUsable: true, methodUsabilityReason: "OneTimeUsed", extra: 1 }) }),
  () => listExchange([pass({ temporaryAccessPass: "Secret!42", isUsable: false, methodUsabilityReason: "NotYetValid" }), pass({ lifetimeInMinutes: 99999 })]),
  () => createExchange(""),
  () => errorExchange(500, { message: "not an envelope" }),
  () => errorExchange(429, graphErrorBody("TooManyRequests", "x")),
  () => {
    const e = getExchange();
    e.response = { status: 200, headers: { "content-type": "text/plain" }, bodyText: "<html>" };
    return e;
  },
  () => {
    const e = getExchange();
    e.response = { status: 200, headers: {}, body: undefined };
    return e;
  },
];

const statuses = [200, 201, 204, 400, 401, 403, 404, 418, 429, 500, 503];

describe("runsFor", () => {
  it("is false only where run finds nothing, on every operation and status", () => {
    let skipped = 0;
    for (const operation of operations) {
      for (const status of statuses) {
        for (const make of bodies) {
          const exchange = { ...make(), operation };
          exchange.response = { ...exchange.response, status };
          const ctx = exchangeContext(exchange, {});
          for (const rule of Object.values(exchangeRules)) {
            if (!rule.runsFor || rule.runsFor(operation, status)) continue;
            skipped++;
            expect(rule.run(ctx), `${rule.id} on ${operation.operationId} ${status}`).toEqual([]);
          }
        }
      }
    }
    // The shortcut must actually skip something, or this test proves nothing.
    expect(skipped).toBeGreaterThan(1000);
  });

  it("checkExchange finds what calling every rule finds", () => {
    for (const operation of operations) {
      for (const status of statuses) {
        for (const make of bodies) {
          const exchange = { ...make(), operation };
          exchange.response = { ...exchange.response, status };
          const ctx = exchangeContext(exchange, {});
          const all = Object.values(exchangeRules).flatMap((rule) => rule.run(ctx).map((f) => `${rule.id}: ${f.message}`));
          const checked = checkExchange(exchange).map((v) => `${v.check}: ${v.message}`);
          expect(checked).toEqual(all);
        }
      }
    }
  });
});
