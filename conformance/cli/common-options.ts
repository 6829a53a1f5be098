/**
 * Flags shared by `check` and `replay`: selection, policy, reporters. Parsed with node:util
 * parseArgs; every bad value is a UsageError naming the flag and what was expected.
 */
import { severities, type Severity } from "../../src/contract/violation.js";
import { UsageError } from "../../src/errors.js";
import type { Check } from "../checks/check.js";
import { readAllowlist, type Allowlist } from "../policy/allowlist.js";
import { selectChecks } from "../policy/select.js";
import { reporterNames, type ReporterName } from "../reporters/index.js";
import { helpFlag, renderFlags, type FlagTable } from "./flags.js";

/** Where descriptions start in `check` and `replay` help, so that their sections line up. */
export const HELP_COLUMN = 26;

/** Which checks run and what fails the run. */
const selectionFlags = {
  checks: {
    type: "string",
    value: "IDS",
    default: "all",
    description: 'Comma-separated check ids to run (`tap-contract checks` lists them), or "all".',
  },
  "exclude-checks": { type: "string", value: "IDS", description: "Check ids not to run." },
  severity: {
    type: "string",
    value: "LEVEL",
    default: "medium",
    description:
      "Lowest severity whose failures set exit code 1: critical, high, medium or low, in any case (lower failures " +
      "are still reported).",
  },
  allowlist: {
    type: "string",
    value: "FILE",
    description:
      'Known deviations (JSON: {"deviations": [{"check", "operation", "reason", "expires": "YYYY-MM-DD"}]}); ' +
      '"operation" is "*" or one of the spec\'s "METHOD /path" (as reports name them). An accepted failure does ' +
      "not fail the run until its expiry date, an expired entry fails it, and an entry that accepted nothing is " +
      "named on stderr.",
  },
  "clock-tolerance": {
    type: "string",
    value: "SEC",
    defaultText: "60",
    description: "Clock skew allowed by usability-matches-clock.",
  },
  "pass-length": {
    type: "string",
    value: "N",
    defaultText: "any of 8..48; the mock's policy length against the mock",
    description: "The tenant's TAP length, for secret-on-create.",
  },
} as const satisfies FlagTable;

const reportFlags = {
  reporter: {
    type: "string",
    value: "LIST",
    default: "console",
    description: `Reporters, comma-separated: ${reporterNames.join(", ")}.`,
  },
  out: {
    type: "string",
    value: "DIR",
    default: "tap-contract-report",
    description:
      "Where json (tap-contract.json), junit (junit.xml), html (report.html) and the Markdown summary (summary.md, " +
      "unless $GITHUB_STEP_SUMMARY is set) are written.",
  },
} as const satisfies FlagTable;

/** The flags `check` and `replay` share (and the help they print for them). */
export const commonFlags = { ...selectionFlags, ...reportFlags, ...helpFlag } as const satisfies FlagTable;

export const commonOptionsHelp = `Selection and policy:
${renderFlags(selectionFlags, HELP_COLUMN)}

Reports:
${renderFlags(reportFlags, HELP_COLUMN)}

Other:
${renderFlags(helpFlag, HELP_COLUMN)}`;

export interface CommonOptions {
  checks: Check[];
  severity: Severity;
  allowlist?: Allowlist;
  reporters: ReporterName[];
  out: string;
  clockToleranceMs?: number;
  passLength?: number;
}

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag}: expected a ${integer ? "whole " : ""}number of 0 or more, got "${value}"`);
  }
  return n;
}

export function parseCommonOptions(
  values: Partial<Record<Exclude<keyof typeof commonFlags, "help">, string>>,
): CommonOptions {
  const severity = (values.severity ?? commonFlags.severity.default).toLowerCase() as Severity;
  if (!severities.includes(severity))
    throw new UsageError(`--severity: expected one of ${severities.join(", ")}, got "${values.severity}"`);
  const reporters = (values.reporter ?? commonFlags.reporter.default)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = reporters.filter((r) => !(reporterNames as string[]).includes(r));
  if (unknown.length > 0 || reporters.length === 0) {
    throw new UsageError(
      `--reporter: unknown reporter ${unknown.map((r) => `"${r}"`).join(", ") || "(none)"}: expected some of ` +
        `${reporterNames.join(", ")}`,
    );
  }
  const tolerance = positiveNumber("clock-tolerance", values["clock-tolerance"], false);
  const passLength = positiveNumber("pass-length", values["pass-length"], true);
  return {
    checks: selectChecks(values.checks, values["exclude-checks"]),
    severity,
    ...(values.allowlist !== undefined ? { allowlist: readAllowlist(values.allowlist) } : {}),
    reporters: [...new Set(reporters)] as ReporterName[],
    out: values.out ?? commonFlags.out.default,
    ...(tolerance !== undefined ? { clockToleranceMs: tolerance * 1000 } : {}),
    ...(passLength !== undefined ? { passLength } : {}),
  };
}

/** parseArgs errors (unknown flag, missing value) as one-line usage errors. */
export function usageFromParseError(err: unknown, command: string): never {
  const message =
    err instanceof Error
      ? err.message.split("\n")[0]!.replace(/\. To specify a positional argument.*$/, "")
      : String(err);
  throw new UsageError(`${message} (see tap-contract ${command} --help)`);
}

/**
 * `--timeout -1` as `--timeout=-1`: parseArgs calls a value that starts with a dash ambiguous,
 * so a negative number would be refused for its dash instead of for being negative.
 */
export function joinDashValues(argv: readonly string[], spec: FlagTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name !== undefined && spec[name]?.type === "string" && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
