/** Recordings for replay tests, generated from real runs against the mock (never committed files). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allChecks } from "../../conformance/checks/index.js";
import { recordLine } from "../../conformance/replay/recorder.js";
import { runSuite } from "../../conformance/run/run-suite.js";
import { startMockTarget } from "../../conformance/targets/mock.js";
import { fastRetry } from "./run-mock.js";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tap-replay-"));
}

/** The NDJSON lines of a whole run against the mock (tokens and passes redacted by the recorder). */
export async function recordMockRun(scenarios: string[] = []): Promise<string[]> {
  const target = await startMockTarget({ scenarios });
  const lines: string[] = [];
  try {
    await runSuite(target, {
      checks: allChecks,
      severityThreshold: "low",
      retry: fastRetry,
      record: (e) => lines.push(recordLine(e)),
    });
  } finally {
    await target.close();
  }
  return lines;
}

/** The same exchanges as a HAR 1.2 document, shaped as browsers write it. */
export function toHar(lines: string[]): string {
  const entries = lines.map((line) => {
    const x = JSON.parse(line) as {
      request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
      response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
      startedAt: string;
    };
    const text = x.response.body !== undefined ? JSON.stringify(x.response.body) : (x.response.bodyText ?? "");
    return {
      startedDateTime: x.startedAt,
      time: 1,
      request: {
        method: x.request.method,
        url: x.request.url,
        httpVersion: "HTTP/1.1",
        headers: Object.entries(x.request.headers).map(([name, value]) => ({ name, value })),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
        ...(x.request.body !== undefined
          ? { postData: { mimeType: "application/json", text: JSON.stringify(x.request.body) } }
          : {}),
      },
      response: {
        status: x.response.status,
        statusText: "",
        httpVersion: "HTTP/1.1",
        headers: Object.entries(x.response.headers).map(([name, value]) => ({ name, value })),
        cookies: [],
        // Browsers base64-encode some bodies; do it for every other one.
        content: {
          size: text.length,
          mimeType: x.response.headers["content-type"] ?? "x-unknown",
          ...(x.response.status % 2 ? { text: Buffer.from(text).toString("base64"), encoding: "base64" } : { text }),
        },
        redirectURL: "",
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    };
  });
  // An aborted request (status 0) and a call that is not TAP, as real HARs have.
  entries.push({ ...entries[0]!, response: { ...entries[0]!.response, status: 0 } });
  entries.push({
    ...entries[0]!,
    request: { ...entries[0]!.request, url: "https://graph.microsoft.com/v1.0/me/messages" },
  });
  return JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } }, null, 1);
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
