/**
 * The opt-in contract middleware: every response is checked with the conformance runner's own
 * single-exchange rules. The rules, Ajv and the spec are imported on first use, so a client
 * without this middleware never loads them.
 */
import type { Middleware, MiddlewareCallbackParams } from "openapi-fetch";
import type { Violation } from "../../contract/violation.js";
import { readBodies, readText } from "../transport.js";
import type { ContractCheck } from "./contract-check.js";

export interface ContractOptions {
  /** Throw a ContractError from the call instead of returning its result (default false). */
  strict?: boolean;
  /** Told about each response that broke the contract (in strict mode too, before the throw). */
  onViolation?: (violations: Violation[], exchange: ReportedExchange) => void;
}

/** What the callback learns about the call; the Authorization header is never part of it. */
export interface ReportedExchange {
  operation: string;
  request: { method: string; url: string };
  response: { status: number; requestId: string | undefined };
}

/**
 * The middleware, plus its two halves: `track` for a request going out, `inspect` for a
 * response (the retry middleware hands it the responses a retry replaced).
 */
export type ContractMiddleware = Middleware & {
  track(request: Request): void;
  inspect(request: Request, response: Response): Promise<void>;
};

/**
 * `basePath` is the path of the client's base URL (e.g. `/v1.0`), which operation paths follow;
 * `maxBytes` bounds the copy of a success body the rules read.
 */
export function contractMiddleware(options: ContractOptions, basePath: string, maxBytes: number): ContractMiddleware {
  let check: Promise<ContractCheck> | undefined;
  const load = () => (check ??= import("./contract-check.js").then((m) => m.contractCheck));
  // The body each request sent, parsed from a copy taken before it went out.
  const sentBodies = new WeakMap<Request, Promise<unknown>>();

  async function inspect(request: Request, response: Response): Promise<void> {
    const run = await load();
    const requestBody = await sentBodies.get(request);
    // Error bodies were read by the transport; a success body is read from a copy, leaving the original to the caller.
    const bodyText = readBodies.get(response)?.text ?? (await readText(response.clone(), maxBytes, request.signal));
    run(basePath, request, requestBody, response, bodyText, options);
  }

  function track(request: Request): void {
    // Warm up while the request travels; a failed import is reported by inspect, not as an unhandled rejection.
    load().catch(() => undefined);
    if (request.body !== null)
      sentBodies.set(
        request,
        request
          .clone()
          .json()
          .catch(() => undefined),
      );
  }

  return {
    onRequest({ request }: MiddlewareCallbackParams) {
      track(request);
    },
    async onResponse({ request, response }: MiddlewareCallbackParams & { response: Response }) {
      await inspect(request, response);
      return undefined;
    },
    track,
    inspect,
  };
}
