import { describe, expect, it } from "vitest";
import { spec } from "../spec/index.js";
import { InvalidInputError } from "./errors.js";
import { checkSegment, encodeSegment, serializePath } from "./path-segment.js";

const METHOD_ID = "temporaryAccessPassAuthenticationMethod-id";

describe("encodeSegment", () => {
  it.each([
    ["ada_contoso.com#EXT#@fabrikam.onmicrosoft.com", "ada_contoso.com%23EXT%23%40fabrikam.onmicrosoft.com"],
    ["a/b", "a%2Fb"],
    ["50%", "50%25"],
    ["o'brien@contoso.com", "o%27brien%40contoso.com"],
    ['q"uote', "q%22uote"],
    ["x?y=1&z", "x%3Fy%3D1%26z"],
    ["(a)*!", "%28a%29%2A%21"],
    ["a b", "a%20b"],
  ])("encodes %j as %j", (input, want) => {
    expect(encodeSegment(input)).toBe(want);
    expect(decodeURIComponent(encodeSegment(input))).toBe(input);
  });
});

describe("checkSegment", () => {
  it.each(["", "   ", ".", ".."])("refuses the user id %j before any request", (value) => {
    expect(() => checkSegment("user-id", value)).toThrow(InvalidInputError);
    expect(() => checkSegment("user-id", value)).toThrow(/user-id .*expected a user's object id or userPrincipalName/);
  });

  it("refuses a lone surrogate", () => {
    expect(() => checkSegment("user-id", "a\uD800b")).toThrow(/not well-formed Unicode/);
  });

  it("refuses a non-string", () => {
    expect(() => checkSegment("user-id", undefined)).toThrow(/must be a string, received undefined/);
    expect(() => checkSegment("user-id", null)).toThrow(/received null/);
  });

  it("accepts UPNs with #EXT#, dots inside and object ids", () => {
    expect(checkSegment("user-id", "ada_contoso.com#EXT#@fabrikam.onmicrosoft.com")).toContain("#EXT#");
    expect(checkSegment("user-id", "...")).toBe("...");
    expect(checkSegment("user-id", "071cc716-8147-4397-a5ba-b2105951cc0b")).toBe(
      "071cc716-8147-4397-a5ba-b2105951cc0b",
    );
  });

  it("requires the pass id to be a GUID", () => {
    expect(checkSegment(METHOD_ID, "6F1967B7-15E8-4935-AC26-D50770ED07A7")).toBe(
      "6F1967B7-15E8-4935-AC26-D50770ED07A7",
    );
    expect(() => checkSegment(METHOD_ID, "not-a-guid")).toThrow(/malformed: expected the pass's id .*GUID/);
    expect(() => checkSegment(METHOD_ID, "6f1967b7-15e8-4935-ac26-d50770ed07a7/..")).toThrow(InvalidInputError);
  });

  it("keeps long or odd values short and escaped in messages", () => {
    const err = (() => {
      try {
        checkSegment(METHOD_ID, `${"x".repeat(500)}\n`);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err?.message.length).toBeLessThan(300);
    expect(err?.message).not.toContain("\n");
  });

  it("agrees with the spec: the pass id parameter is a uuid", () => {
    const param = spec.components.parameters![METHOD_ID] as { schema: { format?: string } };
    expect(param.schema.format).toBe("uuid");
  });
});

describe("serializePath", () => {
  it("fills every parameter of the template with one encoded segment", () => {
    const path = serializePath(
      "/v1.0/users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
      {
        "user-id": "../admin",
        [METHOD_ID]: "6f1967b7-15e8-4935-ac26-d50770ed07a7",
      },
    );
    expect(path).toBe(
      "/v1.0/users/..%2Fadmin/authentication/temporaryAccessPassMethods/6f1967b7-15e8-4935-ac26-d50770ed07a7",
    );
  });

  it("throws for a missing parameter instead of sending the braces", () => {
    expect(() => serializePath("/users/{user-id}/x", {})).toThrow(/user-id must be a string/);
  });
});
