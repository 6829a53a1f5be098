/** Loaded on demand by the contract middleware: builds the exchange and runs the rules. */
import { checkExchange, operationLabel as label, type Exchange } from "../../contract/index.js";
import { matchOperation } from "../../spec/operations.js";
import { ContractError } from "../errors.js";
import type { ContractOptions } from "./contract.js";

export type ContractCheck = typeof contractCheck;

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

export function contractCheck(
  basePath: string,
  request: Request,
  requestBody: unknown,
  response: Response,
  bodyText: string,
  options: ContractOptions,
): void {
  const { pathname } = new URL(request.url);
  // Operation paths are relative to the client's base URL (`…/v1.0`).
  const match = pathname.startsWith(basePath)
    ? matchOperation(request.method, pathname.slice(basePath.length))
    : undefined;
  if (!match) return;
  const exchange: Exchange = {
    operation: match.operation,
    params: match.params,
    request: { method: request.method, url: request.url, headers: headerRecord(request.headers), body: requestBody },
    response: {
      status: response.status,
      headers: headerRecord(response.headers),
      bodyText,
    },
  };
  const violations = checkExchange(exchange);
  if (violations.length === 0) return;
  const operation = label(match.operation);
  options.onViolation?.(violations, {
    operation,
    request: { method: request.method, url: request.url },
    response: { status: response.status, requestId: response.headers.get("request-id") ?? undefined },
  });
  if (options.strict) throw new ContractError(operation, violations);
}
