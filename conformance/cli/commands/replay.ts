/** `tap-contract replay FILE`: the exchange checks over recorded traffic (HAR 1.2 or NDJSON), streamed. */
import { parseArgs } from "node:util";
import { UsageError } from "../../../src/errors.js";
import { limitsHelp } from "../../replay/limits.js";
import { replayRecording, type RecordingFormat } from "../../replay/replay.js";
import type { Command, ExitCode } from "../command.js";
import { commonOptionSpec, commonOptionsHelp, parseCommonOptions, usageFromParseError } from "../common-options.js";
import { consoleProgress } from "../progress.js";
import { nothingCheckedLine, writeReports } from "../write-reports.js";

const help = `Usage: tap-contract replay FILE [--format har|ndjson] [options]

Check recorded traffic with every check that needs no new request (schema, envelope, headers,
the semantics of each body). Checks that need their own requests (authorization, a second
Create, ...) are reported as skipped. The file is streamed: a million exchanges run in constant
memory. Requests that are not TAP calls are counted and ignored.

Formats:
  HAR 1.2                 as browsers, Dev Proxy and Redocly's proxy write it (log.entries).
  NDJSON                  one exchange per line: {"request": {"method", "url", "headers",
                          "body"?}, "response": {"status", "headers", "body"? | "bodyText"?},
                          "startedAt"?}, as \`tap-contract check --record FILE\` writes it.
  --format har|ndjson     Default: by extension (.har, .ndjson/.jsonl), else by content.

Limits: each entry costs bounded work. An entry over a limit is skipped, not judged, and
counted in the report ("N skipped over the replay limits", naming the first one):
  ${limitsHelp}.
Passcodes, tokens, cookies and secrets are masked in every report, JSON or not.

${commonOptionsHelp}

Exit codes: 0 every counted check passed, 1 a check failed (or an allowlist entry expired),
2 could not start (bad flag, unreadable or invalid recording: the message names the entry) or
nothing was checked (the recording holds no TAP calls).`;

const optionSpec = { ...commonOptionSpec, format: { type: "string" } } as const;

export async function runReplay(argv: string[], io: { stdout(text: string): void; env: Record<string, string | undefined>; color: boolean; stderr?: NodeJS.WriteStream }): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, strict: true, allowPositionals: true });
  } catch (err) {
    usageFromParseError(err, "replay");
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`expected one recording FILE, got ${positionals.length === 0 ? "none" : positionals.join(" ")}`);
  const format = values.format as RecordingFormat | undefined;
  if (format !== undefined && format !== "har" && format !== "ndjson") throw new UsageError(`--format: expected har or ndjson, got "${values.format}"`);
  const common = parseCommonOptions(values);
  const progress = io.stderr ? consoleProgress(io.stderr) : undefined;
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
  });
  writeReports(result, common.reporters, common.out, io);
  const nothing = nothingCheckedLine(result, "the recording needs TAP calls (…/authentication/temporaryAccessPassMethods) for the checks to judge");
  if (nothing) (io.stderr ?? process.stderr).write(`tap-contract replay: ${nothing}\n`);
  return result.exitCode;
}

export const replayCommand: Command = {
  name: "replay",
  summary: "check recorded traffic (HAR 1.2 or NDJSON) with every check that needs no new request",
  help,
  run: (argv) =>
    runReplay(argv, {
      stdout: (text) => process.stdout.write(text),
      env: process.env,
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      stderr: process.stderr,
    }),
};
