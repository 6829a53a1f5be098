/**
 * HAR 1.2 recordings (browsers, Dev Proxy, Redocly's proxy), streamed entry by entry with
 * stream-json so that a recording of a million exchanges runs in constant memory.
 */
import { createReadStream } from "node:fs";
import chain from "stream-chain";
import { parser } from "stream-json";
import { UserError } from "../../src/errors.js";
import { entryOverLimit, replayLimits } from "./limits.js";
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

/** A container being built: an object with its pending key, or an array. */
type Frame = { obj: Record<string, unknown>; key: string | undefined } | { arr: unknown[] };

/**
 * The values of `log.entries`, one at a time, from stream-json's tokens with nothing packed by
 * the parser: strings, numbers and keys arrive in chunks, and an entry is built here only while
 * it stays within `maxEntryBytes` characters and `maxDepth` levels. Past either, what was built
 * is dropped and the rest of the entry only counted, so an entry of any size (a 3 GB string, a
 * million keys) costs the memory of the cap, not its own.
 */
async function* harEntries(
  tokens: AsyncIterable<{ name: string; value?: unknown }>,
  limits: { maxEntryBytes: number; maxDepth: number },
): AsyncGenerator<{ value: unknown } | { over: string }> {
  /**
   * Containers outside the entries (root, log, …), with their current key (capped: only "log" and "entries" matter).
   */
  const outer: Array<{ key: string; isArray: boolean }> = [];
  let outerKey = "";
  let inKey = false;
  let inEntries = false;
  // The entry being built.
  let depth = 0;
  let size = 0;
  let over: string | undefined;
  const frames: Frame[] = [];
  let text = "";
  let root: unknown;
  const place = (value: unknown) => {
    const top = frames[frames.length - 1];
    if (!top) root = value;
    else if ("arr" in top) top.arr.push(value);
    else {
      Object.defineProperty(top.obj, top.key ?? "", { value, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
    }
  };
  const grow = (n: number) => {
    size += n;
    if (over === undefined && size > limits.maxEntryBytes) {
      over = `larger than ${limits.maxEntryBytes} bytes`;
      frames.length = 0;
      text = "";
    }
  };
  for await (const t of tokens) {
    if (!inEntries) {
      // Outside the entries: follow the path, build nothing.
      switch (t.name) {
        case "startKey":
          inKey = true;
          outerKey = "";
          break;
        case "stringChunk":
          if (inKey && outerKey.length < 16) outerKey += String(t.value);
          break;
        case "endKey":
          inKey = false;
          if (outer.length > 0) outer[outer.length - 1]!.key = outerKey;
          break;
        case "startObject":
        case "startArray": {
          const path = outer.map((f) => f.key).join(".");
          outer.push({ key: "", isArray: t.name === "startArray" });
          if (t.name === "startArray" && outer.length === 3 && path === "log.entries") inEntries = true;
          break;
        }
        case "endObject":
        case "endArray":
          outer.pop();
          break;
      }
      continue;
    }
    const starts = t.name === "startObject" || t.name === "startArray";
    const ends = t.name === "endObject" || t.name === "endArray";
    if (depth === 0 && t.name === "endArray") {
      // The end of log.entries.
      inEntries = false;
      outer.pop();
      continue;
    }
    if (starts) {
      depth++;
      grow(2);
      if (over === undefined && depth > limits.maxDepth) {
        over = `nested deeper than ${limits.maxDepth} levels`;
        frames.length = 0;
      }
      if (over === undefined) {
        const frame: Frame = t.name === "startObject" ? { obj: {}, key: undefined } : { arr: [] };
        place("obj" in frame ? frame.obj : frame.arr);
        frames.push(frame);
      }
    } else if (ends) {
      depth--;
      if (over === undefined) frames.pop();
    } else {
      switch (t.name) {
        case "startKey":
        case "startString":
        case "startNumber":
          text = "";
          break;
        case "stringChunk":
        case "numberChunk":
          grow(String(t.value).length);
          if (over === undefined) text += String(t.value);
          break;
        case "endKey":
          grow(3);
          if (over === undefined) {
            const top = frames[frames.length - 1];
            if (top && "obj" in top) top.key = text;
          }
          break;
        case "endString":
          grow(2);
          if (over === undefined) place(text);
          break;
        case "endNumber":
          if (over === undefined) place(Number(text));
          break;
        case "nullValue":
        case "trueValue":
        case "falseValue":
          grow(5);
          if (over === undefined) place(t.value ?? null);
          break;
      }
    }
    const completes =
      ends ||
      t.name === "endString" ||
      t.name === "endNumber" ||
      t.name === "nullValue" ||
      t.name === "trueValue" ||
      t.name === "falseValue";
    if (depth === 0 && completes) {
      // One entry complete.
      yield over === undefined ? { value: root } : { over };
      root = undefined;
      over = undefined;
      size = 0;
      text = "";
    }
  }
}

export async function* readHar(
  path: string,
  limits: { maxEntryBytes: number; maxDepth: number } = replayLimits,
): AsyncGenerator<RecordedExchange | SkippedEntry | undefined> {
  const pipeline = chain([createReadStream(path), parser({ packValues: false, streamValues: true })]);
  let index = -1;
  try {
    for await (const entry of harEntries(pipeline as AsyncIterable<{ name: string; value?: unknown }>, limits)) {
      index++;
      if ("over" in entry) {
        yield { skipped: `${path}: entry ${index + 1}: ${entry.over}` };
        continue;
      }
      const over = entryOverLimit(entry.value);
      yield over
        ? { skipped: `${path}: entry ${index + 1}: ${over}` }
        : recordedFromHar(entry.value, `${path}: entry ${index + 1}`);
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
