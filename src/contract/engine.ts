/**
 * The engine: runs the catalog's rules over one exchange. Pure and stateless: no I/O, nothing
 * remembered between calls, never throws for a contract problem.
 */
import { exchangeRules } from "./catalog.js";
import { exchangeContext } from "./context.js";
import type { CheckExchangeOptions, Exchange, ExchangeContext } from "./exchange.js";
import type { ExchangeRule } from "./rule.js";
import { operationLabel, toViolation, type Finding, type Violation } from "./violation.js";

/** One rule on one exchange: undefined when the rule does not apply (a skip), else its findings. */
export function judge(rule: ExchangeRule, ctx: ExchangeContext): Finding[] | undefined {
  return rule.appliesTo(ctx) ? rule.run(ctx) : undefined;
}

/**
 * Every rule (or `options.rules`) that needs only this one request/response pair, as violations
 * (empty = the exchange honours the contract).
 */
export function checkExchange(exchange: Exchange, options: CheckExchangeOptions = {}): Violation[] {
  const ctx = exchangeContext(exchange, options);
  const only = options.rules;
  let out: Violation[] | undefined;
  for (const rule of exchangeRules) {
    if (only && !only.includes(rule.id)) continue;
    const findings = judge(rule, ctx);
    if (!findings || findings.length === 0) continue;
    const label = operationLabel(exchange.operation);
    for (const finding of findings) (out ??= []).push(toViolation(rule, label, finding));
  }
  return out ?? [];
}
