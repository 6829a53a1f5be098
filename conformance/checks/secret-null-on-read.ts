// Judged on every exchange by the pure rule of the same id (src/contract/rules/secret-null-on-read.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const secretNullOnRead = exchangeCheck(exchangeRules["secret-null-on-read"]);
