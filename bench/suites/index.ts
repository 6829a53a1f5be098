/** The benchmark suites, in run order (the only registration point). */
import type { Suite } from "../support/suite.js";
import { clientCallsSuite } from "./client-calls.js";
import { clientColdSuite } from "./client-cold.js";
import { contractCheckSuite } from "./contract-check.js";
import { installedSizeSuite } from "./installed-size.js";
import { liveConcurrencySuite } from "./live-concurrency.js";
import { mockHttpSuite } from "./mock-http.js";
import { replaySuite } from "./replay.js";
import { runnerSuiteSuite } from "./runner-suite.js";

export const suites: Suite[] = [
  contractCheckSuite,
  mockHttpSuite,
  clientCallsSuite,
  clientColdSuite,
  installedSizeSuite,
  runnerSuiteSuite,
  liveConcurrencySuite,
  replaySuite,
];
