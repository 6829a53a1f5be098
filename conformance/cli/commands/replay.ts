/** `tap-contract replay FILE`: the exchange checks over recorded traffic (HAR 1.2 or NDJSON), streamed. */
import { parseArgs } from "node:util";
import { UsageError } from "../../../src/errors.js";
import { limitsHelp } from "../../replay/limits.js";
import { replayRecording, type RecordingFormat } from "../../replay/replay.js";
import type { Command, ExitCode } from "../command.js";
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
import { prepareOutputs } from "../outputs.js";
import { runHeader } from "../run-header.js";
import { unmatchedAllowlistLines } from "../../policy/allowlist.js";
import { endOfRunLines, exitAfterReports, nothingCheckedLine, writeReports } from "../write-reports.js";
import { KnownSecrets } from "../../../src/contract/redact.js";

const formatFlags = {
  format: {
    type: "string",
    value: "har|ndjson",
    defaultText: "by extension: .har, .ndjson or .jsonl, else by content",
    description: "The recording's format.",
  },
} as const satisfies FlagTable;

const help = `Usage: tap-contract replay FILE [--format har|ndjson] [options]

Check recorded traffic with every check that needs no new request (schema, envelope, headers,
the semantics of each body). Checks that need their own requests (authorization, a second
Create, ...) are reported as skipped. The file is streamed: a million exchanges run in constant
memory. Requests that are not TAP calls are counted and ignored. A JSON batch (POST …/$batch)
is unpacked: its envelope is judged as POST /$batch, each inner TAP exchange by the same rules,
its findings naming the batch entry and the inner request id.

Formats:
  HAR 1.2                 as browsers, Dev Proxy and Redocly's proxy write it (log.entries).
  NDJSON                  one exchange per line: {"request": {"method", "url", "headers",
                          "body"?}, "response": {"status", "headers", "body"? | "bodyText"?},
                          "startedAt"?}, as \`tap-contract check --record FILE\` writes it.
${renderFlags(formatFlags, HELP_COLUMN)}

Limits: each entry costs bounded work. An entry over a limit is skipped, not judged, and
counted in the report ("N skipped over the replay limits", naming the first one):
  ${limitsHelp}.
Passcodes, tokens, cookies and secrets are masked in every report, JSON or not: by key, by
pattern, and by value (a token or passcode the recording holds, wherever it reappears). A byte
order mark is allowed at the start of either format. A report that cannot be written is one
line on stderr; the others are still written.

${commonOptionsHelp}

Exit codes: 0 every counted check passed, 1 a check failed (or an allowlist entry expired),
2 could not start (bad flag, unreadable or invalid recording: the message names the entry, or
a report of a passing run could not be written) or
nothing was checked (the recording holds no TAP calls).`;

/** Every flag `replay` parses; its help is rendered from the same table. */
const replayFlags = { ...formatFlags, ...commonFlags } as const satisfies FlagTable;

export async function runReplay(
  argv: string[],
  io: {
    stdout(text: string): void;
    env: Record<string, string | undefined>;
    color: boolean;
    stderr?: NodeJS.WriteStream;
  },
): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinDashValues(argv, replayFlags),
      options: replayFlags,
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    usageFromParseError(err, "replay");
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(
      `expected one recording FILE, got ${positionals.length === 0 ? "none" : positionals.join(" ")}`,
    );
  const format = values.format as RecordingFormat | undefined;
  if (format !== undefined && format !== "har" && format !== "ndjson")
    throw new UsageError(`--format: expected har or ndjson, got "${values.format}"`);
  const common = parseCommonOptions(values);
  prepareOutputs(common.reporters, common.out, io.env);
  const stderr = io.stderr ?? process.stderr;
  const progress = io.stderr ? consoleProgress(io.stderr) : undefined;
  if (io.stderr)
    io.stderr.write(
      `${runHeader("replay", { kind: "replay", location: positionals[0]!, readOnly: true }, common.checks.length)}\n`,
    );
  // The tokens and passcodes the recording holds: masked by value wherever else it repeats them.
  const secrets = new KnownSecrets();
  const result = await replayRecording(positionals[0]!, {
    checks: common.checks,
    severityThreshold: common.severity,
    ...(format ? { format } : {}),
    ...(common.allowlist ? { allowlist: common.allowlist } : {}),
    exchangeOptions: {
      ...(common.clockToleranceMs !== undefined ? { clockToleranceMs: common.clockToleranceMs } : {}),
      ...(common.passLength !== undefined ? { passLength: common.passLength } : {}),
    },
    ...(progress ? { onProgress: progress } : {}),
    secrets,
  });
  const reports = await writeReports(result, common.reporters, common.out, io, secrets);
  const ending = endOfRunLines("replay", result, reports.written, common.reporters.includes("console"));
  const nothing = nothingCheckedLine(
    result,
    "the recording needs TAP calls (…/authentication/temporaryAccessPassMethods) for the checks to judge",
  );
  for (const line of [...ending, ...(nothing ? [`tap-contract replay: ${nothing}`] : [])]) stderr.write(`${line}\n`);
  for (const line of reports.failures) stderr.write(`tap-contract replay: ${line}\n`);
  for (const line of unmatchedAllowlistLines(common.allowlist, result)) stderr.write(`tap-contract replay: ${line}\n`);
  return exitAfterReports(result, reports);
}

export const replayCommand: Command = {
  name: "replay",
  summary: "check recorded traffic (HAR 1.2 or NDJSON) with every check that needs no new request",
  help,
  flags: replayFlags,
  run: (argv) =>
    runReplay(argv, {
      stdout: (text) => process.stdout.write(text),
      env: process.env,
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      stderr: process.stderr,
    }),
};
