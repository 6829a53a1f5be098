import { isDeepStrictEqual } from "node:util";
import { redactedPass } from "../../src/contract/redact.js";
import { receivedExpected } from "../../src/contract/violation.js";
import { servedOperations } from "../../src/spec/index.js";
import type { Session } from "../run/session.js";
import { errorCase, skipCase } from "../scenarios/judge.js";
import { ensurePass, label, operationsOf, permittedToken } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const tapType = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
const methodsList = servedOperations.find((op) => op.kind === "listMethods" && op.subject === "users");

type Item = Record<string, unknown>;
const items = (body: unknown): Item[] => {
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? value.filter((i): i is Item => typeof i === "object" && i !== null) : [];
};
const shown = (o: Item | undefined, keys: string[]) =>
  o === undefined
    ? "no such entry"
    : keys
        .map((k) => `${k}=${k === "temporaryAccessPass" && o[k] !== null ? redactedPass(o[k]) : JSON.stringify(o[k])}`)
        .join(", ");

async function compare(session: Session, user: string): Promise<CaseResult> {
  const [list] = operationsOf("list", "users");
  const where = { operation: label(methodsList!), case: `user ${user}` };
  const reader = await permittedToken(session, methodsList!, "actingOnOthers", user);
  if ("skip" in reader) return skipCase(where, `needs ${reader.skip}`);
  const tapReader = await permittedToken(session, list!, "actingOnOthers", user);
  if ("skip" in tapReader) return skipCase(where, `needs ${tapReader.skip}`);
  const pass = await ensurePass(session, user);
  if ("skip" in pass) return skipCase(where, pass.skip);
  if ("error" in pass) return errorCase(where, pass.error);
  const listed = await session.send({ operation: list!, user, authorization: session.bearer(tapReader.token) });
  if (!listed.ok) return errorCase(where, listed.error);
  if (listed.status !== 200) return errorCase(where, `the TAP List answered ${listed.status}`);
  const entry = items(listed.body).find((i) => i.id === pass.methodId);
  if (!entry) return errorCase(where, `the TAP List no longer shows pass ${pass.methodId}`);
  const methods = await session.send({ operation: methodsList!, user, authorization: session.bearer(reader.token) });
  if (!methods.ok) return errorCase(where, methods.error);
  if (methods.status !== 200) return errorCase(where, `the methods list answered ${methods.status}`);
  const found = items(methods.body).find((i) => i.id === pass.methodId);
  const { "@odata.type": type, ...rest } = found ?? {};
  const keys = [...new Set([...Object.keys(entry), ...Object.keys(rest)])].filter(
    (k) => k !== "@odata.context" && !isDeepStrictEqual(entry[k], rest[k]),
  );
  if (found && type === tapType && keys.length === 0) return { ...where, status: "pass" };
  const received = !found
    ? `no method with id ${pass.methodId}`
    : type !== tapType
      ? `@odata.type ${JSON.stringify(type)}`
      : shown(rest, keys.sort());
  const expected = !found || type !== tapType ? `the pass with @odata.type "${tapType}"` : shown(entry, keys);
  return {
    ...where,
    status: "fail",
    message: receivedExpected(`methods list: ${received}`, `the TAP List's entry: ${expected}`),
  };
}

export const methodsListShowsPass = scenarioCheck({
  id: "methods-list-shows-pass",
  title: "The methods list does not show the pass the TAP List returns",
  severity: "medium",
  description:
    "`GET /users/{id}/authentication/methods` lists the user's pass with `@odata.type` " +
    "`#microsoft.graph.temporaryAccessPassAuthenticationMethod` and the same properties as its entry in the TAP " +
    "List. Onboarding flows ask the methods list which methods a user has yet; a pass missing there is issued twice.",
  async run(session) {
    const users = session.target.subjects.readUsers;
    if (users.length === 0) return [skipCase({ operation: label(methodsList!) }, "no user to read (--user)")];
    const results: CaseResult[] = [];
    for (const user of users) results.push(await compare(session, user));
    return results;
  },
});
