/**
 * Shared moves of scenario checks: a token that may call an operation, a user with a pass to
 * read or delete, and the success status an operation documents.
 */
import { randomUUID } from "node:crypto";
import { grantingPermissions, isSupported, requiredRoleTemplateIds } from "../../src/contract/authorize.js";
import { operationLabel } from "../../src/contract/index.js";
import {
  operations,
  type ActingOn,
  type OperationKind,
  type PermissionType,
  type TapOperation,
} from "../../src/spec/index.js";
import type { Session } from "../run/session.js";
import type { TokenGrant, TokenSpec } from "../targets/tokens.js";

export const writeKinds: ReadonlySet<OperationKind> = new Set(["create", "delete"]);

export function isWrite(op: TapOperation): boolean {
  return writeKinds.has(op.kind);
}

export function operationsOf(kind: OperationKind, subject?: "me" | "users"): TapOperation[] {
  return operations.filter((op) => op.kind === kind && (subject === undefined || op.subject === subject));
}

export function label(op: TapOperation): string {
  return operationLabel(op);
}

/** The 2xx status the spec documents for an operation. */
export function successStatus(op: TapOperation): number {
  const status = op.statuses.find((s) => s >= 200 && s < 300);
  if (status === undefined) throw new Error(`${op.operationId} documents no success status`);
  return status;
}

/** A GUID no user or pass has. */
export function unknownId(): string {
  return randomUUID();
}

/** The token spec of a permitted caller for one row, or undefined for a row that is not supported. */
export function permittedSpec(
  op: TapOperation,
  actingOn: ActingOn,
  type: PermissionType,
  subject: string | undefined,
): TokenSpec | undefined {
  const row = op.permissions[actingOn][type];
  if (!isSupported(row)) return undefined;
  const roles = type === "delegatedWork" && actingOn === "actingOnOthers" ? requiredRoleTemplateIds(row) : [];
  const spec: TokenSpec = { type, permissions: { anyOf: grantingPermissions(row) } };
  if (roles.length > 0) spec.roles = { anyOf: roles };
  if (type !== "application" && subject) spec.user = actingOn === "actingOnSelf" ? { is: subject } : { isNot: subject };
  return spec;
}

/** Any token allowed to call `op` on `subject` (application first: it needs no signed-in user). */
export async function permittedToken(
  session: Session,
  op: TapOperation,
  actingOn: ActingOn,
  subject: string | undefined,
): Promise<TokenGrant> {
  const types: PermissionType[] = op.subject === "me" ? ["delegatedWork"] : ["application", "delegatedWork"];
  const reasons: string[] = [];
  for (const type of types) {
    const spec = permittedSpec(op, actingOn, type, subject);
    if (!spec) continue;
    const grant = await session.target.tokens.obtain(spec);
    if ("token" in grant) return grant;
    reasons.push(grant.skip);
  }
  return { skip: reasons[0] ?? `no token type may call ${label(op)}` };
}

export type PassResult = { methodId: string } | { skip: string } | { error: string };

/**
 * A pass of `user` to read or delete: the one List shows, else (writes allowed) a new one.
 * Uses tokens acting on others, so it also works when `user` is the signed-in user of the probe.
 */
export async function ensurePass(session: Session, user: string): Promise<PassResult> {
  const [list] = operationsOf("list", "users");
  if (!list) return { error: "the spec has no List on /users" };
  const { allowWrites, subjects } = session.target;
  // The write user gets a fresh pass: its id is known for sure, whatever List claims.
  if (allowWrites && user === subjects.writeUser) return createPass(session, user);
  const reader = await permittedToken(session, list, "actingOnOthers", undefined);
  if ("skip" in reader) return { skip: `cannot list ${user}'s passes: ${reader.skip}` };
  const listed = await session.send({ operation: list, user, authorization: session.bearer(reader.token) });
  if (!listed.ok) return { error: listed.error };
  const items = (listed.body as { value?: Array<{ id?: unknown }> } | undefined)?.value;
  const existing = Array.isArray(items) ? items.find((i) => typeof i?.id === "string") : undefined;
  if (listed.status === 200 && typeof existing?.id === "string") return { methodId: existing.id };
  if (listed.status !== 200) return { error: `could not list ${user}'s passes: ${listed.status}` };
  if (!allowWrites || user !== subjects.writeUser) {
    return {
      skip:
        `${subjects.names?.[user] ?? user} has no pass, and passes are created only for the test user ` +
        `(--allow-writes with --test-user)`,
    };
  }
  return createPass(session, user);
}

async function createPass(session: Session, user: string): Promise<PassResult> {
  const [create] = operationsOf("create", "users");
  if (!create) return { error: "the spec has no Create on /users" };
  const writer = await permittedToken(session, create, "actingOnOthers", undefined);
  if ("skip" in writer) return { skip: `cannot create a pass for ${user}: ${writer.skip}` };
  const created = await session.send({
    operation: create,
    user,
    authorization: session.bearer(writer.token),
    body: {},
  });
  if (!created.ok) return { error: created.error };
  const id = (created.body as { id?: unknown } | undefined)?.id;
  if (created.status !== successStatus(create) || typeof id !== "string")
    return { error: `could not create a pass for ${user}: ${created.status}` };
  return { methodId: id };
}

export type SubjectResult = { user: string } | { skip: string };

/** Whose pass a probe of `op` touches: the signed-in user for self rows, a test user otherwise. */
export function subjectFor(session: Session, op: TapOperation, actingOn: ActingOn): SubjectResult {
  const { subjects, allowWrites } = session.target;
  if (actingOn === "actingOnSelf") {
    // Without a known self user the token decides (probeRow takes its object id).
    return { user: subjects.selfUser ?? "" };
  }
  if (isWrite(op)) {
    if (!allowWrites) return { skip: "writes are not allowed (--allow-writes with --test-user)" };
    return subjects.writeUser !== undefined
      ? { user: subjects.writeUser }
      : { skip: "no test user for writes (--test-user)" };
  }
  const user = subjects.readUsers[0] ?? subjects.writeUser;
  return user !== undefined ? { user } : { skip: "no --user given: no user whose passes to read" };
}

/** Human label of a permission-table row. */
export function rowLabel(type: PermissionType, actingOn: ActingOn): string {
  const who =
    type === "application"
      ? "application"
      : type === "delegatedPersonal"
        ? "delegated (personal account)"
        : "delegated (work or school)";
  return `${who}, ${actingOn === "actingOnSelf" ? "acting on self" : "acting on others"}`;
}
