import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { bin, repoRoot } from "../test/support/paths.js";

const run = promisify(execFile);

describe("redocly lint", () => {
  test("reports zero errors and zero warnings (recommended-strict + house rules)", async () => {
    const { stdout } = await run(bin("redocly"), ["lint", "--format=json"], { cwd: repoRoot });
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: { message: string }[];
    };
    expect(report.problems.map((p) => p.message)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
