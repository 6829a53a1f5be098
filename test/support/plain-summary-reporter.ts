// CI reads the last line of the run as `N passed, N failed, N skipped`; vitest's own summary
// is in another form, so this reporter adds that one line at the very end, after one line per
// skipped test (its name carries the reason), so that no skip goes unseen in a CI log.
import type { Reporter, TestModule } from "vitest/node";

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const skips: string[] = [];
    for (const mod of modules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failedHere++;
        else {
          skipped++;
          skips.push(`skipped: ${mod.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName}`);
        }
      }
      // A file that failed to load, or whose hooks failed, may have no failed test to count
      // (its tests show as skipped) but is a failure all the same.
      if (mod.state() === "failed" && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    if (skips.length > 0) process.stdout.write(`\n${skips.join("\n")}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
