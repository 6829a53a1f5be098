/**
 * Runs the selected checks against a live or mock target and returns the finished result. It
 * never prints: reporters render the result, and the progress hook sees events on the way.
 */
import type { Exchange } from "../../src/contract/index.js";
import { UserError } from "../../src/errors.js";
import { toViolation, type Severity } from "../../src/contract/violation.js";
import type { CaseResult, Check, ExchangeCheck, ScenarioCheck } from "../checks/check.js";
import type { Allowlist } from "../policy/allowlist.js";
import { settleRun } from "./settle.js";
import { operationsOf } from "../scenarios/subjects.js";
import { defaultHttpLimits, type HttpLimits } from "../targets/http.js";
import type { Target } from "../targets/target.js";
import type { TokenSource } from "../targets/tokens.js";
import { policyExchangeOptions, readTenantPolicy, type PolicyReading } from "../targets/tenant-policy.js";
import { createCleanups, type Cleanups } from "./cleanups.js";
import { ExchangeTally } from "./exchange-tally.js";
import { explore } from "./explore.js";
import type { ProgressHook } from "./progress.js";
import type { Outcome, RunResult } from "./result.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
import { createSession, type Session } from "./session.js";

export interface RunOptions {
  checks: readonly Check[];
  severityThreshold: Severity;
  allowlist?: Allowlist;
  limits?: HttpLimits;
  retry?: RetryPolicy;
  onProgress?: ProgressHook;
  /** Receives every exchange (for `--record`); it must redact what it keeps. */
  record?: (exchange: Exchange) => void;
  /** "Today" for allowlist expiry; default now. */
  today?: Date;
  /** The tenant's policy, when the caller read it already (to name it in the header); else read here, once. */
  tenantPolicy?: PolicyReading;
  /** What must be undone before the run ends; the caller runs it on signals (default: the run's own). */
  cleanups?: Cleanups;
}

function caseOutcome(check: Check, c: CaseResult): Outcome {
  const outcome: Outcome = {
    check: check.id,
    title: check.title,
    severity: check.severity,
    operation: c.operation,
    ...(c.case !== undefined ? { case: c.case } : {}),
    status: c.status,
    ...(c.message !== undefined ? { message: c.message } : {}),
    violations: [],
  };
  if (c.status === "fail" && c.message !== undefined) {
    outcome.violations.push({ ...toViolation(check, c.operation, { message: c.message }), count: 1 });
  }
  return outcome;
}

/** The first request tells an unreachable target or a bad certificate apart from a bad API: those stop the run. */
async function preflight(session: Session): Promise<void> {
  const [meList] = operationsOf("list", "me");
  const sent = await session.send({ operation: meList! });
  if (!sent.ok && (sent.kind === "unreachable" || sent.kind === "certificate")) {
    throw new UserError(`${session.target.description.location}: ${sent.error}`);
  }
}

async function runScenario(check: ScenarioCheck, session: Session): Promise<Outcome[]> {
  try {
    const cases = await check.run(session);
    return cases.map((c) => caseOutcome(check, c));
  } catch (err) {
    const message = `the check broke: ${err instanceof Error ? err.message : String(err)}`;
    return [caseOutcome(check, { operation: "*", status: "error", message })];
  }
}

export async function runSuite(target: Target, options: RunOptions): Promise<RunResult> {
  const started = new Date();
  const t0 = performance.now();
  const exchangeChecks = options.checks.filter((c): c is ExchangeCheck => c.kind === "exchange");
  const scenarioChecks = options.checks.filter((c): c is ScenarioCheck => c.kind === "scenario");
  const limits = options.limits ?? defaultHttpLimits;
  const tenantPolicy = options.tenantPolicy ?? (await readTenantPolicy({ ...target }, limits));
  const cleanups = options.cleanups ?? createCleanups();
  // The rules judge lifetimes and usability by the tenant's own policy when the run could read it.
  const fromPolicy = policyExchangeOptions(tenantPolicy);
  const tally = new ExchangeTally(exchangeChecks, {
    ...fromPolicy,
    ...target.exchangeOptions,
    policy: { ...fromPolicy.policy, ...target.exchangeOptions.policy },
  });
  // A live run whose every request went without a usable token judged only the 401 probes:
  // it proves nothing about the API, so it must not read as a pass.
  const usable = new Set<string>();
  let tokenBearing = false;
  const tokens: TokenSource = {
    async obtain(spec) {
      const grant = await target.tokens.obtain(spec);
      if ("token" in grant && !spec.expired) usable.add(`Bearer ${grant.token}`);
      return grant;
    },
  };
  const session = createSession(
    { ...target, tokens },
    {
      limits,
      tenantPolicy,
      cleanups,
      retry: options.retry ?? defaultRetryPolicy,
      observe(exchange) {
        const authorization = exchange.request.headers.authorization;
        if (authorization !== undefined && usable.has(authorization)) tokenBearing = true;
        tally.observe(exchange);
        options.record?.(exchange);
      },
    },
  );
  const progress = options.onProgress ?? (() => undefined);
  progress({ kind: "start", checks: options.checks.length });
  await preflight(session);
  await explore(session);

  const byCheck = new Map<string, Outcome[]>();
  let index = 0;
  let undoFailures: string[] = [];
  try {
    for (const check of scenarioChecks) {
      const outcomes = await runScenario(check, session);
      byCheck.set(check.id, outcomes);
      progress({ kind: "check", check: check.id, index: ++index, of: options.checks.length, outcomes });
      progress({ kind: "exchanges", count: tally.exchanges });
    }
  } finally {
    // Each change restores itself; this catches one a broken check left registered.
    undoFailures = await cleanups.runAll();
  }
  if (undoFailures.length > 0) throw new UserError(`the run could not undo its changes: ${undoFailures.join("; ")}`);
  for (const [id, outcomes] of tally.outcomes()) {
    byCheck.set(id, outcomes);
    progress({ kind: "check", check: id, index: ++index, of: options.checks.length, outcomes });
  }
  const raw = options.checks.flatMap((c) => byCheck.get(c.id) ?? []);
  const result = settleRun(raw, {
    target: { ...target.description, lifetimeBounds: tenantPolicy.note },
    started,
    t0,
    checks: options.checks,
    severityThreshold: options.severityThreshold,
    ...(options.allowlist ? { allowlist: options.allowlist } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
  if (target.description.kind === "live" && !tokenBearing && result.exitCode === 0) {
    return {
      ...result,
      exitCode: 2,
      nothingChecked: "no request carried a usable token (only the unauthenticated probes ran)",
    };
  }
  return result;
}
