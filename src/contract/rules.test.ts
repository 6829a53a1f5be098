import { describe, expect, it } from "vitest";
import {
  createExchange,
  errorExchange,
  getExchange,
  graphErrorBody,
  listExchange,
  pass,
  REQUEST_ID,
} from "../../test/conformance/exchange-fixtures.js";
import { operations } from "../spec/index.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkExchange, exchangeContext, exchangeRuleIds, exchangeRules, judge, type Exchange } from "./index.js";

// Exchanges that trip as many rules as possible, so that a gate that hides a finding shows.
const bodies: Array<() => Exchange> = [
  () => getExchange(),
  () =>
    getExchange({
      ...pass({
        id: REQUEST_ID,
        temporaryAccessPass: "Secret!42",
        lifetimeInMinutes: 5,
        isUsable: true,
        methodUsabilityReason: "OneTimeUsed",
        extra: 1,
      }),
    }),
  () =>
    listExchange([
      pass({ temporaryAccessPass: "Secret!42", isUsable: false, methodUsabilityReason: "NotYetValid" }),
      pass({ lifetimeInMinutes: 99999 }),
    ]),
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

const rulesDir = join(import.meta.dirname, "rules");
const ruleFiles = () =>
  readdirSync(rulesDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => f.slice(0, -3));

describe("the rule catalog", () => {
  it("holds every rule file of rules/, once, in stage order", () => {
    const files = ruleFiles();
    expect([...exchangeRuleIds].sort()).toEqual(files.sort());
    const stages = exchangeRules.map((r) => ["transport", "schema", "semantics"].indexOf(r.stage));
    expect(stages.every((s, i) => s >= 0 && (i === 0 || s >= stages[i - 1]!))).toBe(true);
  });

  it("lists them in report order: by stage, then by id", () => {
    const stage = (r: { stage: string }) => ["transport", "schema", "semantics"].indexOf(r.stage);
    const ordered = [...exchangeRules].sort((a, b) => stage(a) - stage(b) || (a.id < b.id ? -1 : 1));
    expect([...exchangeRuleIds]).toEqual(ordered.map((r) => r.id));
  });

  it("names each rule by its file: the default export of rules/<id>.ts has that id", async () => {
    for (const id of ruleFiles()) {
      const rule = ((await import(`./rules/${id}.ts`)) as { default: { id: string } }).default;
      expect(exchangeRules).toContain(rule);
      expect(rule.id).toBe(id);
    }
  });
});

describe("a rule's test", () => {
  // A reader finds a rule's id, gate, messages and test in one place; a new rule without its
  // test fails here.
  it("sits beside every rule file of rules/, as <id>.test.ts", () => {
    const present = new Set(readdirSync(rulesDir));
    expect(ruleFiles().filter((id) => !present.has(`${id}.test.ts`))).toEqual([]);
  });
});

describe("one gate per rule", () => {
  it("checkExchange finds what judging every rule finds, and a rule that does not apply finds nothing", () => {
    let skipped = 0;
    for (const operation of operations) {
      for (const status of statuses) {
        for (const make of bodies) {
          const exchange = { ...make(), operation };
          exchange.response = { ...exchange.response, status };
          const ctx = exchangeContext(exchange, {});
          const all = exchangeRules.flatMap((rule) => {
            const findings = judge(rule, ctx);
            if (!findings) skipped++;
            return (findings ?? []).map((f) => `${rule.id}: ${f.message}`);
          });
          const checked = checkExchange(exchange).map((v) => `${v.check}: ${v.message}`);
          expect(checked).toEqual(all);
        }
      }
    }
    // The gate must actually skip something, or this test proves nothing.
    expect(skipped).toBeGreaterThan(1000);
  });
});
