import type { Command } from "../command.js";

/** The only registration point of subcommands. */
export const commands: Record<string, () => Promise<Command>> = {
  mock: async () => (await import("./mock.js")).mockCommand,
  token: async () => (await import("./token.js")).tokenCommand,
};
