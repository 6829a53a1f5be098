// Every command and snippet the README shows runs as written in a fresh copy right after
// `npm ci`: each ```sh/```bash/```ts block without a `readme-test: skip` marker (see
// test/support/readme-blocks.ts), in order, so a block may use what an earlier one made.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCopy } from "../support/fresh-copy.js";
import { repoRoot } from "../support/paths.js";
import { readmeBlocks, type ReadmeBlock } from "../support/readme-blocks.js";

const blocks = readmeBlocks(readFileSync(join(repoRoot, "README.md"), "utf8"));

/** A new user's shell: no tenant credentials, no CI step summary, no colours. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of Object.keys(env)) {
    if (/^(GRAPH_TOKEN_|AZURE_|GITHUB_STEP_SUMMARY$|VITEST|npm_)/.test(name)) delete env[name];
  }
  return env;
}

function command(block: ReadmeBlock, dir: string): [string, string[]] {
  if (block.lang === "sh") return ["bash", ["-eo", "pipefail", "-c", block.code]];
  const file = `readme-block-${block.line}.ts`;
  writeFileSync(join(dir, file), block.code);
  return [join(dir, "node_modules", ".bin", "tsx"), [file]];
}

describe("the README, in a fresh copy", () => {
  let dir: string;
  const background: ChildProcess[] = [];

  beforeAll(() => {
    dir = freshCopy("tap-readme-");
  });
  afterAll(() => {
    for (const child of background)
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("has runnable blocks, and a reason for every skipped one", () => {
    expect(blocks.filter((b) => !b.marker).length).toBeGreaterThan(3);
    for (const b of blocks) if (b.marker) expect(b.marker.reason.length).toBeGreaterThan(5);
  });

  for (const block of blocks) {
    const name = `line ${block.line} (${block.lang}): ${block.code.split("\n")[0]!.slice(0, 70)}`;
    if (block.marker?.kind === "skip") {
      it.skip(`${name} [skipped: ${block.marker.reason}]`, () => undefined);
    } else if (block.marker?.kind === "background") {
      it(`${name} [starts in the background]`, async () => {
        const [cmd, args] = command(block, dir);
        const child = spawn(cmd, args, {
          cwd: dir,
          env: cleanEnv(),
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        });
        background.push(child);
        let output = "";
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
          child.stderr!.on("data", (d) => void (output += String(d)));
          // Ready once it prints where it listens (npm's own banner comes first).
          child.stdout!.on("data", (d) => {
            output += String(d);
            if (!/https?:\/\/\S+/.test(output)) return;
            clearTimeout(timer);
            resolve();
          });
          child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`exited with ${code} before it was ready:\n${output}`));
          });
        });
      }, 90_000);
    } else {
      it(name, () => {
        const [cmd, args] = command(block, dir);
        const run = spawnSync(cmd, args, { cwd: dir, env: cleanEnv(), encoding: "utf8", timeout: 240_000 });
        expect(run.error, `${run.stdout}${run.stderr}`).toBeUndefined();
        expect(run.status, `exit ${run.status}\n${run.stdout}\n${run.stderr}`).toBe(0);
      }, 300_000);
    }
  }

  it("npm start works as is (the skipped first block's second half)", () => {
    const run = spawnSync("npm", ["start", "--silent"], {
      cwd: dir,
      env: cleanEnv(),
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/\nPASS\n$/);
  }, 300_000);
});
