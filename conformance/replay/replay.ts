/**
 * `tap-contract replay`: every exchange check over a recording, streamed. Checks that need
 * their own requests are reported as skipped: a recording cannot answer them.
 */
import { open } from "node:fs/promises";
import type { CheckExchangeOptions, Exchange } from "../../src/contract/index.js";
import { learnSecrets, type KnownSecrets } from "../../src/contract/redact.js";
import { UserError, describeSystemError } from "../../src/errors.js";
import type { Severity } from "../../src/contract/violation.js";
import type { Check, ExchangeCheck } from "../checks/check.js";
import type { Allowlist } from "../policy/allowlist.js";
import { settleRun } from "../run/settle.js";
import { ExchangeTally } from "../run/exchange-tally.js";
import type { ProgressHook } from "../run/progress.js";
import type { Outcome, RunResult } from "../run/result.js";
import { isBatch, unpackBatch } from "./batch.js";
import { readHar } from "./har.js";
import { readNdjson } from "./ndjson.js";
import { urlOverLimit } from "./limits.js";
import { toExchange, type RecordedExchange, type SkippedEntry } from "./recorded.js";

export type RecordingFormat = "har" | "ndjson";

export interface ReplayOptions {
  checks: readonly Check[];
  severityThreshold: Severity;
  format?: RecordingFormat;
  allowlist?: Allowlist;
  exchangeOptions?: CheckExchangeOptions;
  onProgress?: ProgressHook;
  today?: Date;
  /** Receives the tokens and passcodes the recording holds, for the writers to mask by value. */
  secrets?: KnownSecrets;
}

/** HAR by extension or by a leading `{"log"`; NDJSON otherwise. */
export async function detectFormat(path: string): Promise<RecordingFormat> {
  if (/\.har$/i.test(path)) return "har";
  if (/\.(ndjson|jsonl)$/i.test(path)) return "ndjson";
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    throw new UserError(`cannot read recording ${path}: ${describeSystemError(err)}`);
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return /^\uFEFF?\s*\{\s*"log"\s*:/.test(buffer.subarray(0, bytesRead).toString("utf8")) ? "har" : "ndjson";
  } finally {
    await handle.close();
  }
}

const progressEvery = 10_000;

async function readable(path: string): Promise<void> {
  try {
    const handle = await open(path, "r");
    const info = await handle.stat();
    await handle.close();
    if (info.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
  } catch (err) {
    throw new UserError(`cannot read recording ${path}: ${describeSystemError(err)}`);
  }
}

function observe(tally: ExchangeTally, recorded: RecordedExchange, exchange: Exchange): void {
  // Without a Date header the recording's own timestamp stands in for the server's clock.
  const now =
    recorded.startedAt !== undefined &&
    exchange.response.headers.date === undefined &&
    exchange.response.headers.Date === undefined
      ? new Date(recorded.startedAt)
      : undefined;
  tally.observe(exchange, now && !Number.isNaN(now.getTime()) ? { now } : undefined);
}

export async function replayRecording(path: string, options: ReplayOptions): Promise<RunResult> {
  const started = new Date();
  const t0 = performance.now();
  await readable(path);
  const format = options.format ?? (await detectFormat(path));
  const exchangeChecks = options.checks.filter((c): c is ExchangeCheck => c.kind === "exchange");
  const tally = new ExchangeTally(exchangeChecks, options.exchangeOptions ?? {}, options.secrets);
  const progress = options.onProgress ?? (() => undefined);
  progress({ kind: "start", checks: options.checks.length });
  let exchanges = 0;
  let ignored = 0;
  let skipped = 0;
  let firstSkipped: string | undefined;
  const source: AsyncIterable<RecordedExchange | SkippedEntry | undefined> =
    format === "har" ? readHar(path) : readNdjson(path);
  try {
    for await (const recorded of source) {
      exchanges++;
      if (recorded && "skipped" in recorded) {
        skipped++;
        firstSkipped ??= recorded.skipped;
        continue;
      }
      const longUrl = recorded && urlOverLimit(recorded.request.url);
      if (longUrl) {
        skipped++;
        firstSkipped ??= `${path}: exchange ${exchanges}: ${longUrl}`;
        continue;
      }
      if (recorded && options.secrets) learnSecrets(recorded, options.secrets);
      const batch = recorded !== undefined && isBatch(recorded);
      const exchange = recorded && toExchange(recorded, batch);
      if (!exchange) {
        ignored++;
        continue;
      }
      observe(tally, recorded, exchange);
      // Each inner request of a batch is judged as one sent alone, naming the batch and its id.
      if (batch) {
        for (const inner of unpackBatch(recorded, `entry ${exchanges}`)) {
          const innerExchange = toExchange(inner, false, inner.via);
          if (innerExchange) observe(tally, inner, innerExchange);
        }
      }
      if (exchanges % progressEvery === 0) progress({ kind: "exchanges", count: exchanges });
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    if ((err as NodeJS.ErrnoException).code)
      throw new UserError(`cannot read recording ${path}: ${(err as NodeJS.ErrnoException).code}`);
    throw err;
  }
  if (exchanges === 0)
    throw new UserError(
      `${path}: no exchanges found: expected a HAR 1.2 file (log.entries) or NDJSON, one exchange per line`,
    );
  const fromTally = tally.outcomes("no exchange in the recording that this check applies to");
  const raw: Outcome[] = options.checks.flatMap((check) =>
    check.kind === "exchange"
      ? (fromTally.get(check.id) ?? [])
      : [
          {
            check: check.id,
            title: check.title,
            severity: check.severity,
            operation: "*",
            status: "skip" as const,
            message: "needs its own requests; a recording cannot answer it",
            violations: [],
          },
        ],
  );
  return settleRun(raw, {
    target: { kind: "replay", location: path, readOnly: true },
    started,
    t0,
    checks: options.checks,
    severityThreshold: options.severityThreshold,
    ...(options.allowlist ? { allowlist: options.allowlist } : {}),
    ...(options.today ? { today: options.today } : {}),
    recording: { exchanges, ignored, ...(skipped > 0 ? { skipped, firstSkipped: firstSkipped! } : {}) },
  });
}
