// A write run against the mock as a live target leaves the test user as found, whether it ends
// normally or is interrupted at any point of the write flow (issue 18).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import type { MockGraph } from "../../src/mock/index.js";
import { liveTokens, passesOf, startMockGraph, watchingProxy } from "./support.js";

function fakeStderr(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = { isTTY: false, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

const nestor = "nestor@contoso.onmicrosoft.com";

describe("a write run cleans up after itself", () => {
  let mock: MockGraph;
  let env: Record<string, string>;
  beforeAll(async () => {
    mock = await startMockGraph();
    env = await liveTokens(mock);
  });
  afterAll(() => mock.close());

  it("ends green with the test user left as found, every pass deleted by a token that may delete it", async () => {
    const proxy = await watchingProxy(mock);
    try {
      let out = "";
      const err = fakeStderr();
      const code = await runCheck(
        [
          "--target",
          proxy.graphUrl,
          "--user",
          "megan@contoso.onmicrosoft.com",
          "--allow-writes",
          "--test-user",
          nestor,
        ],
        { stdout: (t) => void (out += t), env, color: false, stderr: err.stream },
      );
      expect(out).toMatch(/PASS\n$/);
      expect(code).toBe(0);
      expect(out).toContain(`test user ${nestor} left as found`);
      expect(proxy.seen.filter((s) => s.method === "POST" && s.status === 201).length).toBeGreaterThan(0);
      expect(await passesOf(mock, nestor)).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 30_000);

  // Points of the write flow: right after the first pass exists, after the second Create, after
  // the Nth write, and after the first refused Delete (a pass the refusal left behind).
  let creates = 0;
  const points: Array<[string, (s: { method: string; status: number }, writes: number) => boolean]> = [
    ["after the first Create", (s) => s.method === "POST" && s.status === 201],
    ["after the second Create", (s) => s.method === "POST" && s.status === 201 && ++creates === 2],
    ["after the fourth write", (s, writes) => (s.method === "POST" || s.method === "DELETE") && writes === 4],
    ["after a refused Delete", (s) => s.method === "DELETE" && s.status === 403],
  ];
  it.each(points)(
    "interrupted %s: the test user has no pass afterwards",
    async (_name, at) => {
      const proxy = await watchingProxy(mock);
      const stop = new AbortController();
      let writes = 0;
      creates = 0;
      proxy.onResponse = (seen) => {
        if (seen.method === "POST" || seen.method === "DELETE") writes++;
        if (!stop.signal.aborted && at(seen, writes)) stop.abort("SIGTERM");
      };
      try {
        const err = fakeStderr();
        const code = await runCheck(["--target", proxy.graphUrl, "--allow-writes", "--test-user", nestor], {
          stdout: () => undefined,
          env,
          color: false,
          stderr: err.stream,
          stop: stop.signal,
        });
        expect(stop.signal.aborted).toBe(true);
        expect(code).toBe(143);
        expect(err.text()).toMatch(
          /\ntap-contract check: interrupted \(SIGTERM\): the run did not finish and wrote no report\n/,
        );
        expect(err.text()).toContain(`test user ${nestor} left as found`);
        expect(await passesOf(mock, nestor)).toEqual([]);
      } finally {
        await proxy.close();
      }
    },
    30_000,
  );
});
