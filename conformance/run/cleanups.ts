/**
 * What a run must undo before it ends, also when it is interrupted: each entry is a small,
 * self-contained async step (today: putting the tenant's TAP policy back). The run calls
 * `runAll` in its finally; the CLI calls it on SIGINT/SIGTERM before exiting. A general
 * cleanup mechanism for write runs can take these entries over unchanged.
 */
export interface Cleanups {
  /** Register a step; the returned function unregisters it (call it once the step has run). */
  add(label: string, step: () => Promise<void>): () => void;
  /** Run every registered step once, oldest last; the labels of those that failed, with why. */
  runAll(): Promise<string[]>;
  readonly size: number;
}

export function createCleanups(): Cleanups {
  const steps = new Map<symbol, { label: string; step: () => Promise<void> }>();
  return {
    add(label, step) {
      const key = Symbol(label);
      steps.set(key, { label, step });
      return () => void steps.delete(key);
    },
    async runAll() {
      const failed: string[] = [];
      for (const [key, { label, step }] of [...steps].reverse()) {
        steps.delete(key);
        try {
          await step();
        } catch (err) {
          failed.push(`${label}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return failed;
    },
    get size() {
      return steps.size;
    },
  };
}
