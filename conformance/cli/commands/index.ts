import type { Command } from "../command.js";

/** The only registration point of subcommands. */
export const commands: Record<string, () => Promise<Command>> = {
  mock: async () => (await import("./mock.js")).mockCommand,
  token: async () => (await import("./token.js")).tokenCommand,
  check: async () => (await import("./check.js")).checkCommand,
  replay: async () => (await import("./replay.js")).replayCommand,
  checks: async () => (await import("./checks.js")).checksCommand,
};
