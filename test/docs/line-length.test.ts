// Issue 16, item 8: lines stay readable. Biome wraps code at 120 characters but cannot break a string, a template
// or a comment; this gate catches those. A line that is one regular expression literal alone may run longer: split,
// it would have to become a `new RegExp` of doubly escaped strings, harder to read than the one long line.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const MAX = 120;
const SOURCE = /\.(ts|js|mjs|cjs)$/;
const LONE_REGEX = /^\/(?![/*]).*\/[dgimsuvy]*[,;)]*$/;

/** `file:line (n characters)` for each line of `text` over the limit, counted in characters, not bytes. */
function overlong(file: string, text: string): string[] {
  return text.split("\n").flatMap((line, i) => {
    const length = [...line].length;
    return length > MAX && !LONE_REGEX.test(line.trim()) ? [`${file}:${i + 1} (${length} characters)`] : [];
  });
}

function trackedSources(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
    .split("\0")
    .filter((f) => SOURCE.test(f) && !f.startsWith("generated/"));
}

describe("source lines", () => {
  it("the check flags a long string or comment, not a lone regular expression, and counts characters", () => {
    const long = "x".repeat(MAX);
    expect(overlong("a.ts", `const a = 1;\n  "${long}",\n// ${long}\n`)).toEqual([
      "a.ts:2 (125 characters)",
      "a.ts:3 (123 characters)",
    ]);
    expect(overlong("a.ts", `  /^${long}$/i,\n${"…".repeat(MAX)}\n`)).toEqual([]);
  });

  it(`no git-tracked, non-generated .ts/.js/.mjs/.cjs file has a line over ${MAX} characters`, () => {
    const files = trackedSources();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => overlong(f, readFileSync(join(repoRoot, f), "utf8")));
    expect(found, "split long strings with + (the text must not change) and rewrap comments").toEqual([]);
  });
});
