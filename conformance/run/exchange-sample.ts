/**
 * The request and response behind a failure, as reports may show them: redacted when it is
 * taken (tokens, cookies, passcodes) and capped, so that no reporter can leak or bloat it.
 */
import { redactedPass } from "../../src/contract/rules/redact.js";
import type { Exchange } from "../../src/contract/rules/index.js";
import { redact } from "../reporters/redact.js";

export interface ExchangeSample {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
}

/** Text bodies (not JSON) are kept up to this many characters. */
export const maxSampleText = 4000;

/** Any `temporaryAccessPass` string in a body becomes `<redacted: N chars>`. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value === null || typeof value !== "object") return typeof value === "string" ? redact(value) : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === "temporaryAccessPass" && typeof v === "string" ? redactedPass(v) : redactBody(v);
  return out;
}

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = /^(authorization|cookie|set-cookie|proxy-authorization)$/i.test(k) ? "<redacted>" : redact(v);
  return out;
}

function capped(text: string): string {
  const clean = redact(text);
  return clean.length > maxSampleText ? `${clean.slice(0, maxSampleText)}\n… (${clean.length - maxSampleText} more characters)` : clean;
}

export function sampleOf(exchange: Exchange): ExchangeSample {
  const { request, response } = exchange;
  return {
    request: {
      method: request.method,
      url: redact(request.url),
      headers: redactHeaders(request.headers),
      ...(request.body !== undefined ? { body: redactBody(request.body) } : {}),
    },
    response: {
      status: response.status,
      headers: redactHeaders(response.headers),
      ...(response.body !== undefined ? { body: redactBody(response.body) } : {}),
      ...(response.body === undefined && response.bodyText !== undefined ? { bodyText: capped(response.bodyText) } : {}),
    },
  };
}
