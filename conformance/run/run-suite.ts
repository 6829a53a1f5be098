/**
 * Runs the selected checks against a live or mock target and returns the finished result. It
 * never prints: reporters render the result, and the progress hook sees events on the way.
 */
import { setMaxListeners } from "node:events";
import type { Exchange } from "../../src/contract/index.js";
import { learnSecrets, type KnownSecrets } from "../../src/contract/redact.js";
import { UserError } from "../../src/errors.js";
import { CleanupRegistry } from "./cleanup.js";
import { leaveAsFound, type CleanupResult } from "./leave-as-found.js";
import { passLedger } from "./pass-ledger.js";
import { preflight } from "./preflight.js";
import { toViolation, type Severity } from "../../src/contract/violation.js";
import type { CaseResult, Check, ExchangeCheck, ScenarioCheck } from "../checks/check.js";
import type { Allowlist } from "../policy/allowlist.js";
import { settleRun } from "./settle.js";
import { defaultHttpLimits, type HttpLimits } from "../targets/http.js";
import type { Target } from "../targets/target.js";
import type { TokenSource } from "../targets/tokens.js";
import { policyExchangeOptions, readTenantPolicy, type PolicyReading } from "../targets/tenant-policy.js";
import { ExchangeTally } from "./exchange-tally.js";
import { explore } from "./explore.js";
import type { ProgressHook } from "./progress.js";
import { exitCodeOf } from "./exit-code.js";
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
  /** Requests in flight at once (default `defaultConcurrency`). */
  concurrency?: number;
  /** Aborted on Ctrl-C or SIGTERM: the run stops sending, cleans up and throws `RunInterrupted`. */
  stop?: AbortSignal;
  /** How long cleanup (and reading the test user back) may take in all; default `defaultCleanupMs`. */
  cleanupMs?: number;
  /** Receives every token this run sends and every passcode a Create returns, before anything is written. */
  secrets?: KnownSecrets;
  /** The tenant's policy, when the caller read it already (to name it in the header); else read here, once. */
  tenantPolicy?: PolicyReading;
}

/**
 * Requests in flight at once by default. A whole run is some 60 requests; 8 at a time at Graph's
 * usual 100-300 ms is at most some 80 requests a second for under a second or two, well inside
 * the identity and access limits for one app in one tenant (3,500 resource units per 10 s in the
 * smallest tenants, a request costing 1 unless listed; learn.microsoft.com/graph/throttling-limits).
 */
export const defaultConcurrency = 8;

/** Cleanup's whole deadline by default: a few requests' worth, so an interrupt ends promptly. */
export const defaultCleanupMs = 15_000;

/** The run was stopped by a signal; it cleaned up first and says how that went. */
export class RunInterrupted extends Error {
  override name = "RunInterrupted";
  constructor(readonly cleanup: CleanupResult | undefined) {
    super("the run was interrupted");
  }
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

async function runScenario(check: ScenarioCheck, session: Session): Promise<Outcome[]> {
  try {
    const cases = await check.run(session);
    return cases.map((c) => caseOutcome(check, c));
  } catch (err) {
    const message = `the check broke: ${err instanceof Error ? err.message : String(err)}`;
    return [caseOutcome(check, { operation: "*", status: "error", message })];
  }
}

/** The scenario checks, those that may share the target with others at once, then each exclusive one alone. */
async function runScenarios(
  session: Session,
  checks: readonly ScenarioCheck[],
  done: (check: ScenarioCheck, outcomes: Outcome[]) => void,
): Promise<void> {
  const shared = checks.filter((c) => !c.exclusive);
  await Promise.all([explore(session), ...shared.map(async (check) => done(check, await runScenario(check, session)))]);
  for (const check of checks.filter((c) => c.exclusive)) done(check, await runScenario(check, session));
}

export async function runSuite(target: Target, options: RunOptions): Promise<RunResult> {
  const started = new Date();
  const t0 = performance.now();
  const exchangeChecks = options.checks.filter((c): c is ExchangeCheck => c.kind === "exchange");
  const scenarioChecks = options.checks.filter((c): c is ScenarioCheck => c.kind === "scenario");
  const limits = options.limits ?? defaultHttpLimits;
  const tenantPolicy = options.tenantPolicy ?? (await readTenantPolicy({ ...target }, limits));
  // The rules judge lifetimes and usability by the tenant's own policy when the run could read it.
  const fromPolicy = policyExchangeOptions(tenantPolicy);
  const tally = new ExchangeTally(
    exchangeChecks,
    {
      ...fromPolicy,
      ...target.exchangeOptions,
      policy: { ...fromPolicy.policy, ...target.exchangeOptions.policy },
    },
    options.secrets,
  );
  // A live run whose every request went without a usable token judged only the 401 probes:
  // it proves nothing about the API, so it must not read as a pass.
  const usable = new Set<string>();
  let tokenBearing = false;
  const tokens: TokenSource = {
    async obtain(spec) {
      const grant = await target.tokens.obtain(spec);
      if ("token" in grant) options.secrets?.add(grant.token);
      if ("token" in grant && !spec.expired) usable.add(`Bearer ${grant.token}`);
      return grant;
    },
  };
  // The run's own stop: a signal from outside, or a target that stopped answering.
  const halt = new AbortController();
  const concurrency = options.concurrency ?? defaultConcurrency;
  // Each read in flight listens for the stop: as many listeners as requests at once, not a leak.
  setMaxListeners(concurrency + 10, halt.signal);
  let stalled: string | undefined;
  const onStop = () => halt.abort();
  options.stop?.addEventListener("abort", onStop, { once: true });
  if (options.stop?.aborted) halt.abort();
  let session: Session | undefined;
  const ledger = passLedger(() => session!);
  session = createSession(
    { ...target, tokens },
    {
      limits,
      tenantPolicy,
      retry: options.retry ?? defaultRetryPolicy,
      concurrency,
      stop: halt.signal,
      cleanup: new CleanupRegistry(),
      onStalled(reason) {
        stalled = reason;
        halt.abort();
      },
      observe(exchange) {
        const authorization = exchange.request.headers.authorization;
        if (authorization !== undefined && usable.has(authorization)) tokenBearing = true;
        ledger(exchange);
        if (options.secrets) learnSecrets(exchange, options.secrets);
        tally.observe(exchange);
        options.record?.(exchange);
      },
    },
  );
  const progress = options.onProgress ?? (() => undefined);
  progress({ kind: "start", checks: options.checks.length });

  const byCheck = new Map<string, Outcome[]>();
  let index = 0;
  let found: string[] | undefined;
  let cleanup: CleanupResult | undefined;
  let failure: unknown;
  try {
    found = await preflight(session);
    await runScenarios(session, scenarioChecks, (check, outcomes) => {
      byCheck.set(check.id, outcomes);
      progress({ kind: "check", check: check.id, index: ++index, of: options.checks.length, outcomes });
      progress({ kind: "exchanges", count: tally.exchanges });
    });
  } catch (err) {
    failure = err;
  } finally {
    options.stop?.removeEventListener("abort", onStop);
    cleanup = await leaveAsFound(session, found, options.cleanupMs ?? defaultCleanupMs);
  }
  // A setup error found before the interrupt (or before the target stalled) is the run's answer.
  if (failure !== undefined && (!halt.signal.aborted || stalled !== undefined)) throw failure;
  if (stalled !== undefined) {
    throw new UserError(
      `${target.description.location} stopped answering (${stalled}); the run ended early` +
        `${cleanup ? `; ${cleanup.line}` : ""}`,
    );
  }
  if (halt.signal.aborted) throw new RunInterrupted(cleanup);
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
  if (cleanup) result.cleanup = cleanup;
  const failing = result.exitCode === 1 || cleanup?.clean === false;
  const noToken = target.description.kind === "live" && !tokenBearing && !failing && result.exitCode === 0;
  const exitCode = exitCodeOf({ kind: "judged", failing, nothingJudged: result.exitCode === 2 || noToken }) as
    | 0
    | 1
    | 2;
  return {
    ...result,
    exitCode,
    ...(noToken ? { nothingChecked: "no request carried a usable token (only the unauthenticated probes ran)" } : {}),
  };
}
