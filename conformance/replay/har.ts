/**
 * HAR 1.2 recordings (browsers, Dev Proxy, Redocly's proxy), streamed entry by entry with
 * stream-json so that a recording of a million exchanges runs in constant memory.
 */
import { createReadStream } from "node:fs";
import chain from "stream-chain";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { UserError } from "../../src/errors.js";
import { entryOverLimit } from "./limits.js";
import type { RecordedExchange, SkippedEntry } from "./recorded.js";

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

function headers(list: unknown, where: string): Record<string, string> {
  if (list === undefined) return {};
  if (!Array.isArray(list)) throw new UserError(`${where}: expected headers as an array of {name, value}`);
  const out: Record<string, string> = {};
  for (const h of list as HarHeader[]) {
    if (typeof h?.name !== "string" || typeof h.value !== "string")
      throw new UserError(`${where}: expected headers as an array of {name, value}`);
    const name = h.name.toLowerCase();
    // HTTP/2 pseudo-headers (":status") are not headers of the exchange.
    if (name.startsWith(":")) continue;
    out[name] = out[name] === undefined ? h.value : `${out[name]}, ${h.value}`;
  }
  return out;
}

function parseMaybeJson(text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One HAR entry as a recorded exchange; undefined for entries with no response (status 0: aborted, blocked). */
export function recordedFromHar(entry: unknown, where: string): RecordedExchange | undefined {
  const e = entry as {
    request?: Record<string, unknown>;
    response?: Record<string, unknown>;
    startedDateTime?: unknown;
  } | null;
  const req = e?.request;
  const res = e?.response;
  if (typeof req?.method !== "string" || typeof req.url !== "string")
    throw new UserError(`${where}: expected "request" with "method" and "url"`);
  if (typeof res?.status !== "number") throw new UserError(`${where}: expected "response" with a numeric "status"`);
  if (res.status === 0) return undefined;
  const content = res.content as { text?: unknown; encoding?: unknown } | undefined;
  let text = typeof content?.text === "string" ? content.text : undefined;
  if (text !== undefined && content?.encoding === "base64") text = Buffer.from(text, "base64").toString("utf8");
  const body = parseMaybeJson(text);
  const postText = (req.postData as { text?: unknown } | undefined)?.text;
  const requestBody = typeof postText === "string" ? parseMaybeJson(postText) : undefined;
  return {
    request: {
      method: req.method,
      url: req.url,
      headers: headers(req.headers, `${where}.request`),
      ...(requestBody !== undefined ? { body: requestBody } : {}),
    },
    response: {
      status: res.status,
      headers: headers(res.headers, `${where}.response`),
      ...(body !== undefined ? { body } : text !== undefined && text !== "" ? { bodyText: text } : {}),
    },
    ...(typeof e?.startedDateTime === "string" ? { startedAt: e.startedDateTime } : {}),
  };
}

export async function* readHar(path: string): AsyncGenerator<RecordedExchange | SkippedEntry | undefined> {
  const pipeline = chain([createReadStream(path), parser(), pick({ filter: "log.entries" }), streamArray()]);
  let index = -1;
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      index = item.key;
      const over = entryOverLimit(item.value);
      yield over
        ? { skipped: `${path}: entry ${index + 1}: ${over}` }
        : recordedFromHar(item.value, `${path}: entry ${index + 1}`);
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code))
      throw new UserError(`cannot read recording ${path}: ${code}`);
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    throw new UserError(`${path}: entry ${index + 2}: not valid HAR JSON (${reason})`);
  } finally {
    pipeline.destroy();
  }
}
