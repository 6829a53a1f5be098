/** Renders an operation's machine-readable permission table as the Markdown tables Learn shows. */
import type {
  ActingOn,
  DirectoryRole,
  PermissionRow,
  PermissionTable,
  PermissionType,
  StatedPermissionTable,
  StatedTenantPermissionTable,
} from "../../src/spec/document.js";
import { effectivePermissions } from "../../src/spec/operations.js";
import { tenantPermissions } from "../../src/spec/policy-operations.js";

const typeLabels: Record<PermissionType, string> = {
  delegatedWork: "Delegated (work or school account)",
  delegatedPersonal: "Delegated (personal Microsoft account)",
  application: "Application",
};

const code = (names: string[]) => names.map((n) => `\`${n}\``).join(", ");

function cells(row: PermissionRow): [string, string, string] {
  if (row === "notSupported") return ["Not supported.", "Not supported.", ""];
  return [
    row.leastPrivileged.length ? code(row.leastPrivileged) : "Not available.",
    row.higherPrivileged.length ? code(row.higherPrivileged) : "Not available.",
    row.tapScoped.length ? code(row.tapScoped) : "",
  ];
}

function table(t: PermissionTable, actingOn: ActingOn): string {
  const lines = [
    "| Permission type | Least privileged permissions | Higher privileged permissions | Also granting (newer table) |",
    "|---|---|---|---|",
  ];
  for (const type of Object.keys(typeLabels) as PermissionType[]) {
    lines.push(`| ${typeLabels[type]} | ${cells(t[actingOn][type]).join(" | ")} |`);
  }
  return lines.join("\n");
}

function currentTable(t: PermissionTable): string {
  const lines = ["| Permission type | Least privileged permissions | Higher privileged permissions |", "|---|---|---|"];
  lines.push(
    `| ${typeLabels.delegatedWork} | ${code(t.current.delegatedWork.leastPrivileged)} | ` +
      `${code(t.current.delegatedWork.higherPrivileged)} |`,
  );
  lines.push(`| ${typeLabels.delegatedPersonal} | Not supported. | Not supported. |`);
  lines.push(
    `| ${typeLabels.application} | ${code(t.current.application.leastPrivileged)} | ` +
      `${code(t.current.application.higherPrivileged)} |`,
  );
  return lines.join("\n");
}

/** `subject` decides which tables apply: `/me` always acts on the signed-in user. */
export function permissionMarkdown(
  stated: StatedPermissionTable,
  subject: "me" | "users",
  roles: Record<string, DirectoryRole>,
): string {
  const t = effectivePermissions(stated);
  const parts = ["## Permissions", "", "One of the following permissions is required to call this operation.", ""];
  parts.push("### Permissions acting on self", "", table(t, "actingOnSelf"), "");
  if (subject === "users") parts.push("### Permissions acting on other users", "", table(t, "actingOnOthers"), "");
  const others = t.actingOnOthers.delegatedWork;
  if (subject === "users" && others !== "notSupported" && others.requiredRoles?.length) {
    parts.push(
      "In delegated scenarios acting on other users, the signed-in user must also hold one of these Microsoft " +
        "Entra roles:",
      "",
      ...others.requiredRoles.map((key) => `- ${roles[key]?.displayName ?? key}`),
      "",
    );
  }
  parts.push(
    "*Also granting (newer table)*: what the current merged Learn table adds to the row above. A permission without " +
      "`.All` reaches the signed-in user only; rows marked not supported stay so.",
    "",
    `### The current merged table ([source](${t.current.source}))`,
    "",
    currentTable(t),
    "",
  );
  const limited = Object.entries(roles).filter(([, r]) => r.reach === "members");
  if (subject === "users" && limited.length > 0) {
    parts.push(
      `${limited.map(([, r]) => r.displayName).join(", ")} may act on members only, not on users holding a ` +
        `directory role.`,
    );
  }
  return parts.join("\n");
}

/** A tenant resource's table (the TAP policy): one row per permission type, and the roles a delegated caller needs. */
export function tenantPermissionMarkdown(
  stated: StatedTenantPermissionTable,
  roles: Record<string, DirectoryRole>,
): string {
  const t = tenantPermissions(stated);
  const parts = ["## Permissions", "", "One of the following permissions is required to call this operation.", ""];
  parts.push(table(t, "actingOnSelf"), "");
  const row = t.actingOnSelf.delegatedWork;
  if (row !== "notSupported" && row.requiredRoles?.length) {
    parts.push(
      "In delegated scenarios, the signed-in user must also hold one of these Microsoft Entra roles:",
      "",
      ...row.requiredRoles.map((key) => `- ${roles[key]?.displayName ?? key}`),
      "",
    );
  }
  parts.push(`### The current table ([source](${t.current.source}))`, "", currentTable(t), "");
  return parts.join("\n");
}
