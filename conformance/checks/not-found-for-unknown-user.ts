import { graphError, operations } from "../../src/spec/index.js";
import type { Session } from "../run/session.js";
import { expectStatus, skipCase } from "../scenarios/judge.js";
import { isWrite, label, permittedToken, unknownId } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("userNotFound");

async function probe(session: Session, op: (typeof operations)[number]): Promise<CaseResult> {
  const where = { operation: label(op), case: "a user id that does not exist" };
  if (isWrite(op) && !session.target.allowWrites)
    return skipCase(where, "writes are not allowed (--allow-writes with --test-user)");
  const grant = await permittedToken(session, op, "actingOnOthers", undefined);
  if ("skip" in grant) return skipCase(where, `needs ${grant.skip}`);
  const sent = await session.send({
    operation: op,
    user: unknownId(),
    methodId: unknownId(),
    authorization: session.bearer(grant.token),
    ...(op.kind === "create" ? { body: {} } : {}),
  });
  return expectStatus(sent, expected.status, "unknown user", where);
}

export const notFoundForUnknownUser = scenarioCheck({
  id: "not-found-for-unknown-user",
  title: "Unknown user not answered with 404",
  severity: "high",
  description:
    `Every \`/users/{user-id}\` operation answers ${expected.status} (\`${expected.code}\`) for a user id that ` +
    `does not ` +
    "exist, with a caller allowed to make the call. An empty list or a created pass for nobody makes typos invisible.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const op of operations.filter((o) => o.subject === "users")) results.push(probe(session, op));
    return Promise.all(results);
  },
});
