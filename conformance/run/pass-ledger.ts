/**
 * Every pass a run creates, seen on the wire (whichever check or probe sent the Create), becomes
 * a cleanup step that deletes it with a token that may delete it; a Delete the run saw succeed
 * (or answer 404) settles the step. So a pass outlives the run only when its Delete failed, and
 * then the report names it.
 */
import { methodIdParam, type Exchange } from "../../src/contract/index.js";
import { operationsOf, permittedToken, successStatus } from "../scenarios/subjects.js";
import type { Session } from "./session.js";

export function passesStepLabel(user: string): string {
  return `delete the passes the run made for ${user}`;
}

function userOf(exchange: Exchange): string | undefined {
  const methodParam = methodIdParam(exchange.operation);
  return Object.entries(exchange.params).find(([name]) => name !== methodParam)?.[1];
}

/** Deletes one pass within the cleanup's deadline; a 404 means it is already gone. */
async function deletePass(session: Session, user: string, id: string, stop: AbortSignal): Promise<string | undefined> {
  const [del] = operationsOf("delete", "users");
  if (!del) return "the spec has no Delete on /users";
  const deleter = await permittedToken(session, del, "actingOnOthers", user);
  if ("skip" in deleter) return `no token may delete it: ${deleter.skip}`;
  const sent = await session.send({
    operation: del,
    user,
    methodId: id,
    authorization: session.bearer(deleter.token),
    stop,
  });
  if (!sent.ok) return sent.error;
  if (sent.status === successStatus(del) || sent.status === 404) return undefined;
  return `Delete answered ${sent.status}`;
}

/**
 * Watches the run's exchanges and keeps the session's cleanup registry in step with the passes it
 * made: one step per user, deleting every pass of that user the run made and did not see deleted.
 */
export function passLedger(session: () => Session): (exchange: Exchange) => void {
  const made = new Map<string, Set<string>>();
  return (exchange) => {
    const { operation, response } = exchange;
    if (operation.subject !== "users") return;
    const user = userOf(exchange);
    if (user === undefined) return;
    if (operation.kind === "create" && response.status === successStatus(operation)) {
      const id = (response.body as { id?: unknown } | undefined)?.id;
      if (typeof id !== "string") return;
      let ids = made.get(user);
      if (!ids) {
        ids = new Set();
        made.set(user, ids);
      }
      ids.add(id);
      const pending = ids;
      session().cleanup.register({
        label: passesStepLabel(user),
        run: async (stop) => {
          const problems = await Promise.all(
            [...pending].map(async (passId) => {
              const problem = await deletePass(session(), user, passId, stop);
              return problem === undefined ? undefined : `pass ${passId}: ${problem}`;
            }),
          );
          const left = problems.filter((p): p is string => p !== undefined);
          return left.length === 0 ? undefined : left.join("; ");
        },
      });
    } else if (
      operation.kind === "delete" &&
      (response.status === successStatus(operation) || response.status === 404)
    ) {
      const id = exchange.params[methodIdParam(operation) ?? ""];
      const ids = made.get(user);
      if (id === undefined || !ids) return;
      ids.delete(id);
      if (ids.size === 0) {
        made.delete(user);
        session().cleanup.settle(passesStepLabel(user));
      }
    }
  };
}
