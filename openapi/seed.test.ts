import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { operationById } from "../src/spec/index.js";
import { deref, validateResponseBody } from "../src/contract/schemas.js";
import { sharedDir } from "../test/support/paths.js";

// The seed is the user's document (Learn, "Get temporaryAccessPassAuthenticationMethod").
function seedText(): string {
  if (!sharedDir) throw new Error("shared/ (with seed/) was not found beside the checkout");
  const dir = join(sharedDir, "seed");
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
}

function seedResponseBody(text: string): unknown {
  const start = text.lastIndexOf("{\n\"@odata.type\"");
  return JSON.parse(text.slice(start, text.indexOf("}", start) + 1));
}

describe("the seed document", () => {
  const text = seedText();
  const op = operationById("getUserTemporaryAccessPassMethod");

  test("its response example validates against the GET schema", () => {
    expect(validateResponseBody(op, 200, seedResponseBody(text))).toEqual([]);
  });

  test("the spec keeps its example byte-faithful", () => {
    const examples = deref<{ content: Record<string, { examples: Record<string, unknown> }> }>(op.spec.responses["200"])
      .content["application/json"]!.examples;
    expect(deref<{ value: unknown }>(examples["seed-get-not-yet-valid"]).value).toEqual(seedResponseBody(text));
  });

  test("both of its GET paths are in the spec", () => {
    for (const m of text.matchAll(/^GET (\/(?:me|users)\/\S+)$/gm)) {
      const template = m[1]!.replace("{id | userPrincipalName}", "{user-id}")
        .replace("{temporaryAccessPassAuthenticationMethodId}", "{temporaryAccessPassAuthenticationMethod-id}");
      expect(operationById(template.startsWith("/me") ? "getMyTemporaryAccessPassMethod" : "getUserTemporaryAccessPassMethod").path)
        .toBe(template);
    }
  });

  test("its permission table is the GET operation's table", () => {
    const table = op.permissions;
    const self = table.actingOnSelf.delegatedWork;
    const others = table.actingOnOthers;
    // The seed's rows, read from its text rather than restated.
    expect(text).toContain(`Delegated (work or school account) |\n${self !== "notSupported" && self.leastPrivileged[0]} |`);
    expect(text).toMatch(/Application \|\nNot supported\. \|/);
    if (others.delegatedWork === "notSupported" || others.application === "notSupported") throw new Error("others rows");
    expect(text).toContain(`${others.delegatedWork.leastPrivileged[0]} |\n${others.delegatedWork.higherPrivileged.join(", ")} |`);
    expect(self !== "notSupported" && self.higherPrivileged.join(", ")).toBe(
      "UserAuthenticationMethod.ReadWrite, UserAuthenticationMethod.Read.All, UserAuthenticationMethod.ReadWrite.All",
    );
    expect(table.actingOnSelf.delegatedPersonal).toBe("notSupported");
    expect(table.actingOnOthers.delegatedPersonal).toBe("notSupported");
    expect(others.delegatedWork.requiredRoles).toEqual(["globalReader", "authenticationAdministrator", "privilegedAuthenticationAdministrator"]);
  });
});
