import type { FlagTable } from "./flags.js";

import type { ExitCode } from "../run/exit-code.js";

export { exitCodeOf, signalExitCodes, type ExitCode, type StopSignal } from "../run/exit-code.js";

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
