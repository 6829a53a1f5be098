/**
 * The request and response behind a failure, as reports may show them: redacted when it is
 * taken (tokens, cookies, passcodes) and capped, so that no reporter can leak or bloat it.
 */
import type { Exchange } from "../../src/contract/index.js";
import { redactHeaders, redactText, redactValue } from "../../src/contract/redact.js";

export interface ExchangeSample {
  /** For an inner request of a batch: which batch entry and request id. */
  via?: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
}

/** Text bodies (not JSON) are kept up to this many characters. */
export const maxSampleText = 4000;

function capped(text: string): string {
  const clean = redactText(text);
  return clean.length > maxSampleText
    ? `${clean.slice(0, maxSampleText)}\n… (${clean.length - maxSampleText} more characters)`
    : clean;
}

export function sampleOf(exchange: Exchange): ExchangeSample {
  const { request, response } = exchange;
  return {
    ...(exchange.via ? { via: redactText(exchange.via) } : {}),
    request: {
      method: redactText(request.method),
      url: capped(request.url),
      headers: redactHeaders(request.headers),
      ...(request.body !== undefined ? { body: redactValue(request.body) } : {}),
    },
    response: {
      status: response.status,
      headers: redactHeaders(response.headers),
      ...(response.body !== undefined ? { body: redactValue(response.body) } : {}),
      ...(response.body === undefined && response.bodyText !== undefined
        ? { bodyText: capped(response.bodyText) }
        : {}),
    },
  };
}
