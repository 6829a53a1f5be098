import { describe, expect, it } from "vitest";
import { route } from "./route.js";

describe("route", () => {
  it("finds the operation, case-insensitively, with decoded parameters", () => {
    const r = route("get", "/v1.0/Users/ada%40contoso.com/AUTHENTICATION/temporaryAccessPassMethods/");
    expect(r).toMatchObject({
      kind: "operation",
      operation: { operationId: "listUserTemporaryAccessPassMethods" },
      params: { "user-id": "ada@contoso.com" },
      version: "v1.0",
    });
  });

  it("tells a wrong method on a known path (405) from an unknown path (400)", () => {
    expect(route("PATCH", "/v1.0/me/authentication/temporaryAccessPassMethods/x")).toEqual({
      kind: "methodNotAllowed",
      allowed: ["GET", "DELETE"],
    });
    expect(route("PUT", "/v1.0/me/authentication/temporaryAccessPassMethods")).toEqual({
      kind: "methodNotAllowed",
      allowed: ["GET"],
    });
  });

  it("sets Create on /me apart: not in the contract, answered like Create for yourself (403), not 405", () => {
    expect(route("POST", "/v1.0/me/authentication/temporaryAccessPassMethods")).toEqual({ kind: "createOnMe" });
  });

  it.each([
    ["/v2.0/me", "v2.0"],
    ["/v1.0/me/authentication", "authentication"],
    ["/v1.0/me/authentication/phoneMethods", "phoneMethods"],
    ["/v1.0/users/%/authentication/temporaryAccessPassMethods", "%"],
    ["/v1.0/users/x/authentication/temporaryAccessPassMethods/a/b", "b"],
    ["/v1.0/users/%E2%9C%93x/nope", "nope"],
  ])("names the first segment it cannot resolve in %s", (path, segment) => {
    expect(route("GET", path)).toEqual({ kind: "unknownSegment", segment });
  });
});
