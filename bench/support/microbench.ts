/**
 * In-process micro-benchmarks: contenders run interleaved (A, B, C, A, B, C, ...) so that a
 * noisy neighbour or a GC pause hits all of them alike; each round times a fixed batch.
 */
import { median } from "./stats.js";

export interface Contender {
  label: string;
  /** One operation; its return value is kept alive so the JIT cannot drop the work. */
  fn: () => unknown;
}

export interface MicroOptions {
  /** Operations per timed batch. */
  batch: number;
  /** Timed rounds per contender (the median is reported). */
  rounds: number;
  /** Untimed batches first, so every contender is optimised before timing. */
  warmupBatches: number;
}

let sink: unknown;

function timeBatch(fn: () => unknown, batch: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) sink = fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Operations per second of each contender: every round's figure, in contender order. */
export function microbench(contenders: readonly Contender[], options: MicroOptions): Map<string, number[]> {
  for (const c of contenders) for (let i = 0; i < options.warmupBatches; i++) timeBatch(c.fn, options.batch);
  const out = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let r = 0; r < options.rounds; r++) {
    // Rotate the starting contender each round: no one always runs right after a GC-heavy peer.
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(r + k) % contenders.length]!;
      out.get(c.label)!.push(options.batch / timeBatch(c.fn, options.batch));
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return out;
}

export { median };
