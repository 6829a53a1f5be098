// Judged on every exchange by the pure rule of the same id (src/contract/rules/usability-matches-clock.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const usabilityMatchesClock = exchangeCheck(exchangeRules["usability-matches-clock"]);
