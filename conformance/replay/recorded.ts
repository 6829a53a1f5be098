/** One exchange as a recording holds it, before it is matched to a TAP operation. */
import { matchOperation, type TapOperation } from "../../src/spec/index.js";
import { splitRequestUrl, type Exchange } from "../../src/contract/rules/index.js";

export interface RecordedExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
  /** When the request was sent, if the recording says (HAR `startedDateTime`). */
  startedAt?: string;
}

/**
 * The TAP operation a recorded URL calls: the path is tried from each segment on, so any base
 * (`/v1.0`, a proxy prefix) in front of `/users/...` or `/me/...` works.
 */
export function matchRecorded(method: string, url: string): { operation: TapOperation; params: Record<string, string> } | undefined {
  const { path } = splitRequestUrl(url);
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    const match = matchOperation(method, `/${segments.slice(i).join("/")}`);
    if (match) return match;
  }
  return undefined;
}

export function toExchange(recorded: RecordedExchange): Exchange | undefined {
  const match = matchRecorded(recorded.request.method, recorded.request.url);
  if (!match) return undefined;
  return { operation: match.operation, params: match.params, request: recorded.request, response: recorded.response };
}
