/** `tap-contract check`: the conformance suite against the embedded mock (default) or a live target. */
import { parseArgs } from "node:util";
import { MAX_TIMER_MS } from "../../../src/client/options.js";
import { UsageError } from "../../../src/errors.js";
import { scenarioNames } from "../../../src/mock/index.js";
import { createRecorder, type Recorder } from "../../replay/recorder.js";
import { defaultCleanupMs, defaultConcurrency, RunInterrupted, runSuite } from "../../run/run-suite.js";
import { readTenantPolicy } from "../../targets/tenant-policy.js";
import { defaultHttpLimits } from "../../targets/http.js";
import { liveTarget, missingTokensHint, tokenEnvPrefix } from "../../targets/live.js";
import { startMockTarget } from "../../targets/mock.js";
import type { Target } from "../../targets/target.js";
import { exitCodeOf, type Command, type ExitCode, type StopSignal } from "../command.js";
import {
  commonFlags,
  commonOptionsHelp,
  HELP_COLUMN,
  joinDashValues,
  parseCommonOptions,
  usageFromParseError,
} from "../common-options.js";
import { renderFlags, type FlagTable } from "../flags.js";
import { consoleProgress } from "../progress.js";
import { prepareOutputs, removeEmptyDirectories } from "../outputs.js";
import { runHeader } from "../run-header.js";
import { unmatchedAllowlistLines } from "../../policy/allowlist.js";
import { endOfRunLines, exitAfterReports, nothingCheckedLine, writeReports } from "../write-reports.js";
import { KnownSecrets } from "../../../src/contract/redact.js";

/** The flags only `check` has: the target and what may be done to it. */
const targetFlags = {
  target: {
    type: "string",
    value: "URL",
    description:
      `A Graph v1.0 root (a path ending in /v1.0), e.g. https://graph.microsoft.com/v1.0, or the Global ` +
      `cloud's beta root (https://graph.microsoft.com/beta, judged by the beta contract): https, or http to a ` +
      `loopback host only, and no credentials in the URL (the client's rule: tokens go nowhere else). Tokens come ` +
      `from the environment: ${tokenEnvPrefix}APP, ${tokenEnvPrefix}SELF, ${tokenEnvPrefix}ADMIN (any ` +
      `${tokenEnvPrefix}* name works; the runner reads each token's claims to know what it may do), and/or ` +
      `AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (an application token through @azure/identity). ` +
      `Checks that need a token you did not give are skipped with the reason, never passed; without any token the ` +
      `run does not start, and a run in which no request carried a usable token is "nothing checked" (exit 2).`,
  },
  cloud: {
    type: "string",
    value: "ID",
    defaultText: "from the --target host",
    description: "global, usgov-l4 or usgov-l5. china is refused: the TAP API does not exist there.",
  },
  user: {
    type: "string",
    value: "ID",
    multiple: true,
    description:
      "A user (object id or UPN) whose passes are read; one the target answers 404 for stops the run (exit 2).",
  },
  method: {
    type: "string",
    value: "ID",
    multiple: true,
    description:
      "A pass id (a GUID) of the first --user to Get (needs --user; an id the target does not know stops the run).",
  },
  "allow-writes": {
    type: "boolean",
    description:
      "Allow Create and Delete, and changing the tenant's TAP policy for a probe (put back right after, also on " +
      "Ctrl-C); live targets are read-only without it.",
  },
  "test-user": {
    type: "string",
    value: "ID",
    description: "The one user passes may be created for and deleted (needs --allow-writes).",
  },
  concurrency: {
    type: "string",
    value: "N",
    default: String(defaultConcurrency),
    description:
      "Requests in flight at once (1: one after another). Writes on the test user stay in order whatever N is.",
  },
  timeout: {
    type: "string",
    value: "MS",
    default: String(defaultHttpLimits.timeoutMs),
    description: "Per-request deadline, body included (at most 2147483647, what a timer holds).",
  },
  "max-body": {
    type: "string",
    value: "BYTES",
    default: String(defaultHttpLimits.maxBodyBytes),
    description: "Largest response body read.",
  },
  record: {
    type: "string",
    value: "FILE",
    description: "Write every exchange as NDJSON (tokens and pass values redacted), for `tap-contract replay`.",
  },
  "mock-scenario": {
    type: "string",
    value: "NAMES",
    description:
      `Against the mock: apply contract-breaking scenarios (comma-separated) to see checks fail: ` +
      `${scenarioNames.join(", ")}.`,
  },
} as const satisfies FlagTable;

/** Every flag `check` parses; its help is rendered from the same table. */
const checkFlags = { ...targetFlags, ...commonFlags } as const satisfies FlagTable;

const help = `Usage: tap-contract check [--target URL [--cloud ID]] [options]

Run the conformance checks. Without --target, against the embedded mock started in-process on
an ephemeral port, with tokens minted for every row of the permission tables (the full matrix).

Target:
${renderFlags(targetFlags, HELP_COLUMN)}

${commonOptionsHelp}

Output: a header line on stderr before the first request; progress on stderr (one line
rewritten on a terminal, a line per finished check at most every 5 s elsewhere); at the end the
verdict and totals (when the console reporter is not selected), the coverage (checks judged,
skipped by reason, critical checks not judged), how the test user was left (writes allowed), the
paths of the reports and recording written, and one line per allowlist entry that accepted no
failure. Every output path (--out, --record, $GITHUB_STEP_SUMMARY) is checked before the first
request, and none is written through a symbolic link the run did not create; a report that
cannot be written at the end is one line, and the others are still written. Every token, secret
and passcode the run handles is masked by value in every output (reversed, base64 and escaped
forms too). Before any check, one request per token and a List of every --user and --test-user
(and a Get of every --method) check the setup. The second line says how lifetimes are judged:
by the tenant's TAP policy, read once at the start with a token that may read it (Policy.Read.All
or Policy.Read.AuthenticationMethod, or a policy role), else by the documented bounds
(10..43200 minutes), and why. A check that changes the tenant's TAP policy (only with writes:
the embedded mock, or --allow-writes) runs alone, after the others, and puts the policy back
right after its probe; the run's cleanup puts it back too when the run is interrupted or the
probe breaks, so a run never leaves the policy changed.

Cleanup: every pass the run creates is deleted with a token that may delete it, however the run
ends; then the test user is read back ("left as found", or the pass ids left, which fail the
run). Ctrl-C or SIGTERM stops the run: it sends nothing new, cleans up (within ${defaultCleanupMs / 1000} s), says so on
one line, writes no report, removes an --out folder it made and left empty, and exits 130
(SIGINT) or 143 (SIGTERM); a second signal stops at once.

Exit codes: 0 every counted check passed, 1 a check failed or errored (or an allowlist entry
expired, or a pass the run made was left on the test user), 2 could not start (bad flag,
unreadable allowlist, unwritable output, unreachable target or one that stopped answering, TLS
error, no token for a live target, a token the target refuses, a --user, --test-user or --method
the target does not know), a report of a passing run could not be written, or nothing was
checked (every outcome skipped, or a live run in which no request carried a usable token),
130/143 interrupted.`;

function positiveInt(flag: string, value: string, max = Number.MAX_SAFE_INTEGER, unit = ""): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${flag}: expected a whole number above 0, got "${value}"`);
  if (n > max) throw new UsageError(`--${flag}: expected at most ${max}${unit}, got "${value}"`);
  return n;
}

export async function runCheck(
  argv: string[],
  io: {
    stdout(text: string): void;
    env: Record<string, string | undefined>;
    color: boolean;
    stderr?: NodeJS.WriteStream;
    /** Aborted with the signal's name ("SIGINT", "SIGTERM") to interrupt the run. */
    stop?: AbortSignal;
  },
): Promise<ExitCode> {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinDashValues(argv, checkFlags),
      options: checkFlags,
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usageFromParseError(err, "check");
  }
  const common = parseCommonOptions(values);
  const limits = {
    timeoutMs: positiveInt("timeout", values.timeout, MAX_TIMER_MS, " ms (the longest a timer holds)"),
    maxBodyBytes: positiveInt("max-body", values["max-body"]),
  };
  const concurrency = positiveInt("concurrency", values.concurrency);
  const exchangeOptions = {
    ...(common.clockToleranceMs !== undefined ? { clockToleranceMs: common.clockToleranceMs } : {}),
    ...(common.passLength !== undefined ? { passLength: common.passLength } : {}),
  };
  const madeDirs = prepareOutputs(common.reporters, common.out, io.env, values.record);
  // Every token, secret and passcode this run handles: masked by value in every output.
  const secrets = new KnownSecrets();
  let target: Target;
  if (values.target === undefined) {
    for (const flag of ["cloud", "user", "method", "test-user", "allow-writes"] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} needs --target: the embedded mock has its own users and writes freely`);
    }
    const scenarios =
      values["mock-scenario"]
        ?.split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "") ?? [];
    const unknown = scenarios.filter((s) => !(scenarioNames as readonly string[]).includes(s));
    if (unknown.length > 0)
      throw new UsageError(
        `--mock-scenario: unknown scenario ${unknown.map((s) => `"${s}"`).join(", ")}: expected some of ` +
          `${scenarioNames.join(", ")}`,
      );
    const mock = await startMockTarget({ scenarios });
    target = { ...mock, exchangeOptions: { ...mock.exchangeOptions, ...exchangeOptions } };
  } else {
    if (values["mock-scenario"] !== undefined)
      throw new UsageError("--mock-scenario applies only to the embedded mock (no --target)");
    target = await liveTarget({
      url: values.target,
      ...(values.cloud !== undefined ? { cloud: values.cloud } : {}),
      env: io.env,
      users: values.user ?? [],
      methods: values.method ?? [],
      ...(values["test-user"] !== undefined ? { testUser: values["test-user"] } : {}),
      allowWrites: values["allow-writes"] ?? false,
      exchangeOptions,
      secrets,
    });
  }
  let recorder: Recorder | undefined;
  const stderr = io.stderr ?? process.stderr;
  try {
    if (values.record !== undefined) recorder = createRecorder(values.record, secrets);
    const progress = io.stderr ? consoleProgress(io.stderr) : undefined;
    if (io.stderr) io.stderr.write(`${runHeader("check", target.description, common.checks.length)}\n`);
    // Read once: the rules judge lifetimes by it, and the header says which bounds they use.
    const tenantPolicy = await readTenantPolicy(target, limits);
    if (io.stderr) io.stderr.write(`tap-contract check: ${tenantPolicy.note}\n`);
    const result = await runSuite(target, {
      tenantPolicy,
      checks: common.checks,
      severityThreshold: common.severity,
      ...(common.allowlist ? { allowlist: common.allowlist } : {}),
      limits,
      concurrency,
      ...(io.stop ? { stop: io.stop } : {}),
      ...(progress ? { onProgress: progress } : {}),
      ...(recorder ? { record: (e) => recorder!.write(e) } : {}),
      secrets,
    });
    await recorder?.close();
    recorder = undefined;
    const reports = await writeReports(result, common.reporters, common.out, io, secrets);
    const written = [...reports.written, ...(values.record !== undefined ? [values.record] : [])];
    const ending = endOfRunLines("check", result, written, common.reporters.includes("console"));
    const nothing = nothingCheckedLine(result, `${missingTokensHint}.`);
    for (const line of [...ending, ...(nothing ? [`tap-contract check: ${nothing}`] : [])]) stderr.write(`${line}\n`);
    for (const line of reports.failures) stderr.write(`tap-contract check: ${line}\n`);
    for (const line of unmatchedAllowlistLines(common.allowlist, result)) stderr.write(`tap-contract check: ${line}\n`);
    return exitAfterReports(result, reports);
  } catch (err) {
    if (!(err instanceof RunInterrupted)) throw err;
    const signal: StopSignal = io.stop?.reason === "SIGTERM" ? "SIGTERM" : "SIGINT";
    await recorder?.close().catch(() => undefined);
    recorder = undefined;
    removeEmptyDirectories(madeDirs);
    stderr.write(`\ntap-contract check: interrupted (${signal}): the run did not finish and wrote no report\n`);
    if (err.cleanup) stderr.write(`tap-contract check: ${err.cleanup.line}\n`);
    return exitCodeOf({ kind: "interrupted", signal });
  } finally {
    await recorder?.close().catch(() => undefined);
    await target.close();
  }
}

export const checkCommand: Command = {
  name: "check",
  summary: "run the conformance checks against the embedded mock or a live Graph",
  help,
  flags: checkFlags,
  run: (argv, context) =>
    runCheck(argv, {
      stdout: (text) => process.stdout.write(text),
      env: process.env,
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      stderr: process.stderr,
      ...(context?.stop ? { stop: context.stop } : {}),
    }),
};
