import { receivedExpected } from "../../src/contract/violation.js";
import { errorCase, skipCase } from "../scenarios/judge.js";
import { label, operationsOf, permittedToken, subjectFor, successStatus } from "../scenarios/subjects.js";
import type { Session } from "../run/session.js";
import { scenarioCheck, type CaseResult } from "./check.js";

export const createReplacesPrevious = scenarioCheck({
  id: "create-replaces-previous",
  title: "Second Create did not replace the first pass",
  severity: "high",
  description:
    "Creating a pass for a user who already has one replaces it: after two Creates, List shows exactly the second " +
    "pass and a Get of the first answers 404. A service that keeps both leaves an older, possibly leaked passcode " +
    "usable. The second pass may take up to 5 s to show, and the first to answer 404: Graph's directory is " +
    "eventually consistent, so the check re-reads within that bound before it fails. Needs writes " +
    "(`--allow-writes` and `--test-user` on live targets).",
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
    return [await session.exclusive(subject.user, () => judge(session, subject.user, writer.token, reader.token))];
  },
});

/**
 * How long the second pass may take to show in List (and the first to answer 404) after its
 * Create: Graph's directory is eventually consistent, so a read right after a write can lag.
 */
export const replacementSettleMs = 5_000;
/** Waits between re-reads while the replacement settles: 0.25 s, doubling, within the bound. */
const retryWaitsMs = [250, 500, 1_000, 2_000, 1_250];

type Verdict = { settled: true } | { settled: false; result: CaseResult };

async function judge(session: Session, user: string, writerToken: string, readerToken: string): Promise<CaseResult> {
  const [create] = operationsOf("create", "users");
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const where = { operation: label(create!), case: "two Creates in a row" };
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const sent = await session.send({ operation: create!, user, authorization: session.bearer(writerToken), body: {} });
    if (!sent.ok) return errorCase(where, sent.error);
    const id = (sent.body as { id?: unknown } | undefined)?.id;
    if (sent.status !== successStatus(create!) || typeof id !== "string")
      return errorCase(where, `Create answered ${sent.status}; cannot judge replacement`);
    ids.push(id);
  }
  const [first, second] = ids as [string, string];
  const read = async (): Promise<Verdict> => {
    const listed = await session.send({ operation: list!, user, authorization: session.bearer(readerToken) });
    if (!listed.ok) return { settled: false, result: errorCase(where, listed.error) };
    if (listed.status !== 200)
      return { settled: false, result: errorCase(where, `List answered ${listed.status}; cannot judge replacement`) };
    const value = (listed.body as { value?: Array<{ id?: unknown }> } | undefined)?.value ?? [];
    const listedIds = Array.isArray(value) ? value.map((v) => String(v?.id)) : [];
    if (listedIds.length !== 1 || listedIds[0] !== second) {
      const message = receivedExpected(
        `List shows ${JSON.stringify(listedIds)}`,
        `only the second pass ${JSON.stringify([second])}`,
      );
      return { settled: false, result: { ...where, status: "fail", message } };
    }
    const old = await session.send({
      operation: get!,
      user,
      methodId: first,
      authorization: session.bearer(readerToken),
    });
    if (!old.ok) return { settled: false, result: errorCase(where, old.error) };
    if (old.status !== 404) {
      const message = receivedExpected(`Get of the first pass answered ${old.status}`, "404: the first pass is gone");
      return { settled: false, result: { ...where, status: "fail", message } };
    }
    return { settled: true };
  };
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    const verdict = await read();
    if (verdict.settled) return { ...where, status: "pass" };
    const wait = retryWaitsMs[attempt];
    const elapsed = performance.now() - started;
    // Only a fail may settle with time; an error (no answer, 5xx) is reported as it is.
    if (verdict.result.status !== "fail" || wait === undefined || elapsed + wait > replacementSettleMs)
      return verdict.result.status === "fail"
        ? {
            ...verdict.result,
            message: `${verdict.result.message}\n(still so ${Math.round(elapsed)} ms after the second Create)`,
          }
        : verdict.result;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
