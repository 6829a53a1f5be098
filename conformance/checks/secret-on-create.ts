// Judged on every exchange by the pure rule of the same id (src/contract/rules/secret-on-create.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const secretOnCreate = exchangeCheck(exchangeRules["secret-on-create"]);
