// Judged on every exchange by the pure rule of the same id (src/contract/rules/request-id-headers.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const requestIdHeaders = exchangeCheck(exchangeRules["request-id-headers"]);
