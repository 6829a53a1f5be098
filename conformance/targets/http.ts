/**
 * One bounded HTTP exchange: a deadline that covers headers and body, a body size cap, no
 * redirects followed (a token must never travel to another host), and failures as data.
 */
export interface HttpLimits {
  /** Deadline for the whole exchange, body included. */
  timeoutMs: number;
  /** Bodies larger than this are abandoned. */
  maxBodyBytes: number;
}

export const defaultHttpLimits: HttpLimits = { timeoutMs: 10_000, maxBodyBytes: 4 * 1024 * 1024 };

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  bodyText: string;
}

/** Why no response could be read. `unreachable` and `certificate` stop a run before it starts. */
export type HttpFailureKind =
  | "timeout"
  | "too-large"
  | "unreachable"
  | "certificate"
  | "reset"
  | "network"
  /** The run was interrupted (Ctrl-C, SIGTERM, or it ended itself): the request was not sent or was abandoned. */
  | "interrupted";

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; kind: HttpFailureKind; error: string };

const certificateCodes = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
]);
const unreachableCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const resetCodes = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function classify(
  err: unknown,
  timedOut: boolean,
  limits: HttpLimits,
  url: string,
): { ok: false; kind: HttpFailureKind; error: string } {
  if (timedOut) return { ok: false, kind: "timeout", error: `no complete response within ${limits.timeoutMs} ms` };
  const code = errorCode(err);
  const host = safeHost(url);
  if (code && certificateCodes.has(code))
    return { ok: false, kind: "certificate", error: `TLS certificate of ${host} rejected (${code})` };
  if (code && unreachableCodes.has(code))
    return { ok: false, kind: "unreachable", error: `cannot connect to ${host} (${code})` };
  if (code && resetCodes.has(code))
    return { ok: false, kind: "reset", error: `connection to ${host} was reset (${code})` };
  if (causedBy(err, "bad port")) {
    return {
      ok: false,
      kind: "unreachable",
      error:
        `fetch refuses port ${new URL(url).port} of ${host} (one of the "bad ports" browsers and Node block): ` +
        `serve the target on another port`,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, kind: "network", error: `request to ${host} failed: ${code ?? message}` };
}

/** Whether an error or one of its causes has exactly this message (undici reports some refusals only so). */
function causedBy(err: unknown, message: string): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { message?: unknown }).message === message) return true;
  }
  return false;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<string | undefined> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export async function boundedFetch(
  request: HttpRequest,
  limits: HttpLimits = defaultHttpLimits,
  fetchImpl: typeof fetch = fetch,
  /** The run's own stop: aborts the exchange as `interrupted`. */
  stop?: AbortSignal,
): Promise<HttpResult> {
  if (stop?.aborted) return { ok: false, kind: "interrupted", error: "the run was interrupted" };
  const controller = new AbortController();
  const onStop = () => controller.abort();
  stop?.addEventListener("abort", onStop, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: controller.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const bodyText = await readCapped(response.body, limits.maxBodyBytes);
    if (bodyText === undefined) {
      controller.abort();
      return { ok: false, kind: "too-large", error: `response body over the ${limits.maxBodyBytes}-byte limit` };
    }
    return { ok: true, response: { status: response.status, headers, bodyText } };
  } catch (err) {
    if (stop?.aborted && !timedOut) return { ok: false, kind: "interrupted", error: "the run was interrupted" };
    return classify(err, timedOut, limits, request.url);
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener("abort", onStop);
  }
}
