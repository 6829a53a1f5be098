/**
 * The common shape of the authorization checks: for a row, pick the subject, get the token the
 * case describes, make sure there is a pass when the operation needs one, send, judge the status.
 */
import { operations, type ActingOn, type TapOperation } from "../../src/spec/index.js";
import type { CaseResult } from "../checks/check.js";
import type { Session } from "../run/session.js";
import type { TokenSpec } from "../targets/tokens.js";
import { errorCase, expectStatus, skipCase } from "./judge.js";
import { inOrder } from "../run/limiter.js";
import { ensurePass, isWrite, label, subjectFor, unknownId, type SubjectResult } from "./subjects.js";

export interface RowProbe {
  op: TapOperation;
  actingOn: ActingOn;
  caseLabel: string;
  /** The token to present, given the subject (undefined user = let the token decide, for self rows). */
  token: (subject: string | undefined) => TokenSpec | { authorization: string | undefined };
  expected: number;
  meaning: string;
  /** Whether Get/Delete need a real pass of the subject (true when a wrong id would mask the answer). */
  needsPass: boolean;
  /** Whose pass the probe touches, when not the row's usual subject (an administrator, a guest). */
  subject?: SubjectResult;
  /** The Create body (default `{}`). */
  body?: Record<string, unknown>;
}

export async function probeRow(session: Session, probe: RowProbe): Promise<CaseResult> {
  const where = { operation: label(probe.op), case: probe.caseLabel };
  if (isWrite(probe.op) && !session.target.allowWrites)
    return skipCase(where, "writes are not allowed (--allow-writes with --test-user)");
  const subject = probe.subject ?? subjectFor(session, probe.op, probe.actingOn);
  if ("skip" in subject) return skipCase(where, subject.skip);
  let user = subject.user;
  const wanted = probe.token(user);
  let authorization: string | undefined;
  if ("type" in wanted) {
    const grant = await session.target.tokens.obtain(wanted);
    if ("skip" in grant) return skipCase(where, `needs ${grant.skip}`);
    authorization = session.bearer(grant.token);
    // Acting on self means on the token's own user, whoever the target picked.
    if (probe.actingOn === "actingOnSelf" && grant.objectId !== undefined) user = grant.objectId;
  } else {
    authorization = wanted.authorization;
  }
  if (user === "")
    return skipCase(where, "no signed-in user to act on self (give a delegated token, e.g. GRAPH_TOKEN_SELF)");
  // A write that should succeed, or a probe that relies on a pass of the test user, holds that user:
  // another Create would replace the pass. A probe that expects a refusal and needs no pass (the
  // 401s, a Delete of an unknown id) changes nothing on a faithful target, so it runs beside them.
  const changes = isWrite(probe.op) && probe.expected < 400;
  const writes = changes || (probe.needsPass && user === session.target.subjects.writeUser);
  const send = () => sendProbe(session, probe, where, user, authorization);
  return writes ? session.exclusive(user, send) : send();
}

async function sendProbe(
  session: Session,
  probe: RowProbe,
  where: Omit<CaseResult, "status" | "message">,
  user: string,
  authorization: string | undefined,
): Promise<CaseResult> {
  let methodId: string | undefined;
  if (probe.op.kind === "get" || probe.op.kind === "delete") {
    if (probe.needsPass) {
      const pass = await ensurePass(session, user);
      if ("skip" in pass) return skipCase(where, pass.skip);
      if ("error" in pass) return errorCase(where, pass.error);
      methodId = pass.methodId;
    } else {
      methodId = unknownId();
    }
  }
  const sent = await session.send({
    operation: probe.op,
    user,
    ...(methodId !== undefined ? { methodId } : {}),
    ...(authorization !== undefined ? { authorization } : {}),
    ...(probe.op.kind === "create" ? { body: probe.body ?? {} } : {}),
  });
  return expectStatus(sent, probe.expected, probe.meaning, where);
}

/**
 * The same credential problem on every operation of the contract, each acting on its usual
 * subject (self on `/me`, another user on `/users`): the 401 checks.
 */
export async function probeEveryOperation(
  session: Session,
  probe: Omit<RowProbe, "op" | "actingOn" | "needsPass">,
): Promise<CaseResult[]> {
  return inOrder(operations, (op) =>
    probeRow(session, {
      ...probe,
      op,
      actingOn: op.subject === "me" ? "actingOnSelf" : "actingOnOthers",
      needsPass: false,
    }),
  );
}
