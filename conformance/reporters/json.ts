/**
 * The machine report: the `RunResult` as JSON (see conformance/run/result.ts and the README for
 * the shape; `schemaVersion` changes only on a breaking change). Redacted value by value, so it
 * is valid JSON whatever the bodies held; an exchange sample shown twice in one outcome is
 * written once, and then as a JSON Reference (`{"$ref": "#/outcomes/3/exchange"}`).
 */
import { redactValue } from "../../src/contract/redact.js";
import type { RunResult } from "../run/result.js";
import type { Reporter } from "./reporter.js";

/** The result with each repeated exchange sample of an outcome replaced by a reference to its first place. */
export function sharedSamples(result: RunResult): unknown {
  return {
    ...result,
    outcomes: result.outcomes.map((o, i) => {
      const seen = new Map<object, string>();
      if (o.exchange) seen.set(o.exchange, `#/outcomes/${i}/exchange`);
      if (!o.violations.some((v) => v.exchange)) return o;
      return {
        ...o,
        violations: o.violations.map((v, j) => {
          if (!v.exchange) return v;
          const ref = seen.get(v.exchange);
          if (ref) return { ...v, exchange: { $ref: ref } };
          seen.set(v.exchange, `#/outcomes/${i}/violations/${j}/exchange`);
          return v;
        }),
      };
    }),
  };
}

export const jsonReporter: Reporter = {
  name: "json",
  description: "the whole result as JSON, written to OUT/tap-contract.json",
  render(result, env) {
    const clean = redactValue(sharedSamples(result), { secrets: env.secrets });
    return { files: [{ name: "tap-contract.json", text: `${JSON.stringify(clean, null, 2)}\n` }] };
  },
};
