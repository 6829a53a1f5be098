// Judged on every exchange by the pure rule of the same id (src/contract/rules/undocumented-properties.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const undocumentedProperties = exchangeCheck(exchangeRules["undocumented-properties"]);
