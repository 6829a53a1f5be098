/**
 * The request and response behind a failure, as reports may show them: redacted when it is
 * taken (tokens, cookies, passcodes) and bounded (characters, properties, items, depth), so
 * that a report grows with the number of findings, never with the size of the bodies behind them.
 */
import type { Exchange } from "../../src/contract/index.js";
import { redactHeaders, redactText, redactValue, type KnownSecrets } from "../../src/contract/redact.js";

export interface ExchangeSample {
  /** For an inner request of a batch: which batch entry and request id. */
  via?: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
}

/** What one sample may hold; past a bound the rest is replaced by a note saying how much was left out. */
export const sampleLimits = {
  /** Text bodies (not JSON) and URLs, in characters. */
  text: 4000,
  /** One string inside a parsed body, or one header value, in characters. */
  string: 1000,
  /** Properties kept per object, and headers per message. */
  keys: 40,
  /** Items kept per array. */
  items: 20,
  /** Levels of a parsed body. */
  depth: 12,
  /** Characters of a whole parsed body (about its JSON length). */
  body: 16_000,
} as const;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/**
 * A copy of a parsed body within `sampleLimits`: strings cut, objects and arrays shortened
 * (a `"…"` property or a last item says how many were left out), deeper levels replaced.
 */
export function boundedBody(value: unknown): unknown {
  const budget = { left: sampleLimits.body };
  return bounded(value, 0, budget);
}

function bounded(value: unknown, depth: number, budget: { left: number }): unknown {
  if (typeof value === "string") {
    const kept = cut(value, Math.max(0, Math.min(sampleLimits.string, budget.left)));
    budget.left -= kept.length + 2;
    return kept;
  }
  if (value === null || typeof value !== "object") {
    budget.left -= 6;
    return value;
  }
  if (depth >= sampleLimits.depth) return `<nested deeper than ${sampleLimits.depth} levels>`;
  budget.left -= 2;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (out.length >= sampleLimits.items || budget.left <= 0) break;
      out.push(bounded(item, depth + 1, budget));
    }
    if (out.length < value.length) out.push(`… (${value.length - out.length} more items)`);
    return out;
  }
  const out: Record<string, unknown> = {};
  let kept = 0;
  let total = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    total++;
    if (kept >= sampleLimits.keys || budget.left <= 0) continue;
    const name = cut(key, sampleLimits.string);
    budget.left -= name.length + 4;
    out[name] = bounded((value as Record<string, unknown>)[key], depth + 1, budget);
    kept++;
  }
  if (kept < total) out["…"] = `${total - kept} more properties`;
  return out;
}

function boundedHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (++total > sampleLimits.keys) continue;
    out[cut(name, sampleLimits.string)] = cut(value, sampleLimits.string);
  }
  if (total > sampleLimits.keys) out["…"] = `${total - sampleLimits.keys} more headers`;
  return out;
}

/**
 * The sample of an exchange: redacted first (a JWT cut in half would no longer look like one),
 * then bounded.
 */
export function sampleOf(exchange: Exchange, secrets?: KnownSecrets): ExchangeSample {
  const { request, response } = exchange;
  const text = (t: string) => cut(redactText(t, { secrets }), sampleLimits.text);
  const body = (b: unknown) => boundedBody(redactValue(b, { secrets }));
  return {
    ...(exchange.via ? { via: redactText(exchange.via) } : {}),
    request: {
      method: text(request.method),
      url: text(request.url),
      headers: boundedHeaders(redactHeaders(request.headers, { secrets })),
      ...(request.body !== undefined ? { body: body(request.body) } : {}),
    },
    response: {
      status: response.status,
      headers: boundedHeaders(redactHeaders(response.headers, { secrets })),
      ...(response.body !== undefined ? { body: body(response.body) } : {}),
      ...(response.body === undefined && response.bodyText !== undefined ? { bodyText: text(response.bodyText) } : {}),
    },
  };
}
