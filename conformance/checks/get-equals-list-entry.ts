import { isDeepStrictEqual } from "node:util";
import { receivedExpected } from "../../src/contract/violation.js";
import { redactedPass } from "../../src/contract/redact.js";
import type { Session } from "../run/session.js";
import { errorCase, skipCase } from "../scenarios/judge.js";
import { ensurePass, label, operationsOf, permittedToken } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

/** Properties whose values may differ between two reads: the context URL names different resources. */
const volatile = new Set(["@odata.context"]);

function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !volatile.has(k) && !isDeepStrictEqual(a[k], b[k])).sort();
}

async function compare(session: Session, user: string): Promise<CaseResult> {
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const where = { operation: label(get!), case: `user ${user}` };
  const reader = await permittedToken(session, list!, "actingOnOthers", user);
  if ("skip" in reader) return skipCase(where, `needs ${reader.skip}`);
  const pass = await ensurePass(session, user);
  if ("skip" in pass) return skipCase(where, pass.skip);
  if ("error" in pass) return errorCase(where, pass.error);
  const listed = await session.send({ operation: list!, user, authorization: session.bearer(reader.token) });
  if (!listed.ok) return errorCase(where, listed.error);
  if (listed.status !== 200) return errorCase(where, `List answered ${listed.status}`);
  const items = (listed.body as { value?: unknown[] } | undefined)?.value;
  const entry = Array.isArray(items)
    ? items.find(
        (i): i is Record<string, unknown> =>
          typeof i === "object" && i !== null && (i as { id?: unknown }).id === pass.methodId,
      )
    : undefined;
  if (!entry) return errorCase(where, `List no longer shows pass ${pass.methodId}`);
  const got = await session.send({
    operation: get!,
    user,
    methodId: pass.methodId,
    authorization: session.bearer(reader.token),
  });
  if (!got.ok) return errorCase(where, got.error);
  if (got.status !== 200 || typeof got.body !== "object" || got.body === null)
    return errorCase(where, `Get answered ${got.status}`);
  const diff = differences(entry, got.body as Record<string, unknown>);
  if (diff.length === 0) return { ...where, status: "pass" };
  const show = (o: Record<string, unknown>) =>
    diff
      .map((k) => `${k}=${k === "temporaryAccessPass" && o[k] !== null ? redactedPass(o[k]) : JSON.stringify(o[k])}`)
      .join(", ");
  return {
    ...where,
    status: "fail",
    message: receivedExpected(`Get: ${show(got.body as Record<string, unknown>)}`, `the List entry: ${show(entry)}`),
  };
}

export const getEqualsListEntry = scenarioCheck({
  id: "get-equals-list-entry",
  title: "Get and List disagree about a pass",
  severity: "medium",
  description:
    "The pass Get returns has the same properties and values as its entry in List (only `@odata.context` differs). " +
    "Two reads of one pass, a moment apart, that disagree make every cache and every UI built on List wrong.",
  async run(session) {
    const users = session.target.subjects.readUsers;
    if (users.length === 0) {
      const [get] = operationsOf("get", "users");
      return [skipCase({ operation: label(get!) }, "no --user given: no user whose passes to read")];
    }
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    // No write on the same user between the two reads (the test user's pass made by ensurePass, a
    // Create a broken service accepts for another user): each comparison holds that user's lock.
    for (const user of users) results.push(session.exclusive(user, () => compare(session, user)));
    return Promise.all(results);
  },
});
