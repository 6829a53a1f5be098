// Judged on every exchange by the pure rule of the same id (src/contract/rules/get-id-matches-request.ts).
import { exchangeRules } from "../../src/contract/rules/index.js";
import { exchangeCheck } from "./check.js";

export const getIdMatchesRequest = exchangeCheck(exchangeRules["get-id-matches-request"]);
