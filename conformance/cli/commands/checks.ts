/** `tap-contract checks`: the catalog, as text, Markdown or JSON. */
import { parseArgs } from "node:util";
import { UsageError } from "../../../src/errors.js";
import { allChecks } from "../../checks/index.js";
import type { Check } from "../../checks/check.js";
import type { Command, ExitCode } from "../command.js";
import { usageFromParseError } from "../common-options.js";
import { helpFlag, renderFlags, type FlagTable } from "../flags.js";

/** Every flag `checks` parses; its help is rendered from the same table. */
const checksFlags = {
  format: { type: "string", value: "text|markdown|json", default: "text", description: "How the list is written." },
  ...helpFlag,
} as const satisfies FlagTable;

const help = `Usage: tap-contract checks [--format text|markdown|json]

List every check: id (the value of --checks and the JUnit classname), severity, whether it
judges observed exchanges (and so also runs on recordings) or sends its own requests, title,
and what it verifies.

Options:
${renderFlags(checksFlags)}

Exit codes: 0 listed, 2 bad flag.`;

const kindText = (c: Check) => (c.kind === "exchange" ? "every exchange (also replay)" : "own requests");

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}

export function renderCatalog(format: "text" | "markdown" | "json"): string {
  if (format === "json") {
    return `${JSON.stringify(
      allChecks.map((c) => ({
        id: c.id,
        title: c.title,
        severity: c.severity,
        kind: c.kind,
        description: c.description,
      })),
      null,
      2,
    )}\n`;
  }
  if (format === "markdown") {
    const rows = allChecks.map(
      (c) => `| \`${c.id}\` | ${c.severity} | ${kindText(c)} | ${c.title} | ${c.description.replaceAll("|", "\\|")} |`,
    );
    return `| id | severity | judges | title | what it verifies |\n|---|---|---|---|---|\n${rows.join("\n")}\n`;
  }
  const entry = (c: (typeof allChecks)[number]) =>
    `${c.id}  [${c.severity}, ${kindText(c)}]\n  ${c.title}\n${wrap(c.description, 92, "  ")}`;
  return `${allChecks.map(entry).join("\n\n")}\n`;
}

export async function runChecks(argv: string[], stdout: (text: string) => void): Promise<ExitCode> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: checksFlags, strict: true, allowPositionals: false }));
  } catch (err) {
    usageFromParseError(err, "checks");
  }
  const format = values.format;
  if (format !== "text" && format !== "markdown" && format !== "json")
    throw new UsageError(`--format: expected text, markdown or json, got "${format}"`);
  stdout(renderCatalog(format));
  return 0;
}

export const checksCommand: Command = {
  name: "checks",
  summary: "list the conformance checks (id, severity, what each verifies)",
  help,
  flags: checksFlags,
  run: (argv) => runChecks(argv, (text) => process.stdout.write(text)),
};
