/**
 * The shape of the policy's Create checks: a Create the tenant's policy must refuse, sent by a
 * caller allowed to create passes for others, judged on the status and Graph's message. A pass
 * the service created anyway is deleted at once, so the run leaves nothing behind.
 */
import { graphError, type GraphErrorKind } from "../../src/spec/index.js";
import { receivedExpected } from "../../src/contract/violation.js";
import type { CaseResult } from "../checks/check.js";
import type { Session } from "../run/session.js";
import { errorCase, skipCase } from "./judge.js";
import { label, operationsOf, permittedToken, successStatus, type SubjectResult } from "./subjects.js";

export interface CreateRefusal {
  caseLabel: string;
  /** Whom the Create is for (default: the test user of writes). */
  subject?: SubjectResult;
  body: Record<string, unknown>;
  /** The refusal of the spec's error catalog. */
  kind: GraphErrorKind;
  values?: Record<string, string | number>;
  /** The catalog's status is a decision: any 4xx with Graph's message passes. */
  statusDecided?: boolean;
}

function errorOf(body: unknown): { code?: unknown; message?: unknown } | undefined {
  return (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
}

export async function probeCreateRefusal(session: Session, probe: CreateRefusal): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const op of operationsOf("create", "users")) {
    const where = { operation: label(op), case: probe.caseLabel };
    if (!session.target.allowWrites) {
      results.push(skipCase(where, "writes are not allowed (--allow-writes with --test-user)"));
      continue;
    }
    const subject =
      probe.subject ??
      (session.target.subjects.writeUser !== undefined
        ? { user: session.target.subjects.writeUser }
        : { skip: "no test user for writes (--test-user)" });
    if ("skip" in subject) {
      results.push(skipCase(where, subject.skip));
      continue;
    }
    const writer = await permittedToken(session, op, "actingOnOthers", undefined);
    if ("skip" in writer) {
      results.push(skipCase(where, `needs ${writer.skip}`));
      continue;
    }
    const authorization = session.bearer(writer.token);
    const sent = await session.send({ operation: op, user: subject.user, authorization, body: probe.body });
    if (!sent.ok) {
      results.push(errorCase(where, sent.error));
      continue;
    }
    const expected = graphError(probe.kind, probe.values);
    const error = errorOf(sent.body);
    const statusOk = probe.statusDecided ? sent.status >= 400 && sent.status < 500 : sent.status === expected.status;
    // A body that is not Graph's envelope is error-envelope's finding: then the status alone decides.
    const messageOk = typeof error?.message !== "string" || error.message === expected.message;
    if (statusOk && messageOk) {
      results.push({ ...where, status: "pass" });
      continue;
    }
    if (sent.status >= 500 || sent.status === 429) {
      results.push(errorCase(where, `could not judge: the service answered ${sent.status}`));
      continue;
    }
    if (sent.status === successStatus(op)) {
      // Accepted what the policy forbids: take the pass away again.
      const id = (sent.body as { id?: unknown } | undefined)?.id;
      const [del] = operationsOf("delete", "users");
      if (typeof id === "string" && del)
        await session.send({ operation: del, user: subject.user, methodId: id, authorization });
    }
    const received = `${sent.status}${typeof error?.message === "string" ? ` "${error.message}"` : ""}`;
    const status = probe.statusDecided ? "a 4xx" : String(expected.status);
    results.push({ ...where, status: "fail", message: receivedExpected(received, `${status} "${expected.message}"`) });
  }
  return results;
}
