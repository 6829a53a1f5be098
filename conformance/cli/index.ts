/** `tap-contract`: the one binary. Dispatches to a subcommand and maps errors to exit codes. */
import { UserError } from "../../src/errors.js";
import { exitCodeOf, type ExitCode } from "./command.js";
import { commands } from "./commands/index.js";

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(commands).map(async ([name, load]) => `  ${name.padEnd(8)} ${(await load()).summary}`),
  );
  return [
    "Usage: tap-contract <command> [options]",
    "",
    "Contract, mock and conformance runner for Microsoft Graph's Temporary Access Pass API.",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `tap-contract <command> --help` for a command's options.",
    "Exit codes: 0 all passed, 1 the API or recording failed a check (or a check errored), 2 could not start (or " +
      "nothing was checked).",
  ].join("\n");
}

export async function main(argv: string[], context: { stop?: AbortSignal } = {}): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(await usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    console.log((await import("../run/version.js")).toolVersion);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`tap-contract: unknown command "${name}": expected one of ${Object.keys(commands).join(", ")}`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest, context);
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`tap-contract ${name}: ${err.message}`);
      return exitCodeOf({ kind: "could-not-start" });
    }
    console.error(`tap-contract ${name}: unexpected error, likely a bug; please report it with this output:`);
    console.error(err instanceof Error ? err.stack : err);
    return exitCodeOf({ kind: "crashed" });
  }
}
