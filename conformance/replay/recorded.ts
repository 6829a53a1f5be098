/** One exchange as a recording holds it, before it is matched to a TAP operation. */
import {
  batchOperation,
  longestTemplateSegments,
  matchOperationSuffix,
  type TapOperation,
} from "../../src/spec/index.js";
import { splitRequestUrl, type Exchange } from "../../src/contract/index.js";

export interface RecordedExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
  /** When the request was sent, if the recording says (HAR `startedDateTime`). */
  startedAt?: string;
}

/** An entry over the replay limits (limits.ts): why, naming the entry. */
export interface SkippedEntry {
  skipped: string;
}

/**
 * The TAP operation a recorded URL calls: the path's last few segments are tried (as many as
 * the longest path template has), so any base (`/v1.0`, a proxy prefix) in front of
 * `/users/...` or `/me/...` works, in time linear in the URL. The path is split once; each
 * try matches a suffix of those segments in place.
 */
export function matchRecorded(
  method: string,
  url: string,
): { operation: TapOperation; params: Record<string, string> } | undefined {
  const { path } = splitRequestUrl(url);
  const segments = path.split("/");
  // A template of n segments (its leading empty one included) matches the last n - 1 of the URL.
  for (let i = Math.max(1, segments.length - (longestTemplateSegments - 1)); i < segments.length; i++) {
    const match = matchOperationSuffix(method, segments, i);
    if (match) return match;
  }
  return undefined;
}

/** The exchange to judge: a TAP operation's, or a batch envelope's (`batch`: the caller saw `isBatch`). */
export function toExchange(recorded: RecordedExchange, batch = false, via?: string): Exchange | undefined {
  const match = batch
    ? { operation: batchOperation, params: {} }
    : matchRecorded(recorded.request.method, recorded.request.url);
  if (!match) return undefined;
  return {
    operation: match.operation,
    params: match.params,
    request: recorded.request,
    response: recorded.response,
    ...(via ? { via } : {}),
  };
}
