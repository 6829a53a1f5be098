// Judged on every exchange by the pure rule of the same id (src/contract/rules/lifetime-in-range.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const lifetimeInRange = exchangeCheck(exchangeRules["lifetime-in-range"]);
