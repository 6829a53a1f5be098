import { describe, expect, it } from "vitest";
import { CleanupRegistry } from "./cleanup.js";
import { KeyedLock, Semaphore } from "./limiter.js";

describe("CleanupRegistry", () => {
  it("runs pending steps newest first, skips settled ones, and reports failures", async () => {
    const registry = new CleanupRegistry();
    const ran: string[] = [];
    const step = (label: string, problem?: string) => ({
      label,
      run: async () => (ran.push(label), problem),
    });
    registry.register(step("a"));
    registry.register(step("b", "Delete answered 403"));
    registry.register(step("c"));
    registry.settle("a");
    const report = await registry.runAll(1_000);
    expect(ran).toEqual(["c", "b"]);
    expect(report).toEqual({ done: ["c"], failed: [{ label: "b", problem: "Delete answered 403" }] });
    expect(registry.pending).toBe(0);
  });

  it("a step that throws or outlives the deadline is a failure, and the deadline is kept", async () => {
    const registry = new CleanupRegistry();
    registry.register({ label: "hangs", run: () => new Promise<undefined>(() => undefined) });
    registry.register({
      label: "throws",
      run: async () => {
        throw new Error("boom");
      },
    });
    const t0 = performance.now();
    const report = await registry.runAll(200);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(report.failed).toEqual([
      { label: "throws", problem: "boom" },
      { label: "hangs", problem: "did not finish within 200 ms" },
    ]);
  });
});

describe("limits", () => {
  it("Semaphore keeps at most N at once", async () => {
    const limit = new Semaphore(2);
    let now = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit.run(async () => {
          peak = Math.max(peak, ++now);
          await new Promise((r) => setTimeout(r, 5));
          now--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it("KeyedLock runs holders of one key one after another, in order, and other keys beside them", async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const hold = (key: string, name: string, ms: number) =>
      lock.run(key, async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}-`);
      });
    await Promise.all([hold("u", "a", 20), hold("u", "b", 1), hold("v", "c", 1)]);
    expect(log.indexOf("a-")).toBeLessThan(log.indexOf("b+"));
    expect(log.indexOf("c+")).toBeLessThan(log.indexOf("a-"));
  });
});
