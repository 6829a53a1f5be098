/** Child processes of the benchmark: servers that print a READY line, and timed one-shot runs. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./paths.js";

export interface ChildServer {
  /** The words after READY. */
  ready: string[];
  stop(): Promise<void>;
}

/** `node --import tsx FILE`: TypeScript without tsx's own wrapper process. */
export function tsNode(file: string, args: string[] = []): [string, string[]] {
  return [process.execPath, ["--import", "tsx", file, ...args]];
}

/** Start a server child and wait for a line that matches `ready` (default: `READY ...`). */
export function startChild(
  command: string,
  args: string[],
  options: { ready?: RegExp; timeoutMs?: number; cwd?: string } = {},
): Promise<ChildServer> {
  const ready = options.ready ?? /^READY (.*)$/m;
  const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${args.join(" ")}: not ready within ${options.timeoutMs ?? 30_000} ms: ${output.slice(-300)}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stderr.off("data", onData);
        resolve({ ready: (m[1] ?? m[0]).trim().split(/\s+/), stop: () => stop(child) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")}: exited with ${code} before it was ready: ${output.slice(-300)}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
    child.kill("SIGTERM");
  });
}

export interface TimedRun {
  wallMs: number;
  stdout: string;
  stderr: string;
  code: number | null;
  /** Peak resident memory of the child in MiB, when the child reported it (see peak-rss.mjs). */
  peakRssMiB?: number;
}

const rssReporter = join(repoRoot, "bench", "support", "peak-rss.mjs");

/** Run a child to its end and time it from spawn to exit; `reportRss` adds its peak RSS. */
export function timedRun(
  command: string,
  args: string[],
  options: { cwd?: string; reportRss?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const rssFile = options.reportRss
    ? join(tmpdir(), `bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`)
    : undefined;
  const finalArgs = rssFile ? ["--import", rssReporter, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, finalArgs, {
      cwd: options.cwd ?? repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...options.env, ...(rssFile ? { BENCH_RSS_FILE: rssFile } : {}) },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakRssMiB: number | undefined;
      if (rssFile) {
        try {
          peakRssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
          rmSync(rssFile, { force: true });
        } catch {
          peakRssMiB = undefined;
        }
      }
      resolve({ wallMs, stdout, stderr, code, ...(peakRssMiB !== undefined ? { peakRssMiB } : {}) });
    });
  });
}
