/**
 * Folds every observed exchange into per-(check, operation) outcomes for the exchange checks,
 * in memory bounded by the catalog, not by the traffic: violations are deduplicated and capped.
 */
import {
  exchangeContext,
  judge,
  operationLabel,
  toViolation,
  type CheckExchangeOptions,
  type Exchange,
} from "../../src/contract/index.js";
import type { KnownSecrets } from "../../src/contract/redact.js";
import type { Violation } from "../../src/contract/violation.js";
import { batchOperation, servedOperations } from "../../src/spec/index.js";
import type { ExchangeCheck } from "../checks/check.js";
import { sampleOf, type ExchangeSample } from "./exchange-sample.js";
import type { Outcome } from "./result.js";

/** Distinct violations kept per (check, operation); the rest are only counted. */
export const maxDistinctViolations = 20;
/**
 * Exchanges kept as samples per (check, operation): a violation first seen in a later exchange
 * is kept without one. Violations first seen in the same exchange share its one sample.
 */
export const maxSamplesPerOutcome = 5;
/** Characters kept of a finding's message and path (a received value can be a whole body). */
export const maxFindingChars = 2000;

const cut = (text: string) =>
  text.length > maxFindingChars
    ? `${text.slice(0, maxFindingChars)}… (${text.length - maxFindingChars} more characters)`
    : text;

interface Cell {
  exchanges: number;
  violations: Map<string, Violation & { count: number; exchange?: ExchangeSample }>;
  omitted: number;
  samples: number;
  /** The first exchange that broke the check here, redacted: what the reports show. */
  sample?: ExchangeSample;
}

export class ExchangeTally {
  readonly #cells = new Map<string, Map<string, Cell>>();
  #seen = 0;

  constructor(
    private readonly checks: readonly ExchangeCheck[],
    private readonly options: CheckExchangeOptions = {},
    /** The run's secrets, masked by value in every sample. */
    private readonly secrets?: KnownSecrets,
  ) {
    for (const check of checks) this.#cells.set(check.id, new Map());
  }

  get exchanges(): number {
    return this.#seen;
  }

  observe(exchange: Exchange, options?: CheckExchangeOptions): void {
    this.#seen++;
    const ctx = exchangeContext(exchange, options ? { ...this.options, ...options } : this.options);
    const label = operationLabel(exchange.operation);
    for (const check of this.checks) {
      const findings = judge(check.rule, ctx);
      if (!findings) continue;
      const byOperation = this.#cells.get(check.id)!;
      let cell = byOperation.get(label);
      if (!cell) {
        cell = { exchanges: 0, violations: new Map(), omitted: 0, samples: 0 };
        byOperation.set(label, cell);
      }
      cell.exchanges++;
      if (findings.length === 0) continue;
      // Taken once per exchange and check, and only when one of its violations is new: each
      // distinct violation is shown beside the exchange that first broke the rule that way.
      let sample: ExchangeSample | undefined;
      const take = () => {
        if (sample === undefined && cell.samples < maxSamplesPerOutcome) {
          sample = sampleOf(exchange, this.secrets);
          cell.samples++;
        }
        return sample;
      };
      if (!cell.sample) cell.sample = take();
      for (const found of findings) {
        // An inner request of a batch names the batch and its id in every message.
        const message = exchange.via ? `${found.message} (in ${exchange.via})` : found.message;
        const finding = {
          ...found,
          message: cut(message),
          ...(found.instancePath !== undefined ? { instancePath: cut(found.instancePath) } : {}),
        };
        // Rule (this cell), keyword, path with indices folded, and the defect's key: the same defect
        // in many exchanges (each with its own ids in the message) is one violation with a count.
        const path = (finding.instancePath ?? "").replace(/\/\d+(?=\/|$)/g, "/*");
        const key = `${finding.keyword ?? ""}\n${path}\n${found.key ?? finding.message}`;
        const known = cell.violations.get(key);
        if (known) known.count++;
        else if (cell.violations.size < maxDistinctViolations) {
          const shown = take();
          cell.violations.set(key, {
            ...toViolation(check, label, finding),
            count: 1,
            ...(shown ? { exchange: shown } : {}),
          });
        } else cell.omitted++;
      }
    }
  }

  /** One outcome per check and operation it judged; a check that judged nothing is one skip. */
  outcomes(skipReason = "no exchange this check applies to was observed"): Map<string, Outcome[]> {
    const order = [...servedOperations, batchOperation].map(operationLabel);
    const out = new Map<string, Outcome[]>();
    for (const check of this.checks) {
      const byOperation = this.#cells.get(check.id)!;
      const base = { check: check.id, title: check.title, severity: check.severity };
      if (byOperation.size === 0) {
        out.set(check.id, [
          { ...base, operation: "*", status: "skip", message: skipReason, violations: [], exchanges: 0 },
        ]);
        continue;
      }
      const labels = [...byOperation.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      out.set(
        check.id,
        labels.map((operation) => {
          const cell = byOperation.get(operation)!;
          const violations = [...cell.violations.values()];
          const failed = violations.length > 0;
          const outcome: Outcome = {
            ...base,
            operation,
            status: failed ? "fail" : "pass",
            violations,
            exchanges: cell.exchanges,
          };
          if (failed) {
            const total = violations.reduce((n, v) => n + v.count, 0) + cell.omitted;
            outcome.message =
              `${violations[0]!.message}` +
              `${total > 1 ? `\n(${total} violations in ${cell.exchanges} exchanges)` : ""}`;
            if (cell.sample) outcome.exchange = cell.sample;
          }
          return outcome;
        }),
      );
    }
    return out;
  }
}
