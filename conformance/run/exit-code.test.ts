import { describe, expect, it } from "vitest";
import { exitCodeOf, type RunEnd } from "./exit-code.js";

describe("exitCodeOf", () => {
  it.each<[RunEnd, number]>([
    [{ kind: "judged", failing: false, nothingJudged: false }, 0],
    [{ kind: "judged", failing: true, nothingJudged: false }, 1],
    [{ kind: "judged", failing: true, nothingJudged: true, reportsFailed: true }, 1],
    [{ kind: "judged", failing: false, nothingJudged: true }, 2],
    [{ kind: "judged", failing: false, nothingJudged: false, reportsFailed: true }, 2],
    [{ kind: "could-not-start" }, 2],
    [{ kind: "crashed" }, 1],
    [{ kind: "interrupted", signal: "SIGINT" }, 130],
    [{ kind: "interrupted", signal: "SIGTERM" }, 143],
  ])("%j -> %i", (end, code) => {
    expect(exitCodeOf(end)).toBe(code);
  });
});
