/** Shared helpers of the mock's end-to-end tests: one mock per file, requests over real HTTP. */
import { operationById, type TapOperation } from "../../src/spec/index.js";
import { validateResponseBody } from "../../src/contract/schemas.js";
import type { MockGraph } from "../../src/mock/index.js";

export const ids = {
  adele: "c0a70000-0000-4000-8000-000000000001",
  pradeep: "c0a70000-0000-4000-8000-000000000002",
  grace: "c0a70000-0000-4000-8000-000000000003",
  megan: "c0a70000-0000-4000-8000-000000000004",
  nestor: "c0a70000-0000-4000-8000-000000000005",
  lee: "c0a70000-0000-4000-8000-000000000006",
  lynne: "c0a70000-0000-4000-8000-000000000007",
  miriam: "c0a70000-0000-4000-8000-000000000008",
  joni: "c0a70000-0000-4000-8000-000000000009",
  patti: "c0a70000-0000-4000-8000-000000000010",
  ada: "c0a70000-0000-4000-8000-000000000011",
} as const;

export const meganTap = "7a900000-0000-4000-8000-000000000004";

export const tapPath = (user: string) => `/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** Send a request to the mock's Graph root and read the whole answer. */
export async function call(
  mock: MockGraph,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${mock.graphUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** The spec's verdict on a response body: [] when it validates. */
export function schemaFindings(operationId: string, answer: Answer, selected?: string[]): string[] {
  const op: TapOperation = operationById(operationId);
  return validateResponseBody(op, answer.status, answer.body, selected).map((f) => `${f.instancePath}: ${f.message}`);
}

export const errorCode = (a: Answer) => (a.body as { error?: { code?: string } } | undefined)?.error?.code;
export const errorMessage = (a: Answer) => (a.body as { error?: { message?: string } } | undefined)?.error?.message;
