/**
 * Ordinary traffic for the exchange checks to judge, whatever scenario checks are selected:
 * reads of every read user's passes, `/me` reads as the signed-in user, one deliberately
 * throttled read where the target can be told to throttle, and (writes allowed) one create,
 * read back and deleted.
 */
import { label, operationsOf, permittedToken, successStatus } from "../scenarios/subjects.js";
import type { Session } from "./session.js";

function idsOf(body: unknown): string[] {
  const value = (body as { value?: Array<{ id?: unknown }> } | undefined)?.value;
  return Array.isArray(value) ? value.map((v) => v?.id).filter((id): id is string => typeof id === "string") : [];
}

export async function explore(session: Session): Promise<void> {
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const [create] = operationsOf("create", "users");
  const [del] = operationsOf("delete", "users");
  const [meList] = operationsOf("list", "me");
  const [meGet] = operationsOf("get", "me");
  if (!list || !get || !create || !del || !meList || !meGet)
    throw new Error(`explore: the spec lacks an operation (${label(list ?? get!)})`);
  const { subjects } = session.target;

  const reader = await permittedToken(session, list, "actingOnOthers", undefined);
  if ("token" in reader) {
    const auth = session.bearer(reader.token);
    for (const [i, user] of subjects.readUsers.entries()) {
      // One read with $select, so the partial-schema path is exercised too.
      const query = i === 0 ? "$select=id,isUsable,methodUsabilityReason" : undefined;
      const listed = await session.send({ operation: list, user, authorization: auth, ...(query ? { query } : {}) });
      const ids = listed.ok ? idsOf(listed.body) : [];
      for (const methodId of [...ids, ...(subjects.methodIds[user] ?? [])]) {
        await session.send({ operation: get, user, methodId, authorization: auth });
      }
    }
    const [first] = subjects.readUsers;
    if (session.target.throttleProbe && first !== undefined) {
      await session.send({
        operation: list,
        user: first,
        authorization: auth,
        headers: session.target.throttleProbe,
        retry: false,
      });
    }
  }

  if (subjects.selfUser !== undefined) {
    const self = await permittedToken(session, meList, "actingOnSelf", subjects.selfUser);
    if ("token" in self) {
      const auth = session.bearer(self.token);
      const listed = await session.send({ operation: meList, authorization: auth });
      for (const methodId of listed.ok ? idsOf(listed.body) : [])
        await session.send({ operation: meGet, methodId, authorization: auth });
    }
  }

  if (session.target.allowWrites && subjects.writeUser !== undefined) {
    const writer = await permittedToken(session, create, "actingOnOthers", subjects.writeUser);
    if (!("token" in writer)) return;
    const auth = session.bearer(writer.token);
    const user = subjects.writeUser;
    const created = await session.send({ operation: create, user, authorization: auth, body: {} });
    const id =
      created.ok && created.status === successStatus(create)
        ? (created.body as { id?: unknown } | undefined)?.id
        : undefined;
    if (typeof id !== "string") return;
    await session.send({ operation: get, user, methodId: id, authorization: auth });
    await session.send({ operation: list, user, authorization: auth });
    await session.send({ operation: del, user, methodId: id, authorization: auth });
  }
}
