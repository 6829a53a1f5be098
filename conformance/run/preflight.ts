/**
 * Before any check: the target answers, every given token is accepted, and every user and pass
 * the flags name exists. A mistake here is a setup error (exit 2) with one line naming the token,
 * user or pass, never a run of API failures.
 */
import { UserError } from "../../src/errors.js";
import { clouds } from "../../src/spec/clouds.js";
import { operationsOf, permittedToken } from "../scenarios/subjects.js";
import type { PreflightToken } from "../targets/target.js";
import type { Sent, Session } from "./session.js";

function graphCode(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof error?.code === "string" ? { code: error.code } : {}),
    ...(typeof error?.message === "string" ? { message: error.message.split("\n")[0]!.slice(0, 200) } : {}),
  };
}

function answerText(sent: Extract<Sent, { ok: true }>): string {
  const { code, message } = graphCode(sent.body);
  return `${sent.status}${code ? ` ${code}` : ""}${message ? `: "${message}"` : ""}`;
}

/** A request that got no answer stops the run before it starts. */
function unreachable(session: Session, sent: Extract<Sent, { ok: false }>): UserError {
  const where = session.target.description.location;
  return new UserError(
    sent.kind === "certificate" ? `${where}: ${sent.error}` : `${where} is unreachable: ${sent.error}`,
  );
}

/**
 * No answer in time, no connection, or a certificate refused: the run cannot start. Other
 * failures (a reset, garbage, an oversized body) are the API misbehaving: the checks judge them.
 */
const stopping = new Set(["timeout", "unreachable", "certificate"]);

/** Whether the preflight may read this answer; throws when the target cannot be talked to at all. */
function answered(session: Session, sent: Sent): sent is Extract<Sent, { ok: true }> {
  if (sent.ok) return true;
  if (sent.kind === "interrupted") throw new UserError("interrupted before the run started");
  if (stopping.has(sent.kind)) throw unreachable(session, sent);
  return false;
}

/** The usual causes of a 401 for a token the runner could read. */
function refusalHint(token: PreflightToken, graphRoot: string | undefined, nowSec: number): string {
  if (token.exp !== undefined && token.exp <= nowSec)
    return `it expired at ${new Date(token.exp * 1000).toISOString()}: get a fresh one`;
  const hints: string[] = [];
  const roots = graphRoot !== undefined ? [graphRoot] : Object.values(clouds).map((c) => c.graphRoot);
  if (token.audience !== undefined && !roots.some((root) => graphAudience(token.audience!, root))) {
    const root = roots[0]!;
    hints.push(
      `its audience (aud) is ${token.audience}, not Graph: ask for a token for ${root} (az: --resource ${root})`,
    );
  }
  hints.push("check it is for this tenant and cloud (the issuer, `iss`, must be the target's) and not expired");
  return hints.join("; ");
}

function graphAudience(aud: string, graphRoot: string): boolean {
  return aud === graphRoot || aud === `${graphRoot}/` || aud === "00000003-0000-0000-c000-000000000000";
}

/** One cheap request per token: a 401 names the variable, Graph's answer and the likely cause. */
async function preflightTokens(session: Session, tokens: readonly PreflightToken[]): Promise<void> {
  const [meList] = operationsOf("list", "me");
  const nowSec = Date.now() / 1000;
  const usable = tokens.filter((t) => !t.meantExpired);
  const answers = await Promise.all(
    usable.map((t) => session.send({ operation: meList!, authorization: session.bearer(t.token), retry: true })),
  );
  for (const [i, sent] of answers.entries()) {
    if (!answered(session, sent) || sent.status !== 401) continue;
    const token = usable[i]!;
    throw new UserError(
      `${token.label}: the target refuses the token (${answerText(sent)}); ` +
        `${refusalHint(token, session.target.graphRoot, nowSec)}`,
    );
  }
  if (usable.length === 0) {
    // Only deliberately expired tokens: one unauthenticated request still tells an unreachable target apart.
    answered(session, await session.send({ operation: meList! }));
  }
}

/** `--user`, `--test-user` and `--method` name things the target knows; the test user's passes as found. */
async function preflightSubjects(session: Session): Promise<string[] | undefined> {
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const { subjects } = session.target;
  const reader = await permittedToken(session, list!, "actingOnOthers", undefined);
  if ("skip" in reader) return undefined;
  const auth = session.bearer(reader.token);
  const names = [
    ...subjects.readUsers.map((user) => ({ user, flag: "--user" })),
    ...(subjects.writeUser !== undefined ? [{ user: subjects.writeUser, flag: "--test-user" }] : []),
  ];
  const listed = await Promise.all(
    names.map(({ user }) => session.send({ operation: list!, user, authorization: auth })),
  );
  let testUserPasses: string[] | undefined;
  for (const [i, sent] of listed.entries()) {
    if (!answered(session, sent)) continue;
    const { user, flag } = names[i]!;
    if (sent.status === 404)
      throw new UserError(`${flag} ${user}: the target does not know this user (${answerText(sent)})`);
    if (flag === "--test-user" && sent.status === 200) testUserPasses = idsOf(sent.body);
  }
  for (const [user, ids] of Object.entries(subjects.methodIds)) {
    const got = await Promise.all(
      ids.map((methodId) => session.send({ operation: get!, user, methodId, authorization: auth })),
    );
    for (const [i, sent] of got.entries()) {
      if (answered(session, sent) && sent.status === 404)
        throw new UserError(`--method ${ids[i]}: ${user} has no pass with this id (${answerText(sent)})`);
    }
  }
  return testUserPasses;
}

export function idsOf(body: unknown): string[] {
  const value = (body as { value?: Array<{ id?: unknown }> } | undefined)?.value;
  return Array.isArray(value) ? value.map((v) => v?.id).filter((id): id is string => typeof id === "string") : [];
}

/**
 * Checks the target and what the flags name; returns the test user's pass ids as found (when the
 * run writes and may read them), for "left as found" at the end.
 */
export async function preflight(session: Session): Promise<string[] | undefined> {
  const tokens = session.target.preflightTokens;
  if (tokens === undefined) {
    const [meList] = operationsOf("list", "me");
    answered(session, await session.send({ operation: meList! }));
    return preflightSubjects(session);
  }
  // Both at once (one round trip); a refused token is the first thing to say, whatever the users' answers.
  const [checked, subjects] = await Promise.allSettled([preflightTokens(session, tokens), preflightSubjects(session)]);
  if (checked.status === "rejected") throw checked.reason;
  if (subjects.status === "rejected") throw subjects.reason;
  return subjects.value;
}
