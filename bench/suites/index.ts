/** The benchmark suites, in run order (the only registration point). */
import type { Suite } from "../support/suite.js";
import { contractCheckSuite } from "./contract-check.js";
import { mockHttpSuite } from "./mock-http.js";

export const suites: Suite[] = [contractCheckSuite, mockHttpSuite];
