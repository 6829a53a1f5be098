// Judged on every exchange by the pure rule of the same id (src/contract/rules/retry-after-on-429.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const retryAfterOn429 = exchangeCheck(exchangeRules["retry-after-on-429"]);
