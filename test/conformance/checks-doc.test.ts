import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCatalog } from "../../conformance/cli/commands/checks.js";
import { repoRoot } from "../support/paths.js";

describe("docs/checks/README.md", () => {
  it("lists the catalog exactly as `tap-contract checks --format markdown` does", () => {
    const doc = readFileSync(join(repoRoot, "docs", "checks", "README.md"), "utf8");
    const table = /<!-- catalog:start -->\n([\s\S]*)<!-- catalog:end -->/.exec(doc)?.[1];
    expect(table, "regenerate the table with `tap-contract checks --format markdown`").toBe(renderCatalog("markdown"));
  });
});
