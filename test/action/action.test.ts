/**
 * The GitHub Action, executed as the runner would: the composite steps of action.yml, with their
 * `${{ inputs.* }}` filled in (defaults included), run by bash with GITHUB_STEP_SUMMARY and
 * GITHUB_OUTPUT pointed at temporary files, against the embedded mock.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bin, repoRoot } from "../support/paths.js";

const run = promisify(execFile);

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; shell: string; env?: Record<string, string>; run: string }> };
}

const workspaces: string[] = [];
afterAll(() => {
  for (const w of workspaces) rmSync(w, { recursive: true, force: true });
});

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as ActionYaml;

/** Fills `${{ inputs.x }}` and `${{ github.action_path }}`; any other expression is a test failure. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      const name = input[1]!;
      if (!(name in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${name}`);
      return inputs[name] ?? action.inputs[name]!.default ?? "";
    }
    if (expr === "github.action_path") return repoRoot;
    throw new Error(`the test cannot evaluate \${{ ${expr} }}`);
  });
}

interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const workspace = mkdtempSync(join(tmpdir(), "tap-action-"));
  workspaces.push(workspace);
  const summaryFile = join(workspace, "step-summary.md");
  const outputFile = join(workspace, "github-output.txt");
  writeFileSync(summaryFile, "");
  writeFileSync(outputFile, "");
  // This checkout's tap-contract (the published default is node_modules/.bin or npx).
  const all = { command: `${bin("tsx")} ${join(repoRoot, "conformance/cli/bin.ts")}`, ...inputs };
  let code = 0;
  let stdout = "";
  for (const step of action.runs.steps) {
    expect(step.shell).toBe("bash");
    const script = join(workspace, `step-${step.id ?? "x"}.sh`);
    writeFileSync(script, expand(step.run, all));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? workspace,
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      NO_COLOR: "1",
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, all);
    // GitHub's own invocation of a bash step.
    const result = await run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: workspace,
      env,
      timeout: 120_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (err: { code?: number; stdout?: string }) => ({
        code: typeof err.code === "number" ? err.code : -1,
        stdout: err.stdout ?? "",
      }),
    );
    stdout += result.stdout;
    code = result.code;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { code, stdout, summary: readFileSync(summaryFile, "utf8"), outputs, workspace };
}

describe("action.yml", () => {
  it("is a composite action with the inputs and outputs the README documents", () => {
    expect(action.runs.using).toBe("composite");
    for (const name of [
      "target",
      "cloud",
      "users",
      "methods",
      "checks",
      "severity",
      "allowlist",
      "reporters",
      "output",
    ])
      expect(action.inputs).toHaveProperty(name);
    expect(Object.keys(action.outputs).sort()).toEqual(["exit-code", "report-dir"]);
    // Uploads nothing by itself.
    expect(JSON.stringify(action.runs.steps)).not.toMatch(/upload-artifact|uses:/);
  });

  it("against the embedded mock: job summary, outputs and reports written, exit 0", async () => {
    const r = await runAction({});
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/^## tap-contract: passed/);
    expect(r.outputs["exit-code"]).toBe("0");
    expect(r.outputs["report-dir"]).toBe(join(r.workspace, "tap-contract-report"));
    expect(existsSync(join(r.workspace, "tap-contract-report", "junit.xml"))).toBe(true);
    expect(existsSync(join(r.workspace, "tap-contract-report", "tap-contract.json"))).toBe(true);
    expect(r.stdout).not.toMatch(/^::error/m);
  }, 120_000);

  it("with a contract-breaking mock scenario: error annotations, a failed summary, exit 1", async () => {
    const r = await runAction({ args: "--mock-scenario secret-on-read", output: "reports/tap" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=secret-null-on-read/m);
    expect(r.summary).toMatch(/^## tap-contract: failed/);
    expect(r.outputs["exit-code"]).toBe("1");
    expect(r.outputs["report-dir"]).toBe(join(r.workspace, "reports", "tap"));
  }, 120_000);

  it("passes checks, severity and reporters through to tap-contract", async () => {
    const r = await runAction({ checks: "secret-null-on-read, response-schema", severity: "high", reporters: "json" });
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(r.workspace, "tap-contract-report", "tap-contract.json"), "utf8")) as {
      checks: string[];
      severityThreshold: string;
    };
    expect([...report.checks].sort()).toEqual(["response-schema", "secret-null-on-read"]);
    expect(report.severityThreshold).toBe("high");
    // github is always added: the summary is there although only json was asked for.
    expect(r.summary).toMatch(/^## tap-contract: passed/);
  }, 120_000);
});
