/**
 * The contract's public entry (`graph-tap-contract/contract`): the rule catalog, the engine that
 * runs it over an exchange, the exchange types and the helpers callers share.
 */
export { exchangeRuleIds, exchangeRules, isExchangeRuleId, type ExchangeRuleId } from "./catalog.js";
export { exchangeContext } from "./context.js";
export { checkExchange, judge } from "./engine.js";
export type { CheckExchangeOptions, Exchange, ExchangeContext } from "./exchange.js";
export type { ExchangeRule, Stage } from "./rule.js";
export { operationLabel, toViolation, type Finding, type Severity, type Violation } from "./violation.js";
export { redactedPass, redactText, redactValue, redactHeaders } from "./redact.js";
export { defaultClockToleranceMs } from "./rules/usability-matches-clock.js";
export { methodIdParam } from "./tables.js";
export { selectedProperties, splitRequestUrl } from "./request-url.js";
