import { describe, expect, test } from "vitest";
import { spec } from "../src/spec/index.js";
import { CloudNotSupportedError, clouds, tapCloud } from "../src/spec/clouds.js";

describe("national clouds", () => {
  test("servers are exactly the clouds that have the API, at their Graph root + /v1.0", () => {
    const withTap = Object.entries(spec["x-clouds"]).filter(([, c]) => c.tapAvailable);
    expect(spec.servers.filter((s) => !s["x-version"]).map((s) => [s["x-cloud"], s.url])).toEqual(
      withTap.map(([id, c]) => [id, `${c.graphRoot}/v1.0`]),
    );
  });

  test("China is listed, without the API, and refused with a clear error", () => {
    expect(clouds.china.tapAvailable).toBe(false);
    expect(() => tapCloud("china")).toThrow(CloudNotSupportedError);
    expect(() => tapCloud("china")).toThrow(/not available in the China operated by 21Vianet cloud/);
  });

  test("an unknown cloud names the valid ones", () => {
    expect(() => tapCloud("mars")).toThrow('unknown cloud "mars": expected one of global, usgov-l4, usgov-l5');
  });

  test("the generated clouds module is the spec's x-clouds", () => {
    expect(clouds).toEqual(spec["x-clouds"]);
  });
});
