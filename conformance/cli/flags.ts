/**
 * A command's flags as one table: node:util `parseArgs` reads it (type, multiple, short,
 * default) and the command's `--help` is rendered from it (value name, default, description),
 * so a flag cannot be parsed without a help line, nor its help state another default.
 */

export interface Flag {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** The value's name in help: `URL` renders `--target URL` (string flags). */
  value?: string;
  /** The value parseArgs gives an absent flag; help shows it as the default. */
  default?: string;
  /**
   * The default in words, for a flag whose absence means more than one value (help only:
   * parseArgs leaves the flag undefined and the command decides), e.g. "from the --target host".
   */
  defaultText?: string;
  /** What the flag does, in sentences; the renderer wraps it to the help's width. */
  description: string;
}

export type FlagTable = Readonly<Record<string, Flag>>;

/** `-h, --help`, in every command's table: the dispatcher answers it before the command parses. */
export const helpFlag = {
  help: { type: "boolean", short: "h", description: "This text." },
} as const satisfies FlagTable;

const WIDTH = 94;
const MAX_COLUMN = 26;

/** The left part of a flag's help line: `-h, --help` or `--target URL`. */
export function flagUsage(name: string, flag: Flag): string {
  return `${flag.short ? `-${flag.short}, ` : ""}--${name}${flag.value ? ` ${flag.value}` : ""}`;
}

/** The right part: the description, then whether it repeats and its default. */
export function flagDescription(flag: Flag): string {
  const notes = [
    ...(flag.multiple ? ["repeatable"] : []),
    ...(flag.default !== undefined || flag.defaultText !== undefined
      ? [`default ${flag.defaultText ?? flag.default}`]
      : []),
  ];
  if (notes.length === 0) return flag.description;
  // Inside the last sentence, and inside its closing parenthesis if it has one:
  // "Lines to keep (default 10)." and "Lines to keep (at most 99; default 10)."
  const end = flag.description.endsWith(".") ? "." : "";
  const body = flag.description.slice(0, flag.description.length - end.length);
  return body.endsWith(")")
    ? `${body.slice(0, -1)}; ${notes.join("; ")})${end}`
    : `${body} (${notes.join("; ")})${end}`;
}

/**
 * The help lines of a table, in its order: each flag at a two-space indent, its description
 * from `column` (wrapped there; a flag too long for the column puts it on the next line).
 */
export function renderFlags(table: FlagTable, column = defaultColumn(table)): string {
  const lines: string[] = [];
  for (const [name, flag] of Object.entries(table)) {
    const left = `  ${flagUsage(name, flag)}`;
    const text = wrapWords(flagDescription(flag), WIDTH - column);
    if (left.length + 2 > column) lines.push(left, ...text.map((l) => " ".repeat(column) + l));
    else lines.push(left.padEnd(column) + text[0], ...text.slice(1).map((l) => " ".repeat(column) + l));
  }
  return lines.join("\n");
}

function defaultColumn(table: FlagTable): number {
  const widest = Math.max(...Object.entries(table).map(([name, flag]) => flagUsage(name, flag).length + 4));
  return Math.min(widest, MAX_COLUMN);
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}
