/**
 * The shape of an exchange rule. Each rule lives in its own file in `rules/`, named by its id,
 * as that file's default export, and is registered once in `catalog.ts` (its test fails for a
 * file left out).
 */
import type { ExchangeContext } from "./exchange.js";
import type { Finding, Severity } from "./violation.js";

/** Where a rule sits in reports: transport and envelope first, then the schema, then semantics. */
export type Stage = "transport" | "schema" | "semantics";

export interface ExchangeRule<Id extends string = string> {
  id: Id;
  /** A fixed short noun phrase: what is wrong when the rule finds something. */
  title: string;
  severity: Severity;
  stage: Stage;
  /** One paragraph: what the rule verifies and why it matters. */
  description: string;
  /**
   * The rule's one gate: whether it has anything to say about this exchange. False is a skip in
   * reports, true a pass or a fail; `run` is called only where it is true.
   */
  appliesTo(ctx: ExchangeContext): boolean;
  /** Findings for an exchange the rule applies to; empty when it passes. Called without `this`. */
  run(ctx: ExchangeContext): Finding[];
}

/** Identity helper that keeps the id a literal type. */
export function defineRule<const Id extends string>(rule: ExchangeRule<Id>): ExchangeRule<Id> {
  return rule;
}

/** The shared "nothing found": frozen, so a caller that tried to add to it would fail loudly. */
export const none: Finding[] = Object.freeze([]) as unknown as Finding[];
