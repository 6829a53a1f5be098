/**
 * Synthetic NDJSON recordings for the replay benchmark: faithful Get, List, Create and Delete
 * exchanges with fresh ids, written as a stream so that a million lines never sit in memory.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";

const ORIGIN = "https://graph.microsoft.com";
const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0").slice(-width);
}

function guid(n: number, tag: string): string {
  return `${tag}${hex(n, 4)}-0000-4000-8000-${hex(n * 7919, 12)}`;
}

/** Line `i` of a recording: one of four operations, each a faithful exchange. */
export function recordedLine(i: number, date: Date): string {
  const user = guid(i % 5000, "c0a7");
  const method = guid(i, "7a90");
  const rid = guid(i, "0ddd");
  const base = `${ORIGIN}/v1.0/users/${user}/authentication/temporaryAccessPassMethods`;
  const context = `${ORIGIN}/v1.0/$metadata#users('${user}')/authentication/temporaryAccessPassMethods`;
  const headers = { "content-type": GRAPH_JSON, "request-id": rid, "client-request-id": rid, date: date.toUTCString() };
  const start = new Date(date.getTime() - 10 * 60_000).toISOString().replace(/\.\d+Z$/, ".5740124Z");
  const pass = (secret: string | null) => ({
    id: method,
    temporaryAccessPass: secret,
    createdDateTime: start,
    startDateTime: start,
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: "EnabledByPolicy",
  });
  const request = (m: string, url: string, body?: unknown) => ({
    method: m,
    url,
    headers: { "client-request-id": rid },
    ...(body ? { body } : {}),
  });
  switch (i % 4) {
    case 0:
      return JSON.stringify({
        request: request("GET", `${base}/${method}`),
        response: { status: 200, headers, body: { "@odata.context": `${context}/$entity`, ...pass(null) } },
      });
    case 1:
      return JSON.stringify({
        request: request("GET", base),
        response: { status: 200, headers, body: { "@odata.context": context, value: [pass(null)] } },
      });
    case 2:
      return JSON.stringify({
        request: request("POST", base, {}),
        response: { status: 201, headers, body: { "@odata.context": `${context}/$entity`, ...pass("Zx8#kQ2w") } },
      });
    default:
      return JSON.stringify({
        request: request("DELETE", `${base}/${method}`),
        response: { status: 204, headers: { "request-id": rid, "client-request-id": rid, date: date.toUTCString() } },
      });
  }
}

export async function writeRecording(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const date = new Date();
  let chunk = "";
  for (let i = 0; i < count; i++) {
    chunk += recordedLine(i, date) + "\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}
