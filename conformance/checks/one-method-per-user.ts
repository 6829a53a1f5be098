// Judged on every exchange by the pure rule of the same id (src/contract/rules/one-method-per-user.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const oneMethodPerUser = exchangeCheck(exchangeRules["one-method-per-user"]);
