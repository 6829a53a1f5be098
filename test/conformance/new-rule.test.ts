/**
 * A rule is one file, its test beside it and one line in the catalog: in a copy of the project, a
 * throwaway exchange rule is added as `src/contract/rules/<id>.ts` with `<id>.test.ts` and
 * registered in `src/contract/catalog.ts` (an import and its place in report order); the
 * catalog's test accepts it (a rule file without its test, or left out of the catalog, would fail
 * there), and it shows in `tap-contract checks`, in the JSON report and in JUnit.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const skipped = new Set([
  "node_modules",
  ".git",
  "dist",
  "tap-contract-report",
  join("bench", ".peers"),
  join("test", ".tmp"),
]);
const copy = mkdtempSync(join(tmpdir(), "tap-new-rule-"));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const rule = `import { receivedExpected } from "../violation.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "zz-throwaway",
  title: "Throwaway rule",
  severity: "low",
  stage: "semantics",
  description: "Finds something on every Get, to prove that a rule file is all a new check needs.",
  appliesTo: (ctx) => ctx.operation.kind === "get",
  run: (ctx) => [{ message: receivedExpected(\`status \${ctx.status}\`, "nothing: this rule always fails") }],
});
`;

const ruleTest = `import { describe, expect, it } from "vitest";
import { getExchange, listExchange, ruleFindings } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./zz-throwaway.js";

describe("zz-throwaway", () => {
  it("finds something on every Get and does not apply to a List", () => {
    expect(ruleFindings(rule, getExchange())).toHaveLength(1);
    expect(ruleFindings(rule, listExchange())).toBeUndefined();
  });
});
`;

const tsx = (args: string[]) =>
  execFileSync(join(copy, "node_modules", ".bin", "tsx"), args, {
    cwd: copy,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });

describe("a new exchange rule in one file", () => {
  it("is in the catalog, the JSON report and JUnit once registered in the catalog", () => {
    cpSync(repoRoot, copy, { recursive: true, filter: (src) => !skipped.has(relative(repoRoot, src)) });
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
    writeFileSync(join(copy, "src", "contract", "rules", "zz-throwaway.ts"), rule);
    writeFileSync(join(copy, "src", "contract", "rules", "zz-throwaway.test.ts"), ruleTest);

    const catalog = join(copy, "src", "contract", "catalog.ts");
    const text = readFileSync(catalog, "utf8");
    const registered = text
      .replace(
        "import type { ExchangeRule }",
        'import zzThrowaway from "./rules/zz-throwaway.js";\nimport type { ExchangeRule }',
      )
      .replace("  usableMatchesReason,\n", "  usableMatchesReason,\n  zzThrowaway,\n");
    expect(registered).not.toBe(text);
    writeFileSync(catalog, registered);

    // The catalog's own checks (every rule file in it, each with its test) and the rule's test pass.
    const vitest = execFileSync(
      join(copy, "node_modules", ".bin", "vitest"),
      [
        "run",
        "src/contract/rules.test.ts",
        "src/contract/rules/zz-throwaway.test.ts",
        "-t",
        "rule catalog|sits beside|zz-throwaway",
        "--reporter",
        "dot",
      ],
      {
        cwd: copy,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    // Every selected test passed (the catalog's tests and the throwaway rule's own), none failed.
    expect(vitest).toMatch(/Tests\s+\d+ passed/);
    expect(vitest).not.toMatch(/failed/);

    expect(tsx(["conformance/cli/bin.ts", "checks"])).toContain("zz-throwaway");

    const out = join(copy, "report");
    let exit = 0;
    try {
      tsx([
        "conformance/cli/bin.ts",
        "check",
        "--checks",
        "zz-throwaway",
        "--severity",
        "low",
        "--reporter",
        "json,junit",
        "--out",
        out,
      ]);
    } catch (err) {
      exit = (err as { status?: number }).status ?? -1;
    }
    // The rule fails every Get, so the run fails: the check really ran.
    expect(exit).toBe(1);
    const json = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as {
      outcomes?: Array<{ check: string; status: string }>;
    };
    const outcomes = (json.outcomes ?? []).filter((o) => o.check === "zz-throwaway");
    expect(outcomes.some((o) => o.status === "fail")).toBe(true);
    expect(readFileSync(join(out, "junit.xml"), "utf8")).toMatch(/classname="zz-throwaway"/);
  }, 180_000);
});
