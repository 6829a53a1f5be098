/**
 * NDJSON recordings: one exchange per line,
 * `{"request":{"method","url","headers","body"?},"response":{"status","headers","body"? | "bodyText"?},"startedAt"?}`.
 * Read line by line (constant memory); a bad line is a one-line error naming its number, a line
 * over the limits (limits.ts) is skipped and named.
 */
import { UserError } from "../../src/errors.js";
import { entryOverLimit, replayLimits } from "./limits.js";
import { cappedLines } from "./lines.js";
import type { RecordedExchange, SkippedEntry } from "./recorded.js";

function stringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== "string") return false;
  return true;
}

/** Whether a line is only whitespace, without copying it (most lines start with `{`). */
function blank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) !== 123 /* { */ && text.trim() === "");
}

/** Validate one parsed line; `where` names it in the error. */
export function recordedFromJson(value: unknown, where: string): RecordedExchange {
  const v = value as {
    request?: Record<string, unknown>;
    response?: Record<string, unknown>;
    startedAt?: unknown;
  } | null;
  const req = v?.request;
  const res = v?.response;
  if (typeof req?.method !== "string" || typeof req.url !== "string")
    throw new UserError(`${where}: expected "request" with "method" and "url" strings`);
  if (typeof res?.status !== "number" || !Number.isInteger(res.status))
    throw new UserError(`${where}: expected "response" with an integer "status"`);
  const reqHeaders = req.headers ?? {};
  const resHeaders = res.headers ?? {};
  if (!stringRecord(reqHeaders) || !stringRecord(resHeaders))
    throw new UserError(`${where}: expected "headers" as an object of strings`);
  if (res.bodyText !== undefined && typeof res.bodyText !== "string")
    throw new UserError(`${where}: expected "response.bodyText" as a string`);
  return {
    request: {
      method: req.method,
      url: req.url,
      headers: reqHeaders,
      ...(req.body !== undefined ? { body: req.body } : {}),
    },
    response: {
      status: res.status,
      headers: resHeaders,
      ...(res.body !== undefined ? { body: res.body } : {}),
      ...(typeof res.bodyText === "string" ? { bodyText: res.bodyText } : {}),
    },
    ...(typeof v?.startedAt === "string" ? { startedAt: v.startedAt } : {}),
  };
}

export async function* readNdjson(path: string): AsyncGenerator<RecordedExchange | SkippedEntry> {
  for await (const lines of cappedLines(path, replayLimits.maxEntryBytes)) {
    for (const line of lines) {
      const where = `${path}: line ${line.n} (entry ${line.n})`;
      if ("oversized" in line) {
        yield { skipped: `${where}: ${line.oversized} bytes, over the ${replayLimits.maxEntryBytes}-byte cap` };
        continue;
      }
      // A byte order mark before the first line is the file's encoding, not its content (as in HAR).
      const text = line.n === 1 && line.text.charCodeAt(0) === 0xfeff ? line.text.slice(1) : line.text;
      if (blank(text)) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new UserError(`${where} is not valid JSON`);
      }
      const over = entryOverLimit(value);
      if (over) yield { skipped: `${where}: ${over}` };
      else yield recordedFromJson(value, where);
    }
  }
}
