/**
 * Ordinary traffic for the exchange checks to judge, whatever scenario checks are selected:
 * reads of every read user's passes, `/me` reads as the signed-in user, one deliberately
 * throttled read where the target can be told to throttle, and (writes allowed) one create,
 * read back and deleted.
 */
import type { TapOperation } from "../../src/spec/index.js";
import { label, operationsOf, permittedToken, successStatus } from "../scenarios/subjects.js";
import { inOrder } from "./limiter.js";
import { idsOf } from "./preflight.js";
import type { Session } from "./session.js";

export async function explore(session: Session): Promise<void> {
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const [create] = operationsOf("create", "users");
  const [del] = operationsOf("delete", "users");
  const [meList] = operationsOf("list", "me");
  const [meGet] = operationsOf("get", "me");
  if (!list || !get || !create || !del || !meList || !meGet)
    throw new Error(`explore: the spec lacks an operation (${label(list ?? get!)})`);

  await Promise.all([readOthers(session, list, get), readSelf(session, meList, meGet), writeOnce(session)]);
}

async function readOthers(session: Session, list: TapOperation, get: TapOperation): Promise<void> {
  const { subjects } = session.target;
  const reader = await permittedToken(session, list, "actingOnOthers", undefined);
  if (!("token" in reader)) return;
  const auth = session.bearer(reader.token);
  await inOrder(subjects.readUsers, async (user, i) => {
    // One read with $select, so the partial-schema path is exercised too.
    const query = i === 0 ? "$select=id,isUsable,methodUsabilityReason" : undefined;
    const listed = await session.send({ operation: list, user, authorization: auth, ...(query ? { query } : {}) });
    const ids = listed.ok ? idsOf(listed.body) : [];
    await inOrder([...ids, ...(subjects.methodIds[user] ?? [])], (methodId) =>
      session.send({ operation: get, user, methodId, authorization: auth }),
    );
  });
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

async function readSelf(session: Session, meList: TapOperation, meGet: TapOperation): Promise<void> {
  const { selfUser } = session.target.subjects;
  if (selfUser === undefined) return;
  const self = await permittedToken(session, meList, "actingOnSelf", selfUser);
  if (!("token" in self)) return;
  const auth = session.bearer(self.token);
  const listed = await session.send({ operation: meList, authorization: auth });
  await inOrder(listed.ok ? idsOf(listed.body) : [], (methodId) =>
    session.send({ operation: meGet, methodId, authorization: auth }),
  );
}

/** One create, read back and deleted, holding the test user so no other write interleaves. */
async function writeOnce(session: Session): Promise<void> {
  const { subjects, allowWrites } = session.target;
  const user = subjects.writeUser;
  if (!allowWrites || user === undefined) return;
  const [list] = operationsOf("list", "users");
  const [get] = operationsOf("get", "users");
  const [create] = operationsOf("create", "users");
  const [del] = operationsOf("delete", "users");
  const writer = await permittedToken(session, create!, "actingOnOthers", user);
  if (!("token" in writer)) return;
  const auth = session.bearer(writer.token);
  await session.exclusive(user, async () => {
    const created = await session.send({ operation: create!, user, authorization: auth, body: {} });
    const id =
      created.ok && created.status === successStatus(create!)
        ? (created.body as { id?: unknown } | undefined)?.id
        : undefined;
    if (typeof id !== "string") return;
    await session.send({ operation: get!, user, methodId: id, authorization: auth });
    await session.send({ operation: list!, user, authorization: auth });
    // The test user signed in sees its pass on /me too: the /me reads get a pass to show whatever
    // the other probes did before, so the same rules judge them in every run, concurrent or not.
    if (subjects.selfUser === user) await readOwnPass(session, user, id);
    await session.send({ operation: del!, user, methodId: id, authorization: auth });
  });
}

async function readOwnPass(session: Session, user: string, id: string): Promise<void> {
  const [meList] = operationsOf("list", "me");
  const [meGet] = operationsOf("get", "me");
  const self = await permittedToken(session, meList!, "actingOnSelf", user);
  if (!("token" in self)) return;
  const auth = session.bearer(self.token);
  await session.send({ operation: meList!, authorization: auth });
  await session.send({ operation: meGet!, methodId: id, authorization: auth });
}
