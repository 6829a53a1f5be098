/**
 * Every path a run will write, checked before its first request: a run that cannot keep its
 * reports must stop in a second with one sentence, not after minutes of traffic (or never).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError, describeSystemError } from "../../src/errors.js";
import type { ReporterName } from "../reporters/index.js";

/** Reporters that write files under `--out` (github does too, unless $GITHUB_STEP_SUMMARY is set). */
function needsOutDir(names: readonly ReporterName[], env: Record<string, string | undefined>): boolean {
  return names.some(
    (n) => n === "json" || n === "junit" || n === "html" || (n === "github" && !env.GITHUB_STEP_SUMMARY),
  );
}

function isDirectory(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
}

/**
 * Creates the directory and its missing parents one level at a time. (Node's recursive mkdir
 * never returns on some paths, e.g. under /proc; this walk is bounded by the path's depth.)
 */
export function makeDirectory(path: string): string[] {
  const missing: string[] = [];
  let at = resolve(path);
  while (isDirectory(at) === undefined && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  if (isDirectory(at) === false) throw Object.assign(new Error(`${at} is a file`), { code: "ENOTDIR" });
  for (const dir of missing) mkdirSync(dir);
  return missing;
}

/** Removes the directories a run made (deepest first) that are still empty: an interrupted run leaves no trace. */
export function removeEmptyDirectories(made: readonly string[]): void {
  for (const dir of [...made].reverse()) {
    try {
      if (readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      // Gone or not ours to remove: nothing to undo.
    }
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const symlinkRefused = "it is a symbolic link, and outputs are never written through one a run did not create";

/** Open for writing without following a symbolic link, nor truncating through one. */
const noFollowWrite = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes one report file: never through a symbolic link (one planted in `--out` would send the
 * report, and its truncation, wherever it points).
 */
export function writeReportFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, noFollowWrite, 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOOP" || isSymlink(path)) throw new Error(symlinkRefused);
    throw err;
  }
  try {
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
}

/** The reports directory at write time: still not a symbolic link (one swapped in since the start is refused). */
export function refuseSymlinkDir(out: string): void {
  if (isSymlink(out)) throw new Error(`${out}: ${symlinkRefused}`);
}

/** `--out DIR`: a directory (not a symbolic link) that exists or can be made, and that takes a file. */
export function prepareOutDir(out: string): string[] {
  if (isSymlink(out)) throw new UserError(`--out ${out}: ${symlinkRefused}: give the directory itself`);
  if (isDirectory(out) === false)
    throw new UserError(
      `--out ${out}: it is a file, expected a directory for the reports (or a path where one can be made)`,
    );
  // Unpredictable, and created exclusively: a name planted in advance (a link) is never opened.
  const probe = join(out, `.tap-contract-write-test-${randomBytes(12).toString("hex")}`);
  let made: string[] = [];
  try {
    made = makeDirectory(out);
    closeSync(openSync(probe, "wx", 0o600));
    unlinkSync(probe);
    return made;
  } catch (err) {
    removeEmptyDirectories(made);
    throw new UserError(`--out ${out}: cannot write reports there: ${describeSystemError(err)}`);
  }
}

/** A file a run will write (or append to): it can be opened now, before any request. */
export function prepareFile(flag: string, path: string, mode: "w" | "a"): void {
  if (isDirectory(path)) throw new UserError(`${flag} ${path}: it is a directory, expected a file`);
  const existed = isDirectory(path) !== undefined;
  if (mode === "w" && isSymlink(path)) throw new UserError(`${flag} ${path}: ${symlinkRefused}`);
  try {
    // "w" never through a link (one swapped in since would fail here, not be truncated).
    closeSync(openSync(path, mode === "w" ? noFollowWrite : mode, 0o644));
    if (!existed && mode === "a") unlinkSync(path);
  } catch (err) {
    throw new UserError(`${flag} ${path}: cannot write it: ${describeSystemError(err)}`);
  }
}

/**
 * Every output of a run: the reports under `--out`, GitHub's job summary, the `--record` file.
 * Returns the directories it made, for an interrupted run to remove if they stay empty.
 */
export function prepareOutputs(
  names: readonly ReporterName[],
  out: string,
  env: Record<string, string | undefined>,
  record?: string,
): string[] {
  const made = needsOutDir(names, env) ? prepareOutDir(out) : [];
  if (names.includes("github") && env.GITHUB_STEP_SUMMARY)
    prepareFile("$GITHUB_STEP_SUMMARY", env.GITHUB_STEP_SUMMARY, "a");
  if (record !== undefined) prepareFile("--record", record, "w");
  return made;
}
