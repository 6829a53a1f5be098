/**
 * How the mock answers browsers: preflights on every path it serves, and the allow/expose
 * headers on every answer to a cross-origin request. The values come from the spec's `x-cors`
 * (decisions: Microsoft documents none).
 */
import { corsPolicy } from "../../spec/index.js";
import { faultHeader } from "../faults.js";
import { scenarioHeader } from "../scenarios.js";
import { header, type MockRequest, type MockResponse } from "./exchange.js";

// The mock's own test headers are allowed too, so a browser test can ask for a fault or scenario.
const allowHeaders = [...corsPolicy.allowHeaders, faultHeader, scenarioHeader].join(", ");
const exposeHeaders = corsPolicy.exposeHeaders.join(", ");

/** A CORS preflight: OPTIONS with `Access-Control-Request-Method`. */
export function isPreflight(req: MockRequest): boolean {
  return req.method === "OPTIONS" && header(req, "access-control-request-method") !== undefined;
}

/** The answer to a preflight for a path that takes `methods`. */
export function preflightResponse(methods: readonly string[]): MockResponse {
  return {
    status: corsPolicy.preflightStatus,
    headers: {
      "access-control-allow-origin": corsPolicy.allowOrigin,
      "access-control-allow-methods": methods.join(", "),
      "access-control-allow-headers": allowHeaders,
      "access-control-max-age": String(corsPolicy.maxAgeSeconds),
    },
  };
}

/** Adds the CORS answer headers when the request came from a page (it carries `Origin`). */
export function withCors(req: MockRequest, res: MockResponse): MockResponse {
  if (header(req, "origin") === undefined || res.drop) return res;
  return {
    ...res,
    headers: {
      ...res.headers,
      "access-control-allow-origin": corsPolicy.allowOrigin,
      "access-control-expose-headers": exposeHeaders,
    },
  };
}
