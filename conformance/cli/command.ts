import type { FlagTable } from "./flags.js";

/** Exit codes everywhere: 0 all passed, 1 the API (or recording) failed or a check errored, 2 could not start. */
export type ExitCode = 0 | 1 | 2 | 130 | 143;

/** How a run was stopped from outside: the signal's name and the shell's exit code for it. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof signalExitCodes;

/** One `tap-contract` subcommand. Each lives in commands/<name>.ts and is registered in commands/index.ts. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text, its flag lines rendered from `flags`. */
  help: string;
  /** Every flag the command parses: the one table parseArgs reads and help is rendered from. */
  flags: FlagTable;
  /** Runs with the arguments after the subcommand name. Throws UsageError/UserError for bad input. */
  run(argv: string[], context?: { stop?: AbortSignal }): Promise<ExitCode>;
}
