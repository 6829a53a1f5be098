import { describe, expect, it } from "vitest";
import { flagDescription, renderFlags, type FlagTable } from "./flags.js";

describe("flag help lines", () => {
  it("puts the default and repeatability inside the last sentence, or its closing parenthesis", () => {
    expect(flagDescription({ type: "string", default: "10", description: "Lines to keep." })).toBe(
      "Lines to keep (default 10).",
    );
    expect(flagDescription({ type: "string", default: "10", description: "Lines to keep (at most 99)." })).toBe(
      "Lines to keep (at most 99; default 10).",
    );
    expect(flagDescription({ type: "string", multiple: true, defaultText: "none", description: "an id" })).toBe(
      "an id (repeatable; default none)",
    );
    expect(flagDescription({ type: "boolean", description: "Go." })).toBe("Go.");
  });

  it("aligns descriptions, wraps them at the column, and gives a long flag its own line", () => {
    const table: FlagTable = {
      out: { type: "string", value: "DIR", description: Array(30).fill("word").join(" ") },
      "a-very-long-flag-name": { type: "string", value: "SOMETHING", description: "Short." },
      help: { type: "boolean", short: "h", description: "This text." },
    };
    const lines = renderFlags(table, 20).split("\n");
    expect(lines[0]).toMatch(/^ {2}--out DIR {9}word word/);
    expect(lines.every((l) => l.length <= 94)).toBe(true);
    const long = lines.findIndex((l) => l.includes("--a-very-long-flag-name"));
    expect(lines[long]).toBe("  --a-very-long-flag-name SOMETHING");
    expect(lines[long + 1]).toBe(`${" ".repeat(20)}Short.`);
    expect(lines.at(-1)).toBe(`  -h, --help${" ".repeat(8)}This text.`);
    expect(lines.slice(1, long).every((l) => l.startsWith(" ".repeat(20) + "word"))).toBe(true);
  });
});
