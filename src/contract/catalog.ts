/**
 * The rule catalog: every exchange rule, in report order. It is generated from the files of
 * `rules/` by `npm run generate` (`generated/rule-catalog.ts`), so no list here can miss a rule.
 */
import { ruleCatalog } from "../../generated/rule-catalog.js";
import type { ExchangeRule } from "./rule.js";

export type ExchangeRuleId = (typeof ruleCatalog)[number]["id"];

export const exchangeRules: ReadonlyArray<ExchangeRule<ExchangeRuleId>> = ruleCatalog;

export const exchangeRuleIds: readonly ExchangeRuleId[] = exchangeRules.map((r) => r.id);

export function isExchangeRuleId(id: string): id is ExchangeRuleId {
  return (exchangeRuleIds as readonly string[]).includes(id);
}
