// Judged on every exchange by the pure rule of the same id (src/contract/rules/usable-matches-reason.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const usableMatchesReason = exchangeCheck(exchangeRules["usable-matches-reason"]);
