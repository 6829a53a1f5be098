import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { operationById } from "../src/spec/index.js";
import { deref, validateResponseBody } from "../src/contract/schemas.js";

// The seed is the user's document (Learn, "Get temporaryAccessPassAuthenticationMethod"). Its
// facts live in the repository (openapi/seed/, with the page's address), so a clone needs
// nothing beside it.
interface PermissionRow {
  leastPrivileged: string[];
  higherPrivileged: string[];
}
interface SeedFacts {
  source: string;
  paths: string[];
  permissions: {
    actingOnSelf: Record<"delegatedWork" | "delegatedPersonal" | "application", PermissionRow | "notSupported">;
    actingOnOthers: Record<"delegatedWork" | "delegatedPersonal" | "application", PermissionRow | "notSupported">;
    requiredRoles: string[];
  };
  example: unknown;
}

const seed = JSON.parse(
  readFileSync(new URL("./seed/get-temporary-access-pass-method.json", import.meta.url), "utf8"),
) as SeedFacts;

/** "Global Reader" as the spec names roles: globalReader. */
const roleId = (name: string) =>
  name
    .split(" ")
    .map((w, i) => (i === 0 ? w.toLowerCase() : w))
    .join("");

/** A spec row without what the seed page does not list (the TAP-scoped permissions, roles). */
function row(r: unknown): PermissionRow | "notSupported" {
  if (r === "notSupported") return r;
  const { leastPrivileged, higherPrivileged } = r as PermissionRow;
  return { leastPrivileged, higherPrivileged };
}

describe("the seed document", () => {
  const op = operationById("getUserTemporaryAccessPassMethod");

  test("is cited by its Learn address", () => {
    expect(seed.source).toBe(
      "https://learn.microsoft.com/graph/api/temporaryaccesspassauthenticationmethod-get?view=graph-rest-1.0",
    );
  });

  test("its response example validates against the GET schema", () => {
    expect(validateResponseBody(op, 200, seed.example)).toEqual([]);
  });

  test("the spec keeps its example byte-faithful", () => {
    const examples = deref<{ content: Record<string, { examples: Record<string, unknown> }> }>(op.spec.responses["200"])
      .content["application/json"]!.examples;
    expect(deref<{ value: unknown }>(examples["seed-get-not-yet-valid"]).value).toEqual(seed.example);
  });

  test("both of its GET paths are in the spec", () => {
    expect(seed.paths).toHaveLength(2);
    for (const line of seed.paths) {
      const template = line
        .replace(/^GET /, "")
        .replace("{id | userPrincipalName}", "{user-id}")
        .replace("{temporaryAccessPassAuthenticationMethodId}", "{temporaryAccessPassAuthenticationMethod-id}");
      expect(
        operationById(
          template.startsWith("/me") ? "getMyTemporaryAccessPassMethod" : "getUserTemporaryAccessPassMethod",
        ).path,
      ).toBe(template);
    }
  });

  test(
    "its permission table is the GET operation's table, as stated (the newer table and other roles sit beside " + "it)",
    () => {
      const table = op.spec["x-permissions"];
      for (const side of ["actingOnSelf", "actingOnOthers"] as const) {
        for (const type of ["delegatedWork", "delegatedPersonal", "application"] as const) {
          expect(row(table[side][type]), `${side} ${type}`).toEqual(seed.permissions[side][type]);
        }
      }
      const others = table.actingOnOthers.delegatedWork;
      if (others === "notSupported") throw new Error("the others row");
      expect(others.requiredRoles).toEqual(seed.permissions.requiredRoles.map(roleId));
    },
  );
});
