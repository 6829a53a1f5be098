/**
 * What a run undoes before it ends, however it ends: steps registered while the run works (a
 * pass to delete, a policy to restore) and run in its `finally`, after a normal end, a broken
 * check or an interrupt alike. Owned by one run, never module state.
 */

/** One thing to undo. `run` resolves with a problem sentence, or undefined when it was undone. */
export interface CleanupStep {
  /** What it undoes, for the report: never a secret (a pass id, not its passcode). */
  label: string;
  run(signal: AbortSignal): Promise<string | undefined>;
}

export interface CleanupReport {
  /** Steps that ran and succeeded. */
  done: string[];
  /** Steps that failed or did not finish in time, with why. */
  failed: Array<{ label: string; problem: string }>;
}

export class CleanupRegistry {
  readonly #steps = new Map<string, CleanupStep>();

  /**
   * Adds a step; a step with the label of a pending one replaces it (the same pass seen twice).
   * Steps run newest first, as undo does.
   */
  register(step: CleanupStep): void {
    this.#steps.delete(step.label);
    this.#steps.set(step.label, step);
  }

  /** Drops a pending step that no longer needs to run (the run deleted the pass itself). */
  settle(label: string): void {
    this.#steps.delete(label);
  }

  get pending(): number {
    return this.#steps.size;
  }

  /** Runs every pending step, newest first, within `deadlineMs` for all of them together. */
  async runAll(deadlineMs: number): Promise<CleanupReport> {
    const report: CleanupReport = { done: [], failed: [] };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadlineMs);
    try {
      for (const step of [...this.#steps.values()].reverse()) {
        this.#steps.delete(step.label);
        if (controller.signal.aborted) {
          report.failed.push({ label: step.label, problem: `not run: cleanup took over ${deadlineMs} ms` });
          continue;
        }
        const problem = await Promise.race([
          step.run(controller.signal).catch((err: unknown) => (err instanceof Error ? err.message : String(err))),
          new Promise<string>((resolve) =>
            controller.signal.addEventListener("abort", () => resolve(`did not finish within ${deadlineMs} ms`), {
              once: true,
            }),
          ),
        ]);
        if (problem === undefined) report.done.push(step.label);
        else report.failed.push({ label: step.label, problem });
      }
    } finally {
      clearTimeout(timer);
    }
    return report;
  }
}
