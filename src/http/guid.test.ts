import { describe, expect, it } from "vitest";
import { MethodId } from "../../generated/validators.js";
import { isGuid } from "./guid.js";

describe("isGuid", () => {
  it.each([
    "6f1967b7-15e8-4935-ac26-d50770ed07a7",
    "6F1967B7-15E8-4935-AC26-D50770ED07A7",
    "00000000-0000-0000-0000-000000000000",
  ])("accepts %j, as the spec's MethodId schema does", (value) => {
    expect(isGuid(value)).toBe(true);
    expect(MethodId(value)).toBe(true);
  });

  it.each(["", "6f1967b7-15e8-4935-ac26-d50770ed07a", "6f1967b715e84935ac26d50770ed07a7", "g".repeat(36), 42])(
    "refuses %j",
    (value) => {
      expect(isGuid(value)).toBe(false);
    },
  );
});
