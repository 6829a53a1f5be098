import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pass } from "../../test/conformance/exchange-fixtures.js";
import { hasUndocumentedKeys, undocumentedKeys } from "./property-shape.js";
import { propertyShape } from "./tables.js";

describe("hasUndocumentedKeys", () => {
  const list = propertyShape("TemporaryAccessPassAuthenticationMethodCollection");

  it("finds an extra key at any depth, and none on a documented body", () => {
    expect(hasUndocumentedKeys({ "@odata.context": "x", value: [pass()] }, list)).toBe(false);
    expect(hasUndocumentedKeys({ "@odata.context": "x", value: [pass(), pass({ extra: 1 })] }, list)).toBe(true);
    expect(hasUndocumentedKeys({ value: [], extra: 1 }, list)).toBe(true);
  });

  it("accepts documented keys in any order and no extra one", () => {
    const item = propertyShape("TemporaryAccessPassAuthenticationMethod");
    const body = pass();
    expect(hasUndocumentedKeys(body, item)).toBe(false);
    expect(hasUndocumentedKeys({ ...body }, item)).toBe(false);
    expect(hasUndocumentedKeys({ ...body, extra: 1 }, item)).toBe(true);
    expect(hasUndocumentedKeys({ extra: 1, ...body }, item)).toBe(true);
    const { id: _id, ...shorter } = body;
    expect(hasUndocumentedKeys(shorter, item)).toBe(false);
    expect(hasUndocumentedKeys({ ...shorter, idx: 1 }, item)).toBe(true);
    expect(hasUndocumentedKeys({ isUsable: true, id: "x" }, item)).toBe(false);
  });

  it("agrees with undocumentedKeys on generated bodies", () => {
    const key = fc.constantFrom("id", "isUsable", "value", "@odata.context", "extra", "a/b", "temporaryAccessPass");
    const item = fc.dictionary(key, fc.oneof(fc.integer(), fc.constant(null), fc.dictionary(key, fc.integer())));
    const body = fc.oneof(item, fc.record({ value: fc.array(item, { maxLength: 3 }) }), fc.array(item));
    for (const name of [
      "TemporaryAccessPassAuthenticationMethodCollection",
      "TemporaryAccessPassAuthenticationMethod",
      "ODataError",
    ]) {
      const shape = propertyShape(name);
      fc.assert(
        fc.property(body, (b) => hasUndocumentedKeys(b, shape) === undocumentedKeys(b, shape).length > 0),
        { numRuns: 500 },
      );
    }
  });
});
