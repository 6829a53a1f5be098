import type { Command } from "../command.js";

/** The only registration point of subcommands. */
export const commands: Record<string, () => Promise<Command>> = {
};
