/**
 * The end of every run, however it ends: run the cleanup steps, then read the test user back
 * and say whether it was left as found. A pass the run made and could not delete fails the run,
 * named by its id (never its passcode).
 */
import { operationsOf, permittedToken, successStatus } from "../scenarios/subjects.js";
import type { CleanupReport } from "./cleanup.js";
import { idsOf } from "./preflight.js";
import type { Session } from "./session.js";

export interface CleanupResult {
  /** The user writes went to (as given), when the run could write. */
  testUser?: string;
  /** Pass ids the test user has now that it did not have before the run. */
  left: string[];
  /** Pass ids the test user had before and has no more (a Create replaces: one pass per user). */
  replaced: string[];
  /** Cleanup steps that failed, with why. */
  failed: CleanupReport["failed"];
  /** Why the test user could not be read back, when it could not. */
  unread?: string;
  /** Nothing the run made is left (a replaced pass is reported, but the run cannot undo it). */
  clean: boolean;
  /** The sentence every output shows. */
  line: string;
}

function sentence(r: Omit<CleanupResult, "line" | "clean">, name: string): string {
  const parts: string[] = [];
  if (r.left.length > 0) parts.push(`left with pass ${r.left.join(", ")} the run created and could not delete`);
  for (const f of r.failed) parts.push(`${f.label}: ${f.problem}`);
  if (r.unread !== undefined) parts.push(`could not be read back: ${r.unread}`);
  if (r.replaced.length > 0)
    parts.push(
      `its pass ${r.replaced.join(", ")} from before the run was replaced by the run's Create (one pass per user)`,
    );
  return parts.length === 0 ? `test user ${name} left as found` : `test user ${name} ${parts.join("; ")}`;
}

/** Deletes the passes that appeared during the run and reads the user again; returns what it has now. */
async function sweep(
  session: Session,
  user: string,
  now: readonly string[],
  before: ReadonlySet<string>,
  stop: AbortSignal,
): Promise<string[]> {
  const [del] = operationsOf("delete", "users");
  const [list] = operationsOf("list", "users");
  const deleter = await permittedToken(session, del!, "actingOnOthers", user);
  const reader = await permittedToken(session, list!, "actingOnOthers", user);
  if ("skip" in deleter || "skip" in reader) return [...now];
  for (const id of now.filter((id) => !before.has(id))) {
    const sent = await session.send({
      operation: del!,
      user,
      methodId: id,
      authorization: session.bearer(deleter.token),
      stop,
    });
    if (!sent.ok || (sent.status !== successStatus(del!) && sent.status !== 404)) return [...now];
  }
  const again = await session.send({ operation: list!, user, authorization: session.bearer(reader.token), stop });
  return again.ok && again.status === 200 ? idsOf(again.body) : [...now];
}

export async function leaveAsFound(
  session: Session,
  found: readonly string[] | undefined,
  deadlineMs: number,
): Promise<CleanupResult | undefined> {
  const report = await session.cleanup.runAll(deadlineMs);
  const { allowWrites, subjects } = session.target;
  const user = subjects.writeUser;
  if (!allowWrites || user === undefined) {
    if (report.failed.length === 0) return undefined;
    const line = `cleanup failed: ${report.failed.map((f) => `${f.label}: ${f.problem}`).join("; ")}`;
    return { left: [], replaced: [], failed: report.failed, clean: false, line };
  }
  const [list] = operationsOf("list", "users");
  const stop = AbortSignal.timeout(deadlineMs);
  const result: Omit<CleanupResult, "line" | "clean"> = {
    testUser: user,
    left: [],
    replaced: [],
    failed: report.failed,
  };
  const reader = await permittedToken(session, list!, "actingOnOthers", user);
  if ("skip" in reader) result.unread = `no token may list its passes (${reader.skip})`;
  else {
    const sent = await session.send({ operation: list!, user, authorization: session.bearer(reader.token), stop });
    if (!sent.ok) result.unread = sent.error;
    else if (sent.status !== 200) result.unread = `List answered ${sent.status}`;
    else {
      const before = new Set(found ?? []);
      let now = idsOf(sent.body);
      // A pass the run made but never saw (its Create's answer lost): new since the start, so the run's.
      if (found !== undefined && now.some((id) => !before.has(id))) now = await sweep(session, user, now, before, stop);
      result.left = now.filter((id) => !before.has(id));
      result.replaced = [...before].filter((id) => !now.includes(id));
    }
  }
  const clean = result.left.length === 0 && result.failed.length === 0 && result.unread === undefined;
  const name = subjects.names?.[user] ?? user;
  return { ...result, clean, line: sentence(result, name) };
}
