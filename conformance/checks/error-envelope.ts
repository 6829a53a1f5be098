// Judged on every exchange by the pure rule of the same id (src/contract/rules/error-envelope.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const errorEnvelope = exchangeCheck(exchangeRules["error-envelope"]);
