// Judged on every exchange by the pure rule of the same id (src/contract/rules/status-code-documented.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const statusCodeDocumented = exchangeCheck(exchangeRules["status-code-documented"]);
