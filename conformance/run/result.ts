/**
 * The finished result of a run: what every reporter renders and what the exit code is computed
 * from. Its JSON form is the `json` reporter's documented, stable shape (`schemaVersion` 1).
 */
import type { Severity, Violation } from "../../src/contract/violation.js";
import type { ExchangeSample } from "./exchange-sample.js";
import type { Coverage } from "./coverage.js";
import type { CleanupResult } from "./leave-as-found.js";

export type OutcomeStatus = "pass" | "fail" | "error" | "skip";

/** A known deviation that turned a fail into an accepted one (see the allowlist). */
export interface Waiver {
  reason: string;
  /** `YYYY-MM-DD`, the last day the waiver holds. */
  expires: string;
}

/** One check's verdict on one operation (and, for scenario checks, one case of it). */
export interface Outcome {
  check: string;
  title: string;
  severity: Severity;
  /** `METHOD /path/template`. */
  operation: string;
  /** The case within the operation (e.g. `application, acting on others`), when there are several. */
  case?: string;
  status: OutcomeStatus;
  /** Why it was skipped or errored; for fails, the first violation's message. */
  message?: string;
  /**
   * Violations behind a fail, deduplicated; `count` says how many times each was seen, and
   * `exchange` (exchange checks) is the first request and response that showed it, redacted.
   */
  violations: Array<Violation & { count: number; exchange?: ExchangeSample }>;
  /** How many exchanges the check judged for this outcome (exchange checks). */
  exchanges?: number;
  /** Fails of exchange checks: the first request and response that broke the check, redacted. */
  exchange?: ExchangeSample;
  /** Set when an allowlist entry accepts this fail. */
  waived?: Waiver;
  /** A fail below the `--severity` threshold: reported, but not counted for the exit code. */
  belowThreshold?: boolean;
}

export interface TargetDescription {
  kind: "mock" | "live" | "replay";
  /** Base URL for mock and live, the file for replay. */
  location: string;
  cloud?: string;
  readOnly: boolean;
  /**
   * How lifetimes were judged: by the tenant's TAP policy (its range, where it was read), or the documented bounds and
   * why.
   */
  lifetimeBounds?: string;
}

export interface Totals {
  total: number;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  /** Fails accepted by the allowlist (counted apart from `fail`). */
  waived: number;
}

export interface RunResult {
  schemaVersion: 1;
  tool: { name: "tap-contract"; version: string };
  target: TargetDescription;
  startedAt: string;
  durationMs: number;
  /** The checks that were selected, in catalog order. */
  checks: string[];
  severityThreshold: Severity;
  outcomes: Outcome[];
  totals: Totals;
  /** What was judged: checks judged, skipped outcomes by reason, critical checks not judged. */
  coverage?: Coverage;
  /** Allowlist entries past their expiry date: each one fails the run. */
  expiredWaivers: Array<Waiver & { check: string; operation?: string }>;
  /**
   * Replay only: exchanges read, how many matched no TAP operation, and how many were skipped
   * unjudged for being over the replay limits (the first one named).
   */
  recording?: { exchanges: number; ignored: number; skipped?: number; firstSkipped?: string };
  /**
   * What the run undid and how it left the test user (runs that could write, or whose cleanup
   * failed). `clean: false` fails the run.
   */
  cleanup?: CleanupResult;
  /** Why a run exits 2 though not every outcome was skipped (a live run without a usable token). */
  nothingChecked?: string;
  /** 0 passed, 1 failed or errored, 2 nothing was checked (every outcome skipped, or `nothingChecked`). */
  exitCode: 0 | 1 | 2;
}
