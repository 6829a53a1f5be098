/**
 * Why a target was not reached, said once per target where we know the reason. Printed in
 * RESULTS.md only when that target was measured and missed, so the text never outlives the gap.
 */
import type { BenchResults } from "../support/results.js";

const reasons: Record<string, string> = {};

export function explanations(results: BenchResults): string[] {
  const out: string[] = [];
  for (const c of results.comparisons) {
    for (const t of c.targets) {
      const why = reasons[`${c.id}: ${t.text}`];
      if (t.met === false && why) out.push(`Why (${c.title}, ${t.text}): ${why}`);
    }
  }
  return out;
}
