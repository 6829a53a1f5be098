import { describe, expect, it } from "vitest";
import { readmeBlocks } from "../support/readme-blocks.js";

const fence = "```";

describe("readmeBlocks", () => {
  it("finds every sh, bash and ts block, with the marker on the line just before it", () => {
    const text = [
      "# t",
      `${fence}sh`,
      "echo one",
      fence,
      "<!-- readme-test: skip (needs a tenant) -->",
      `${fence}ts`,
      "const a = 1;",
      fence,
      "<!-- readme-test: background (a server) -->",
      `${fence}bash`,
      "sleep 1",
      fence,
      `${fence}yaml`,
      "a: 1",
      fence,
      "<!-- readme-test: skip (not just before) -->",
      "",
      `  ${fence}ts`,
      "  indented();",
      `  ${fence}`,
    ].join("\n");
    expect(readmeBlocks(text)).toEqual([
      { lang: "sh", code: "echo one", line: 2 },
      { lang: "ts", code: "const a = 1;", line: 6, marker: { kind: "skip", reason: "needs a tenant" } },
      { lang: "sh", code: "sleep 1", line: 10, marker: { kind: "background", reason: "a server" } },
      { lang: "ts", code: "indented();", line: 18 },
    ]);
  });

  it("refuses a marker it does not know", () => {
    expect(() => readmeBlocks(["<!-- readme-test: later (x) -->", `${fence}sh`, "x", fence].join("\n"))).toThrow(
      /unknown readme-test marker "later"/,
    );
  });
});
