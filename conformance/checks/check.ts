/** The two kinds of conformance check and their shared description. */
import type { ExchangeRule } from "../../src/contract/index.js";
import type { Severity } from "../../src/contract/violation.js";
import type { Session } from "../run/session.js";
import type { OutcomeStatus } from "../run/result.js";

export interface CheckInfo<Id extends string = string> {
  /** Kebab-case; the file name, the CLI value and the JUnit classname. */
  id: Id;
  title: string;
  severity: Severity;
  /** One paragraph, shown by `tap-contract checks`. */
  description: string;
}

/** Judges every exchange the run observes (or a recording holds) with one pure contract rule. */
export interface ExchangeCheck<Id extends string = string> extends CheckInfo<Id> {
  kind: "exchange";
  rule: ExchangeRule<Id>;
}

/** One verdict of a scenario check. */
export interface CaseResult {
  operation: string;
  case?: string;
  status: OutcomeStatus;
  /** `Received: … / Expected: …` for fails; the reason for skips and errors. */
  message?: string;
}

/** Sends its own requests (a token without permission, a second Create, …) and judges the answers. */
export interface ScenarioCheck<Id extends string = string> extends CheckInfo<Id> {
  kind: "scenario";
  run(session: Session): Promise<CaseResult[]>;
  /**
   * Runs alone, after the others: it changes tenant-wide state (the TAP policy) that the answers
   * to other probes depend on.
   */
  exclusive?: boolean;
}

export type Check<Id extends string = string> = ExchangeCheck<Id> | ScenarioCheck<Id>;

/** The conformance check that runs a contract rule: same id, title, severity and description. */
export function exchangeCheck<const Id extends string>(rule: ExchangeRule<Id>): ExchangeCheck<Id> {
  return {
    kind: "exchange",
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    description: rule.description,
    rule,
  };
}

export function scenarioCheck<const Id extends string>(check: Omit<ScenarioCheck<Id>, "kind">): ScenarioCheck<Id> {
  return { kind: "scenario", ...check };
}
