import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { checkIds } from "../checks/index.js";
import { selectChecks } from "./select.js";

describe("selectChecks", () => {
  it("selects every check by default, in catalog order", () => {
    expect(selectChecks().map((c) => c.id)).toEqual(checkIds);
  });

  it("takes a list and an exclusion", () => {
    expect(selectChecks("odata-context,content-type").map((c) => c.id)).toEqual(["content-type", "odata-context"]);
    expect(selectChecks("all", "odata-context").map((c) => c.id)).toEqual(
      checkIds.filter((id) => id !== "odata-context"),
    );
  });

  it("refuses unknown ids with the list of valid ones", () => {
    expect(() => selectChecks("content-type,nope")).toThrow(UsageError);
    expect(() => selectChecks(undefined, "nope")).toThrow(
      /--exclude-checks: unknown check "nope": expected "all" or some of content-type, /,
    );
  });

  it("refuses a selection that leaves nothing", () => {
    expect(() => selectChecks("content-type", "content-type")).toThrow(/no check left/);
    expect(() => selectChecks(",")).toThrow(/expected a comma-separated list/);
  });
});
