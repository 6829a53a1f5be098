/**
 * The permission decision, read from the spec's permission tables. The mock enforces it and
 * the runner derives its 401/403 scenarios from it, so the two cannot disagree.
 */
import type { ActingOn, PermissionRow, PermissionTable, PermissionType, SupportedRow } from "../spec/document.js";
import { directoryRoles, nonGrantingRoles } from "../spec/index.js";
import type { TapOperation } from "../spec/operations.js";

export interface Principal {
  type: PermissionType;
  /** Scopes (`scp`) of a delegated token or roles of an application token. */
  permissions: readonly string[];
  /** Directory role template ids (`wids`) of the signed-in user. */
  roleTemplateIds: readonly string[];
}

export type DenialReason =
  | "appTokenOnMe"
  | "notSupported"
  | "personalAccount"
  | "missingPermission"
  | "missingRole"
  | "administratorTarget";

/** What the decision needs to know about the user acted on. */
export interface Subject {
  /** Keys of x-directory-roles the user holds: any one makes the user an administrator. */
  directoryRoles: readonly string[];
}

export type AuthorizationDecision = { allowed: true; grantedBy: string } | { allowed: false; reason: DenialReason };

export function isSupported(row: PermissionRow): row is SupportedRow {
  return row !== "notSupported";
}

/** Every permission that grants the row (the older table's, then the newer table's), least privileged first. */
export function grantingPermissions(row: PermissionRow): string[] {
  return isSupported(row) ? [...row.leastPrivileged, ...row.higherPrivileged, ...row.tapScoped] : [];
}

/** The least-privileged permissions of both tables that reach the row, each once. */
export function leastPrivilegedPermissions(row: PermissionRow): string[] {
  return isSupported(row) ? [...new Set([...row.leastPrivileged, ...row.currentLeastPrivileged])] : [];
}

/** Template ids of every directory role the spec knows (granting or not). */
export function knownRoleTemplateIds(): string[] {
  return [...Object.values(directoryRoles).map((r) => r.templateId), ...nonGrantingRoles.map((r) => r.templateId)];
}

/** A user holding any role of x-directory-roles is an administrator (spec decisions, item 12). */
export function isAdministrator(subject: Subject): boolean {
  return subject.directoryRoles.some((key) => directoryRoles[key] !== undefined);
}

/** Role keys whose `reach` lets them act on this subject. */
function reachesSubject(key: string, subject: Subject | undefined): boolean {
  if (!subject || directoryRoles[key]?.reach !== "members") return true;
  return !isAdministrator(subject);
}

function roleTemplateId(key: string): string {
  const role = directoryRoles[key];
  if (!role) throw new Error(`permission table names unknown directory role "${key}"`);
  return role.templateId;
}

/** Template ids of the roles a row requires (empty when it requires none). */
export function requiredRoleTemplateIds(row: PermissionRow): string[] {
  if (!isSupported(row) || !row.requiredRoles) return [];
  return row.requiredRoles.map(roleTemplateId);
}

/** May this principal call this operation on this subject (`subject`: the user acted on, when known)? */
export function authorize(
  op: Pick<TapOperation, "permissions"> & { subject: TapOperation["subject"] | "tenant" } & {
    permissions: PermissionTable;
  },
  principal: Principal,
  actingOn: ActingOn,
  subject?: Subject,
): AuthorizationDecision {
  if (op.subject === "me" && principal.type === "application") return { allowed: false, reason: "appTokenOnMe" };
  const row = op.permissions[actingOn][principal.type];
  if (!isSupported(row)) {
    return { allowed: false, reason: principal.type === "delegatedPersonal" ? "personalAccount" : "notSupported" };
  }
  const grantedBy = grantingPermissions(row).find((p) => principal.permissions.includes(p));
  if (!grantedBy) return { allowed: false, reason: "missingPermission" };
  if (principal.type === "delegatedWork" && isSupported(row) && row.requiredRoles && row.requiredRoles.length > 0) {
    const held = row.requiredRoles.filter((key) => principal.roleTemplateIds.includes(roleTemplateId(key)));
    if (held.length === 0) return { allowed: false, reason: "missingRole" };
    if (!held.some((key) => reachesSubject(key, subject))) return { allowed: false, reason: "administratorTarget" };
  }
  return { allowed: true, grantedBy };
}

/** Every row of an operation's table that applies to its subject (`/me` is always self). */
export function applicableRows(
  op: TapOperation,
): Array<{ actingOn: ActingOn; type: PermissionType; row: PermissionRow }> {
  const actingOns: ActingOn[] = op.subject === "me" ? ["actingOnSelf"] : ["actingOnSelf", "actingOnOthers"];
  const types: PermissionType[] = ["delegatedWork", "delegatedPersonal", "application"];
  return actingOns.flatMap((actingOn) =>
    types.map((type) => ({ actingOn, type, row: op.permissions[actingOn][type] })),
  );
}
