/** The shape of a pure single-exchange rule. Each lives in its own file named by its id. */
import type { TapOperation } from "../../spec/operations.js";
import type { Finding, Severity } from "../violation.js";
import type { ExchangeContext } from "./exchange.js";

export interface ExchangeRule<Id extends string = string> {
  id: Id;
  /** A fixed short noun phrase: what is wrong when the rule finds something. */
  title: string;
  severity: Severity;
  /** One paragraph: what the rule verifies and why it matters. */
  description: string;
  /** Findings for this exchange; empty when the rule passes or does not apply. Called without `this`. */
  run(ctx: ExchangeContext): Finding[];
  /** Whether the rule has anything to say about this exchange (for pass vs skip in reports). */
  appliesTo(ctx: ExchangeContext): boolean;
  /**
   * False when `run` finds nothing on any exchange of this operation and status, whatever the
   * headers and body: `checkExchange` then never calls it for that pair. Omitted: always called.
   * Only a shortcut: `run` still checks its own conditions, for callers that call it directly.
   */
  runsFor?(operation: TapOperation, status: number): boolean;
}

/** Identity helper that keeps the id a literal type. */
export function defineRule<const Id extends string>(rule: ExchangeRule<Id>): ExchangeRule<Id> {
  return rule;
}

/** The shared "nothing found": frozen, so a caller that tried to add to it would fail loudly. */
export const none: Finding[] = Object.freeze([]) as unknown as Finding[];
