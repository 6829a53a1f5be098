/**
 * `createMany()`: a pass for each of many users through JSON batching, 20 Creates to a batch.
 * A throttled Create (429 inside the batch, which Graph did not process) is sent again after its
 * own `Retry-After`, while the call's deadline allows; every other answer is final. One result per
 * user, in input order, each the pass (with its passcode, the only time it is returned) or the
 * error as data. Nothing here writes a passcode anywhere but into its result.
 */
import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/api.js";
import { InvalidInputError, RequestTimeoutError, type TapError } from "./errors.js";
import { sleep } from "./middleware/retry.js";
import { checkSegment, encodeSegment } from "./path-segment.js";
import { delayMs } from "./options.js";
import { retryAfterMs } from "../http/retry-after.js";
import { readBodies, readJson } from "./transport.js";
import type { CreatedTemporaryAccessPassMethod, TemporaryAccessPassCreateRequest } from "./types.js";

/** Graph's limit of requests in one batch (the spec's `x-batch.maxRequests`; a test keeps the two in step). */
export const batchSize = 20;

export interface CreateManyProgress {
  /** Users with a final result. */
  done: number;
  total: number;
  /** Creates throttled in the batch just answered, to be sent again. */
  throttled: number;
}

export interface CreateManyOptions {
  /** Abort the call (the promise rejects with the signal's reason; passes made so far are not reported). */
  signal?: AbortSignal;
  /** The whole call's time budget, waits included (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Told after each batch's answer. Counts only: never a passcode. */
  onProgress?: (progress: CreateManyProgress) => void;
  /** Waits `ms`, rejecting with the signal's reason when it aborts. Tests inject a fake. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock of the deadline and of `Retry-After` (default `Date.now`); tests pair it with `sleep`. */
  now?: () => number;
}

export type CreateManyResult =
  | { user: string; data: CreatedTemporaryAccessPassMethod; error?: never }
  | { user: string; data?: never; error: TapError };

interface Pending {
  index: number;
  user: string;
  /** Earliest time to send it again (after a 429's Retry-After). */
  notBefore: number;
  /** The last answer, kept as the result if no retry fits in the deadline. */
  last?: TapError;
}

interface Inner {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export interface CreateManyDeps {
  raw: Client<paths>;
  timeoutMs: number;
}

export async function createMany(
  deps: CreateManyDeps,
  users: readonly string[],
  body: TemporaryAccessPassCreateRequest = {},
  options: CreateManyOptions = {},
): Promise<CreateManyResult[]> {
  if (!Array.isArray(users))
    throw new InvalidInputError("createMany: expected a list of users' object ids or userPrincipalNames");
  users.forEach((user, i) => {
    checkSegment(`users[${i}]`, user);
    if (user.toLowerCase() === "me")
      throw new InvalidInputError(
        `createMany: users[${i}] is "me": administrators cannot create a pass for themselves`,
      );
  });
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new InvalidInputError("createMany: body must be an object such as { lifetimeInMinutes: 60 }");
  const budget = delayMs("createMany: timeoutMs", options.timeoutMs, deps.timeoutMs);
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  const deadline = now() + budget;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new RequestTimeoutError(`createMany: no complete answer within ${budget} ms`, budget)),
    budget,
  );
  const caller = options.signal;
  const onAbort = caller ? () => controller.abort(caller.reason) : undefined;
  if (caller && onAbort) {
    if (caller.aborted) onAbort();
    else caller.addEventListener("abort", onAbort, { once: true });
  }
  const results: Array<CreateManyResult | undefined> = users.map(() => undefined);
  let done = 0;
  const settle = (p: Pending, result: CreateManyResult) => {
    results[p.index] = result;
    done++;
  };
  let pending: Pending[] = users.map((user, index) => ({ index, user, notBefore: 0 }));
  try {
    while (pending.length > 0) {
      // A retry that cannot start before the deadline keeps its 429 as the result.
      for (const p of pending)
        if (p.notBefore >= deadline) settle(p, { user: p.user, error: p.last ?? timeoutError(budget) });
      pending = pending.filter((p) => p.notBefore < deadline);
      if (pending.length === 0) break;
      const due = Math.max(...pending.map((p) => p.notBefore));
      const left = due - now();
      if (left > 0) await wait(left, controller.signal);
      const next: Pending[] = [];
      for (let at = 0; at < pending.length; at += batchSize) {
        const chunk = pending.slice(at, at + batchSize);
        const answers = await sendBatch(deps, chunk, body, controller.signal, now);
        let throttled = 0;
        for (const [i, p] of chunk.entries()) {
          const a = answers[i]!;
          if ("data" in a) settle(p, { user: p.user, data: a.data });
          else if (a.retryAt !== undefined) {
            throttled++;
            next.push({ ...p, notBefore: a.retryAt, last: a.error });
          } else settle(p, { user: p.user, error: a.error });
        }
        options.onProgress?.({ done, total: users.length, throttled });
      }
      pending = next;
    }
  } catch (err) {
    if (controller.signal.aborted && controller.signal.reason instanceof RequestTimeoutError) {
      // The deadline passed mid-flight: what was answered stands, the rest is a timeout as data.
      for (const [index, r] of results.entries())
        if (!r) results[index] = { user: users[index]!, error: timeoutError(budget) };
      return results as CreateManyResult[];
    }
    throw controller.signal.aborted ? controller.signal.reason : err;
  } finally {
    clearTimeout(timer);
    if (caller && onAbort) caller.removeEventListener("abort", onAbort);
  }
  return results as CreateManyResult[];
}

type Answer = { data: CreatedTemporaryAccessPassMethod } | { error: TapError; retryAt?: number };

async function sendBatch(
  deps: CreateManyDeps,
  chunk: Pending[],
  body: TemporaryAccessPassCreateRequest,
  signal: AbortSignal,
  clock: () => number,
): Promise<Answer[]> {
  const clientRequestId = crypto.randomUUID();
  const requests = chunk.map((p, i) => ({
    id: String(i + 1),
    method: "POST",
    url: `/users/${encodeSegment(p.user)}/authentication/temporaryAccessPassMethods`,
    headers: { "Content-Type": "application/json" },
    body,
  }));
  const send = deps.raw.request as unknown as (
    method: string,
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ response: Response }>;
  const { response } = await send("POST", "/$batch", {
    params: { header: { "client-request-id": clientRequestId } },
    body: { requests },
    signal,
    parseAs: "stream",
  });
  const requestId = response.headers.get("request-id") ?? undefined;
  const parsed = response.ok ? await readJson(response, signal) : undefined;
  const inner = (parsed as { responses?: unknown } | undefined)?.responses;
  // The whole batch refused (a 400 for its envelope, a 401): Graph's envelope for every user in it.
  const refusal = response.ok
    ? undefined
    : (readBodies.get(response)?.json as { error?: { code?: unknown } } | undefined);
  if (refusal && typeof refusal.error?.code === "string") {
    const error = { ...refusal, status: response.status, requestId, clientRequestId } as TapError;
    return chunk.map(() => ({ error }));
  }
  if (!response.ok || !Array.isArray(inner)) {
    const error = clientError(
      response.ok ? "unexpectedResponse" : "batchRefused",
      response.ok
        ? `Received: a ${response.status} batch answer without a responses array / Expected: Graph's batch envelope`
        : `Received: HTTP ${response.status} for the whole batch / Expected: 200 with one response per Create`,
      response.status,
      requestId,
      clientRequestId,
    );
    return chunk.map(() => ({ error }));
  }
  const byId = new Map<string, Inner>();
  for (const r of inner as Inner[]) if (typeof r?.id === "string") byId.set(r.id, r);
  const now = clock();
  return chunk.map((_, i) => {
    const r = byId.get(String(i + 1));
    const status = typeof r?.status === "number" ? r.status : 0;
    const b = r?.body as Record<string, unknown> | undefined;
    if (status === 201 && b && typeof b === "object" && typeof b.id === "string")
      return { data: b as unknown as CreatedTemporaryAccessPassMethod };
    const envelope =
      b && typeof b === "object" && typeof (b.error as { code?: unknown } | undefined)?.code === "string";
    const innerId = envelope
      ? ((b!.error as { innerError?: Record<string, unknown> }).innerError?.["request-id"] as string | undefined)
      : undefined;
    const error: TapError = envelope
      ? ({ ...(b as object), status, requestId: innerId ?? requestId, clientRequestId } as TapError)
      : clientError(
          "unexpectedResponse",
          r === undefined
            ? "Received: no response for this Create in the batch / Expected: one response per request id"
            : `Received: status ${status} without Graph's error envelope / Expected: 201 with the pass, or an ` +
                `error envelope`,
          status,
          requestId,
          clientRequestId,
        );
    if (status !== 429) return { error };
    const headers = Object.fromEntries(Object.entries(r?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    // No Retry-After inside the batch: a second's wait, the least Graph asks for.
    return { error, retryAt: now + (retryAfterMs(headers["retry-after"], now) ?? 1000) };
  });
}

function clientError(
  code: string,
  message: string,
  status: number,
  requestId: string | undefined,
  clientRequestId: string,
): TapError {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        "request-id": requestId ?? "",
        "client-request-id": clientRequestId,
      },
    },
    status,
    requestId,
    clientRequestId,
  };
}

function timeoutError(budget: number): TapError {
  const id = crypto.randomUUID();
  return clientError(
    "requestTimeout",
    `createMany: no answer for this Create within ${budget} ms; it may have been made`,
    0,
    undefined,
    id,
  );
}
