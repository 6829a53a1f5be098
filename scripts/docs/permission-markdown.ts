/** Renders an operation's machine-readable permission table as the Markdown tables Learn shows. */
import type { ActingOn, DirectoryRole, PermissionRow, PermissionTable, PermissionType } from "../../src/spec/document.js";

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
    "| Permission type | Least privileged permissions | Higher privileged permissions | Newer TAP-only scopes |",
    "|---|---|---|---|",
  ];
  for (const type of Object.keys(typeLabels) as PermissionType[]) {
    lines.push(`| ${typeLabels[type]} | ${cells(t[actingOn][type]).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** `subject` decides which tables apply: `/me` always acts on the signed-in user. */
export function permissionMarkdown(
  t: PermissionTable,
  subject: "me" | "users",
  roles: Record<string, DirectoryRole>,
): string {
  const parts = ["## Permissions", "", "One of the following permissions is required to call this operation.", ""];
  parts.push("### Permissions acting on self", "", table(t, "actingOnSelf"), "");
  if (subject === "users") parts.push("### Permissions acting on other users", "", table(t, "actingOnOthers"), "");
  const others = t.actingOnOthers.delegatedWork;
  if (subject === "users" && others !== "notSupported" && others.requiredRoles?.length) {
    parts.push(
      "In delegated scenarios acting on other users, the signed-in user must also hold one of these Microsoft Entra roles:",
      "",
      ...others.requiredRoles.map((key) => `- ${roles[key]?.displayName ?? key}`),
      "",
    );
  }
  parts.push(
    "*Newer TAP-only scopes*: `UserAuthMethod-TAP.*`, added by current Learn pages; accepted, listed apart from the seed's table.",
  );
  return parts.join("\n");
}
