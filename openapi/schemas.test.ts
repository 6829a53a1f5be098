import { describe, expect, test } from "vitest";
import { operationById } from "../src/spec/index.js";
import { schemaValidator, validateCreateRequest, validateResponseBody } from "../src/contract/schemas.js";

const get = operationById("getUserTemporaryAccessPassMethod");
const list = operationById("listUserTemporaryAccessPassMethods");
const create = operationById("createUserTemporaryAccessPassMethod");

const good = {
  id: "6f1967b7-15e8-4935-ac26-d50770ed07a7",
  temporaryAccessPass: null,
  createdDateTime: "2022-06-02T16:21:09.5893903Z",
  startDateTime: "2022-06-05T00:00:00Z",
  lifetimeInMinutes: 60,
  isUsableOnce: false,
  isUsable: false,
  methodUsabilityReason: "NotYetValid",
};

const keywordsOf = (findings: { keyword?: string }[]) => findings.map((f) => f.keyword);

describe("the schemas reject what Graph never sends", () => {
  test("a well-formed read passes (the baseline of the cases below)", () => {
    expect(validateResponseBody(get, 200, good)).toEqual([]);
  });

  test.each([
    ["a string lifetime", { ...good, lifetimeInMinutes: "60" }, "type"],
    ["a reason that is not a string", { ...good, methodUsabilityReason: 3 }, "type"],
    ["lifetime 5", { ...good, lifetimeInMinutes: 5 }, "minimum"],
    ["lifetime 43201", { ...good, lifetimeInMinutes: 43201 }, "maximum"],
    ["a fractional lifetime", { ...good, lifetimeInMinutes: 60.5 }, "type"],
    ["a missing id", (({ id: _, ...rest }) => rest)(good), "required"],
    ["an id that is not a GUID", { ...good, id: "not-a-guid" }, "format"],
    ["a passcode on a read", { ...good, temporaryAccessPass: "+drkzqAD" }, "type"],
    ["an impossible date", { ...good, startDateTime: "2022-02-30T00:00:00Z" }, "format"],
    ["a date without offset", { ...good, createdDateTime: "2022-06-02T16:21:09" }, "format"],
    ["a null isUsable", { ...good, isUsable: null }, "type"],
  ])("%s", (_, body, keyword) => {
    expect(keywordsOf(validateResponseBody(get, 200, body))).toContain(keyword);
  });

  test("Create's response must carry the passcode, 8 to 48 characters", () => {
    expect(validateResponseBody(create, 201, { ...good, temporaryAccessPass: "+drkzqAD" })).toEqual([]);
    expect(keywordsOf(validateResponseBody(create, 201, good))).toContain("type");
    expect(keywordsOf(validateResponseBody(create, 201, { ...good, temporaryAccessPass: "abc" }))).toContain(
      "minLength",
    );
    expect(keywordsOf(validateResponseBody(create, 201, { ...good, temporaryAccessPass: "x".repeat(49) }))).toContain(
      "maxLength",
    );
  });

  test("List holds at most one method", () => {
    const context = "https://graph.microsoft.com/v1.0/$metadata#users('x')/authentication/temporaryAccessPassMethods";
    expect(validateResponseBody(list, 200, { "@odata.context": context, value: [good] })).toEqual([]);
    expect(keywordsOf(validateResponseBody(list, 200, { "@odata.context": context, value: [good, good] }))).toContain(
      "maxItems",
    );
  });

  test("findings never repeat a passcode, only its length", () => {
    const findings = validateResponseBody(get, 200, { ...good, temporaryAccessPass: "S3cr3t!Pass" });
    expect(JSON.stringify(findings)).not.toContain("S3cr3t!Pass");
    expect(findings[0]!.message).toContain("a string of 11 chars");
  });

  test("$select relaxes `required` to the selected properties only", () => {
    const partial = { id: good.id, isUsable: false };
    expect(validateResponseBody(get, 200, partial)).not.toEqual([]);
    expect(validateResponseBody(get, 200, partial, ["id", "isUsable"])).toEqual([]);
    expect(keywordsOf(validateResponseBody(get, 200, { id: good.id }, ["id", "isUsable"]))).toContain("required");
    expect(keywordsOf(validateResponseBody(get, 200, { ...partial, isUsable: "no" }, ["id", "isUsable"]))).toContain(
      "type",
    );
  });

  test("the create request accepts only the writable fields, within bounds", () => {
    expect(validateCreateRequest({})).toEqual([]);
    expect(keywordsOf(validateCreateRequest({ isUsable: true }))).toContain("additionalProperties");
    expect(keywordsOf(validateCreateRequest({ lifetimeInMinutes: 9 }))).toContain("minimum");
    expect(keywordsOf(validateCreateRequest({ startDateTime: "tomorrow" }))).toContain("format");
  });

  test("the error envelope: innerError.date has no offset, code and message required", () => {
    const validate = schemaValidator("ODataError");
    const inner = { date: "2021-04-01T17:02:01", "request-id": "07ddd94e-55c9-4c36-b6a8-80676ae0830e" };
    expect(validate({ error: { code: "badRequest", message: "m", innerError: inner } })).toBe(true);
    expect(
      validate({ error: { code: "badRequest", message: "m", innerError: { ...inner, date: "2021-04-01T17:02:01Z" } } }),
    ).toBe(false);
    expect(validate({ error: { code: "badRequest", innerError: inner } })).toBe(false);
    expect(validate({ error: { code: "badRequest", message: "m" } })).toBe(false);
    expect(validate({ message: "m" })).toBe(false);
  });
});
