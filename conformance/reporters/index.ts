/**
 * The reporter catalog: `--reporter` values. Each reporter is loaded only when a run asks for
 * it: some pull in sizeable libraries (junit's XML builder) that a run without them never needs.
 */
import type { Reporter } from "./reporter.js";

const loaders = {
  console: async () => (await import("./console.js")).consoleReporter,
  json: async () => (await import("./json.js")).jsonReporter,
  junit: async () => (await import("./junit.js")).junitReporter,
  github: async () => (await import("./github.js")).githubReporter,
  html: async () => (await import("./html.js")).htmlReporter,
} as const satisfies Record<string, () => Promise<Reporter>>;

export type ReporterName = keyof typeof loaders;

export const reporterNames = Object.keys(loaders) as ReporterName[];

/** The named reporters, loaded, in the order given. */
export function loadReporters(names: readonly ReporterName[]): Promise<Reporter[]> {
  return Promise.all(names.map((name) => loaders[name]()));
}
