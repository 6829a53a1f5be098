/** The reporter catalog: `--reporter` values. */
import { consoleReporter } from "./console.js";
import { githubReporter } from "./github.js";
import { htmlReporter } from "./html.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import type { Reporter } from "./reporter.js";

export const reporters = {
  console: consoleReporter,
  json: jsonReporter,
  junit: junitReporter,
  github: githubReporter,
  html: htmlReporter,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

export const reporterNames = Object.keys(reporters) as ReporterName[];
