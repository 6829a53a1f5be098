/**
 * The README's runnable blocks: every ```sh, ```bash and ```ts fence, with the marker on the
 * line just before it, if any: `<!-- readme-test: skip (reason) -->` (cannot run offline right
 * after `npm ci`) or `<!-- readme-test: background (reason) -->` (a server the next blocks use).
 */
export interface ReadmeBlock {
  lang: "sh" | "ts";
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  marker?: { kind: "skip" | "background"; reason: string };
}

const runnable: Record<string, ReadmeBlock["lang"]> = { sh: "sh", bash: "sh", shell: "sh", ts: "ts", typescript: "ts" };
const markerLine = /^\s*<!--\s*readme-test:\s*(\w+)\s*\((.+)\)\s*-->\s*$/;

export function readmeBlocks(text: string): ReadmeBlock[] {
  const lines = text.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== "```") end++;
    const lang = runnable[open[2]!.toLowerCase()];
    if (lang) {
      const marker = markerLine.exec(lines[i - 1] ?? "");
      if (marker && marker[1] !== "skip" && marker[1] !== "background") {
        throw new Error(`README line ${i}: unknown readme-test marker "${marker[1]}": expected skip or background`);
      }
      const code = lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
        .join("\n");
      blocks.push({
        lang,
        code,
        line: i + 1,
        ...(marker ? { marker: { kind: marker[1] as "skip" | "background", reason: marker[2]!.trim() } } : {}),
      });
    }
    i = end;
  }
  return blocks;
}
