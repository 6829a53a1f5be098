// Judged on every exchange by the pure rule of the same id (src/contract/rules/odata-context.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const odataContext = exchangeCheck(exchangeRules["odata-context"]);
