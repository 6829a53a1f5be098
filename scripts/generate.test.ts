import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { bin, repoRoot } from "../test/support/paths.js";

const run = promisify(execFile);

async function check(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(bin("tsx"), ["scripts/generate.ts", "--check"], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe("generated/ drift", () => {
  const copy = mkdtempSync(join(tmpdir(), "tap-drift-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test("generated/ in this checkout matches the spec", async () => {
    const result = await check(repoRoot);
    expect(result.output).toContain("generated/ is up to date.");
    expect(result.code).toBe(0);
  });

  test("changing a schema without regenerating fails, naming the stale files", async () => {
    for (const part of ["openapi", "generated", "scripts", "src", "redocly.yaml", "package.json"]) {
      cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"));
    const schema = join(copy, "openapi/components/schemas/MethodUsabilityReason.yaml");
    writeFileSync(schema, readFileSync(schema, "utf8").replace(/^type: string$/m, "type: [string, 'null']"));
    const result = await check(copy);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/generated\/ is stale \(.*generated\/api\.d\.ts/);
    expect(result.output).toContain("generated/spec.ts");
    // The precompiled validators are generated from the same schemas: stale too.
    expect(result.output).toContain("generated/validators.ts");
  });
});
