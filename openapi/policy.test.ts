import { describe, expect, test } from "vitest";
import { deref, validateResponseBody } from "../src/contract/schemas.js";
import { grantingPermissions, isSupported } from "../src/contract/authorize.js";
import { schemaValidator } from "../src/contract/validators.js";
import { directoryRoles, policyDefaults, policyOperation, policyOperations, spec } from "../src/spec/index.js";

interface MediaType {
  examples?: Record<string, unknown>;
}

describe("the tenant's TAP policy in the spec", () => {
  test("GET and PATCH, on one path with the key form, and nothing else", () => {
    expect(policyOperations.map((op) => `${op.method} ${op.kind}`)).toEqual(["GET getPolicy", "PATCH updatePolicy"]);
    for (const op of policyOperations) {
      expect(op.path).toBe(
        "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass",
      );
      expect(op.keyForms).toEqual([
        "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations('TemporaryAccessPass')",
      ]);
    }
  });

  test("every example validates: the GET body, the error bodies, the PATCH requests", () => {
    for (const op of policyOperations) {
      for (const [status, ref] of Object.entries(op.spec.responses)) {
        const content = deref<{ content?: Record<string, MediaType> }>(ref).content ?? {};
        for (const ex of Object.values(content["application/json"]?.examples ?? {})) {
          expect(validateResponseBody(op, Number(status), deref<{ value: unknown }>(ex).value)).toEqual([]);
        }
      }
    }
    const update = policyOperation("updatePolicy").spec.requestBody as { content: Record<string, MediaType> };
    const validate = schemaValidator("TemporaryAccessPassAuthenticationMethodConfigurationUpdate");
    const examples = Object.values(update.content["application/json"]!.examples ?? {});
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const ex of examples) expect(validate(deref<{ value: unknown }>(ex).value)).toBe(true);
  });

  test("the OAuth2 security requirements list exactly what the tenant tables grant, and roles are known", () => {
    for (const op of policyOperations) {
      const rows = op.permissions.actingOnSelf;
      const fromSecurity = (scheme: string) => new Set(op.spec.security.flatMap((req) => req[scheme] ?? []));
      expect(fromSecurity("delegated"), op.operationId).toEqual(new Set(grantingPermissions(rows.delegatedWork)));
      expect(fromSecurity("application"), op.operationId).toEqual(new Set(grantingPermissions(rows.application)));
      expect(rows.delegatedPersonal).toBe("notSupported");
      const delegated = rows.delegatedWork;
      if (!isSupported(delegated)) throw new Error("delegated work accounts are supported");
      for (const role of delegated.requiredRoles ?? []) expect(directoryRoles[role], role).toBeDefined();
    }
    const read = policyOperation("getPolicy").permissions.actingOnSelf.application;
    expect(grantingPermissions(read)).toEqual([
      "Policy.Read.All",
      "Policy.ReadWrite.AuthenticationMethod",
      "Policy.Read.AuthenticationMethod",
    ]);
  });

  test("the schema's ranges are Microsoft's, and the defaults are Entra's", () => {
    const schemas = spec.components.schemas as Record<string, { minimum?: number; maximum?: number }>;
    expect([schemas.PolicyLifetimeInMinutes?.minimum, schemas.PolicyLifetimeInMinutes?.maximum]).toEqual(
      policyDefaults.lifetimeRange,
    );
    expect(policyDefaults).toMatchObject({
      defaultLifetimeInMinutes: 60,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLength: 8,
      isUsableOnce: false,
      includeTargets: [{ id: "all_users", targetType: "group" }],
    });
  });
});
