// Judged on every exchange by the pure rule of the same id (src/contract/rules/not-a-server-error.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const notAServerError = exchangeCheck(exchangeRules["not-a-server-error"]);
