// Judged on every exchange by the pure rule of the same id (src/contract/rules/one-time-used-only-for-one-time.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const oneTimeUsedOnlyForOneTime = exchangeCheck(exchangeRules["one-time-used-only-for-one-time"]);
