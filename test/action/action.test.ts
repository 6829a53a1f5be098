/**
 * The GitHub Action, executed as the runner would: the composite steps of action.yml, with their
 * `${{ inputs.* }}` filled in (defaults included), run by bash from the action's own checkout
 * (a copy of this repository's files with nothing installed, as GitHub checks an action out at
 * $GITHUB_ACTION_PATH) in an empty workspace, with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT pointed
 * at temporary files, against the embedded mock. The first run installs the checkout's
 * dependencies (npm ci, from npm's cache first); the later ones find them installed.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkoutCopy } from "../support/fresh-copy.js";
import { repoRoot } from "../support/paths.js";

const run = promisify(execFile);

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; shell: string; env?: Record<string, string>; run: string }> };
}

const workspaces: string[] = [];
const actionPath = checkoutCopy("tap-action-path-");
workspaces.push(actionPath);
afterAll(() => {
  for (const w of workspaces) rmSync(w, { recursive: true, force: true });
}, 120_000);

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as ActionYaml;

/** Fills `${{ inputs.x }}` and `${{ github.action_path }}`; any other expression is a test failure. */
function expand(text: string, inputs: Record<string, string>, path: string): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      const name = input[1]!;
      if (!(name in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${name}`);
      return inputs[name] ?? action.inputs[name]!.default ?? "";
    }
    if (expr === "github.action_path") return path;
    throw new Error(`the test cannot evaluate \${{ ${expr} }}`);
  });
}

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

async function runAction(
  inputs: Record<string, string>,
  options: { actionPath?: string; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const path = options.actionPath ?? actionPath;
  // The workspace stays empty (no package.json, no node_modules); the runner's files live apart.
  const workspace = mkdtempSync(join(tmpdir(), "tap-action-"));
  const runnerTemp = mkdtempSync(join(tmpdir(), "tap-action-runner-"));
  workspaces.push(workspace, runnerTemp);
  const summaryFile = join(runnerTemp, "step-summary.md");
  const outputFile = join(runnerTemp, "github-output.txt");
  writeFileSync(summaryFile, "");
  writeFileSync(outputFile, "");
  const all = inputs;
  let code = 0;
  let stdout = "";
  let stderr = "";
  for (const step of action.runs.steps) {
    expect(step.shell).toBe("bash");
    const script = join(runnerTemp, `step-${step.id ?? "x"}.sh`);
    writeFileSync(script, expand(step.run, all, path));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? workspace,
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION_PATH: path,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      NO_COLOR: "1",
      npm_config_update_notifier: "false",
      ...options.env,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, all, path);
    // GitHub's own invocation of a bash step.
    const result = await run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: workspace,
      env,
      timeout: 300_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: typeof err.code === "number" ? err.code : -1,
        stdout: err.stdout ?? "",
        stderr: err.stderr ?? "",
      }),
    );
    stdout += result.stdout;
    stderr += result.stderr;
    code = result.code;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { code, stdout, stderr, summary: readFileSync(summaryFile, "utf8"), outputs, workspace };
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

  it("from its own checkout, nothing installed, in an empty workspace: installs itself, runs the suite on the " +
    "embedded mock, exit 0", async () => {
    expect(existsSync(join(actionPath, "node_modules"))).toBe(false);
    const r = await runAction({});
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.summary).toMatch(/^## tap-contract: passed/);
    expect(r.outputs["exit-code"]).toBe("0");
    expect(r.outputs["report-dir"]).toBe(join(r.workspace, "tap-contract-report"));
    expect(existsSync(join(r.workspace, "tap-contract-report", "junit.xml"))).toBe(true);
    const report = JSON.parse(readFileSync(join(r.workspace, "tap-contract-report", "tap-contract.json"), "utf8")) as {
      target: { kind: string };
      totals: { total: number; pass: number };
    };
    expect(report.target.kind).toBe("mock");
    expect(report.totals.pass).toBeGreaterThan(20);
    expect(r.stdout).not.toMatch(/^::error/m);
    // Installed in the action's checkout, nothing in the workspace.
    expect(existsSync(join(actionPath, "node_modules", ".bin", "tsx"))).toBe(true);
    expect(readdirSync(r.workspace).sort()).toEqual(["tap-contract-report"]);
  }, 600_000);

  it("a setup failure (npm ci cannot install) is exit code 2 with an annotation saying what failed", async () => {
    const brokenPath = checkoutCopy("tap-action-path-offline-");
    const emptyCache = mkdtempSync(join(tmpdir(), "tap-action-cache-"));
    workspaces.push(brokenPath, emptyCache);
    // Offline with an empty cache: npm ci fails at once, and nothing is asked of any registry.
    const r = await runAction(
      {},
      { actionPath: brokenPath, env: { npm_config_offline: "true", npm_config_cache: emptyCache } },
    );
    expect(r.code).toBe(2);
    expect(r.outputs["exit-code"]).toBe("2");
    expect(r.stdout).toMatch(/^::error title=tap-contract action::npm ci in the action's folder \(.+\) failed: \S/m);
    expect(r.summary).toMatch(/^## tap-contract: could not start/);
    expect(existsSync(join(r.workspace, "tap-contract-report"))).toBe(false);
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
