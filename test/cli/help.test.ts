// Every command's `--help` is rendered from the flag table its parseArgs reads: each flag the
// command accepts has its help line (value name, description, default), and help names no flag
// the command would refuse.
import { describe, expect, it } from "vitest";
import type { Command } from "../../conformance/cli/command.js";
import { commands } from "../../conformance/cli/commands/index.js";
import { flagDescription, flagUsage } from "../../conformance/cli/flags.js";
import { UsageError } from "../../src/errors.js";

const loaded: Array<[string, Command]> = await Promise.all(
  Object.entries(commands).map(async ([name, load]) => [name, await load()] as [string, Command]),
);
const flat = (text: string) => text.replace(/\s+/g, " ");

describe.each(loaded)("tap-contract %s --help", (_name, command) => {
  it("has a line for every flag of its table: usage, description, default", () => {
    const flags = Object.entries(command.flags);
    expect(flags.length).toBeGreaterThan(0);
    for (const [name, flag] of flags) {
      expect(command.help, `--${name}`).toMatch(new RegExp(`^  ${escapeText(flagUsage(name, flag))}( |$)`, "m"));
      expect(flat(command.help), `--${name}`).toContain(flat(flagDescription(flag)));
      const shown = flag.defaultText ?? flag.default;
      if (shown !== undefined) expect(flat(command.help), `--${name}`).toContain(`default ${shown}`);
    }
  });

  it("lists no flag that is not in its table", () => {
    const listed = [...command.help.matchAll(/^ {2}(?:-\w, )?--([a-z][a-z-]*)/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(Object.keys(command.flags).sort());
  });

  it("parses every flag of its table (the one a stray flag after it is refused for)", async () => {
    for (const [name, flag] of Object.entries(command.flags)) {
      const argv = [`--${name}`, ...(flag.type === "string" ? ["x"] : []), "--not-a-flag"];
      const err = await command.run(argv).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, `--${name}`).toBeInstanceOf(UsageError);
      expect((err as Error).message, `--${name}`).toMatch(/^Unknown option '--not-a-flag'/);
    }
  });
});

function escapeText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
