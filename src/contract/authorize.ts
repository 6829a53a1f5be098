/**
 * The permission decision, read from the spec's permission tables. The mock enforces it and
 * the runner derives its 401/403 scenarios from it, so the two cannot disagree.
 */
import type { ActingOn, PermissionRow, PermissionType, SupportedRow } from "../spec/document.js";
import { directoryRoles } from "../spec/index.js";
import type { TapOperation } from "../spec/operations.js";

export interface Principal {
  type: PermissionType;
  /** Scopes (`scp`) of a delegated token or roles of an application token. */
  permissions: readonly string[];
  /** Directory role template ids (`wids`) of the signed-in user. */
  roleTemplateIds: readonly string[];
}

export type DenialReason = "appTokenOnMe" | "notSupported" | "personalAccount" | "missingPermission" | "missingRole";

export type AuthorizationDecision =
  | { allowed: true; grantedBy: string }
  | { allowed: false; reason: DenialReason };

export function isSupported(row: PermissionRow): row is SupportedRow {
  return row !== "notSupported";
}

/** Every permission that grants the row, least privileged first. */
export function grantingPermissions(row: PermissionRow): string[] {
  return isSupported(row) ? [...row.leastPrivileged, ...row.higherPrivileged, ...row.tapScoped] : [];
}

/** Template ids of the roles a row requires (empty when it requires none). */
export function requiredRoleTemplateIds(row: PermissionRow): string[] {
  if (!isSupported(row) || !row.requiredRoles) return [];
  return row.requiredRoles.map((key) => {
    const role = directoryRoles[key];
    if (!role) throw new Error(`permission table names unknown directory role "${key}"`);
    return role.templateId;
  });
}

/** May this principal call this operation on this subject? */
export function authorize(op: TapOperation, principal: Principal, actingOn: ActingOn): AuthorizationDecision {
  if (op.subject === "me" && principal.type === "application") return { allowed: false, reason: "appTokenOnMe" };
  const row = op.permissions[actingOn][principal.type];
  if (!isSupported(row)) {
    return { allowed: false, reason: principal.type === "delegatedPersonal" ? "personalAccount" : "notSupported" };
  }
  const grantedBy = grantingPermissions(row).find((p) => principal.permissions.includes(p));
  if (!grantedBy) return { allowed: false, reason: "missingPermission" };
  const roles = requiredRoleTemplateIds(row);
  if (principal.type === "delegatedWork" && roles.length > 0 && !roles.some((r) => principal.roleTemplateIds.includes(r))) {
    return { allowed: false, reason: "missingRole" };
  }
  return { allowed: true, grantedBy };
}

/** Every row of an operation's table that applies to its subject (`/me` is always self). */
export function applicableRows(op: TapOperation): Array<{ actingOn: ActingOn; type: PermissionType; row: PermissionRow }> {
  const actingOns: ActingOn[] = op.subject === "me" ? ["actingOnSelf"] : ["actingOnSelf", "actingOnOthers"];
  const types: PermissionType[] = ["delegatedWork", "delegatedPersonal", "application"];
  return actingOns.flatMap((actingOn) => types.map((type) => ({ actingOn, type, row: op.permissions[actingOn][type] })));
}
