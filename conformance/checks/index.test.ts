import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exchangeChecks, scenarioChecks } from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));
const checkFiles = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "check.ts" && f !== "index.ts")
  .map((f) => f.slice(0, -".ts".length))
  .sort();

describe("the scenario-check catalog (index.ts, the one registration point)", () => {
  it("registers every check file once, under its file name", () => {
    expect(Object.keys(scenarioChecks).sort()).toEqual(checkFiles);
    for (const [id, check] of Object.entries(scenarioChecks)) expect(check.id).toBe(id);
    expect(new Set(Object.values(scenarioChecks)).size).toBe(checkFiles.length);
  });

  it("shares no id with an exchange check", () => {
    const exchangeIds = new Set<string>(exchangeChecks.map((c) => c.id));
    expect(checkFiles.filter((id) => exchangeIds.has(id))).toEqual([]);
  });
});
