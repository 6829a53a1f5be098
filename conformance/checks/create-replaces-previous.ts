import { receivedExpected } from "../../src/contract/violation.js";
import { errorCase, skipCase } from "../scenarios/judge.js";
import { label, operationsOf, permittedToken, subjectFor, successStatus } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

export const createReplacesPrevious = scenarioCheck({
  id: "create-replaces-previous",
  title: "Second Create did not replace the first pass",
  severity: "high",
  description:
    "Creating a pass for a user who already has one replaces it: after two Creates, List shows exactly the second " +
    "pass and a Get of the first answers 404. A service that keeps both leaves an older, possibly leaked passcode " +
    "usable. Needs writes (`--allow-writes` and `--test-user` on live targets).",
  async run(session): Promise<CaseResult[]> {
    const [create] = operationsOf("create", "users");
    const [list] = operationsOf("list", "users");
    const [get] = operationsOf("get", "users");
    if (!create || !list || !get) return [];
    const where = { operation: label(create), case: "two Creates in a row" };
    const subject = subjectFor(session, create, "actingOnOthers");
    if ("skip" in subject) return [skipCase(where, subject.skip)];
    const writer = await permittedToken(session, create, "actingOnOthers", subject.user);
    const reader = await permittedToken(session, list, "actingOnOthers", subject.user);
    if ("skip" in writer) return [skipCase(where, `needs ${writer.skip}`)];
    if ("skip" in reader) return [skipCase(where, `needs ${reader.skip}`)];
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const sent = await session.send({
        operation: create,
        user: subject.user,
        authorization: session.bearer(writer.token),
        body: {},
      });
      if (!sent.ok) return [errorCase(where, sent.error)];
      const id = (sent.body as { id?: unknown } | undefined)?.id;
      if (sent.status !== successStatus(create) || typeof id !== "string")
        return [errorCase(where, `Create answered ${sent.status}; cannot judge replacement`)];
      ids.push(id);
    }
    const [first, second] = ids as [string, string];
    const listed = await session.send({
      operation: list,
      user: subject.user,
      authorization: session.bearer(reader.token),
    });
    if (!listed.ok) return [errorCase(where, listed.error)];
    if (listed.status !== 200) return [errorCase(where, `List answered ${listed.status}; cannot judge replacement`)];
    const value = (listed.body as { value?: Array<{ id?: unknown }> } | undefined)?.value ?? [];
    const listedIds = Array.isArray(value) ? value.map((v) => String(v?.id)) : [];
    if (listedIds.length !== 1 || listedIds[0] !== second) {
      return [
        {
          ...where,
          status: "fail",
          message: receivedExpected(
            `List shows ${JSON.stringify(listedIds)}`,
            `only the second pass ${JSON.stringify([second])}`,
          ),
        },
      ];
    }
    const old = await session.send({
      operation: get,
      user: subject.user,
      methodId: first,
      authorization: session.bearer(reader.token),
    });
    if (!old.ok) return [errorCase(where, old.error)];
    if (old.status !== 404) {
      return [
        {
          ...where,
          status: "fail",
          message: receivedExpected(`Get of the first pass answered ${old.status}`, "404: the first pass is gone"),
        },
      ];
    }
    return [{ ...where, status: "pass" }];
  },
});
