/**
 * What scenario checks use to talk to the target: `send()` builds the request from the spec's
 * path template, sends it within the limits, retries 429s within the budget, and hands every
 * response to the exchange tally (so the pure rules judge scenario traffic too).
 */
import { randomUUID } from "node:crypto";
import { methodIdParam, type Exchange } from "../../src/contract/index.js";
import type { TapOperation } from "../../src/spec/index.js";
import { boundedFetch, type HttpFailureKind, type HttpLimits } from "../targets/http.js";
import type { Target } from "../targets/target.js";
import { policyAccess, type PolicyAccess, type PolicyReading } from "../targets/tenant-policy.js";
import type { Cleanups } from "./cleanups.js";
import { RetryBudget, type RetryPolicy } from "./retry.js";

export interface Probe {
  operation: TapOperation;
  /** The `{user-id}` segment (object id or UPN), percent-encoded here. Not used by `/me` paths. */
  user?: string;
  /** The pass id segment, for Get and Delete. */
  methodId?: string;
  /** The whole `Authorization` header value; absent = no header. */
  authorization?: string;
  body?: unknown;
  /** Raw query string without `?`. */
  query?: string;
  /** Extra request headers (the target's throttle probe). */
  headers?: Record<string, string>;
  /** `false`: hand back a 429 as it is instead of retrying within the budget. */
  retry?: boolean;
}

export type Sent =
  | { ok: true; exchange: Exchange; status: number; body: unknown }
  | { ok: false; kind: HttpFailureKind; error: string };

export interface Session {
  target: Target;
  send(probe: Probe): Promise<Sent>;
  bearer(token: string): string;
  /** The tenant's TAP policy resource, within the run's limits. */
  policy: PolicyAccess;
  /** The tenant's policy as read at the start of the run (or the documented bounds, and why). */
  tenantPolicy: PolicyReading;
  /** What the run must undo before it ends (a changed policy), also on SIGINT/SIGTERM. */
  cleanups: Cleanups;
}

export interface SessionOptions {
  limits: HttpLimits;
  tenantPolicy: PolicyReading;
  cleanups: Cleanups;
  retry: RetryPolicy;
  /** Called with every exchange (each attempt of a retried request too). */
  observe(exchange: Exchange): void;
  /** Sleep, replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Template parameters for a probe: the user segment and the pass id segment. */
function pathOf(probe: Probe): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const methodParam = methodIdParam(probe.operation);
  const segments = probe.operation.path.split("/").map((segment) => {
    if (!segment.startsWith("{")) return segment;
    const name = segment.slice(1, -1);
    const value = name === methodParam ? probe.methodId : probe.user;
    if (value === undefined) throw new Error(`probe of ${probe.operation.operationId} lacks {${name}}`);
    params[name] = value;
    return encodeURIComponent(value);
  });
  return { path: segments.join("/"), params };
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createSession(target: Target, options: SessionOptions): Session {
  const budget = new RetryBudget(options.retry);
  const sleep = options.sleep ?? sleepFor;
  let sequence = 0;
  return {
    target,
    policy: policyAccess(target.graphUrl, options.limits),
    tenantPolicy: options.tenantPolicy,
    cleanups: options.cleanups,
    bearer: (token) => `Bearer ${token}`,
    async send(probe) {
      const { path, params } = pathOf(probe);
      const url = `${target.graphUrl}${path}${probe.query ? `?${probe.query}` : ""}`;
      const headers: Record<string, string> = { accept: "application/json", ...probe.headers };
      if (probe.authorization !== undefined) headers.authorization = probe.authorization;
      // Every other request sends its own client-request-id, so both halves of the echo rule get material.
      if (sequence++ % 2 === 0) headers["client-request-id"] = randomUUID();
      let body: string | undefined;
      if (probe.body !== undefined) {
        body = JSON.stringify(probe.body);
        headers["content-type"] = "application/json";
      }
      for (let attempt = 1; ; attempt++) {
        const result = await boundedFetch(
          { method: probe.operation.method, url, headers, ...(body !== undefined ? { body } : {}) },
          options.limits,
        );
        if (!result.ok) return result;
        const { response } = result;
        const parsed = parseBody(response.bodyText);
        const exchange: Exchange = {
          operation: probe.operation,
          params,
          request: {
            method: probe.operation.method,
            url,
            headers,
            ...(probe.body !== undefined ? { body: probe.body } : {}),
          },
          response: {
            status: response.status,
            headers: response.headers,
            ...(parsed !== undefined ? { body: parsed } : { bodyText: response.bodyText }),
          },
        };
        options.observe(exchange);
        if (response.status === 429 && probe.retry !== false) {
          const wait = budget.delay(attempt, response.headers["retry-after"]);
          if (wait !== undefined) {
            await sleep(wait);
            continue;
          }
        }
        return { ok: true, exchange, status: response.status, body: parsed };
      }
    },
  };
}
