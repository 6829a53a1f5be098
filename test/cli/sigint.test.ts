// Ctrl-C in the middle of a run: one line that says so, a final newline, the shell's code 130.
import { spawn } from "node:child_process";
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { fakeAppToken } from "../conformance/fake-tokens.js";
import { tempDir } from "../conformance/recordings.js";
import { liveTokens, passesOf, startMockGraph, watchingProxy } from "../live/support.js";
import { repoRoot } from "../support/paths.js";

describe("an interrupted run", () => {
  it("says so on one line of its own and exits 130", async () => {
    // A target that accepts connections and never answers: the run waits on its first request.
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          join(repoRoot, "conformance", "cli", "bin.ts"),
          "check",
          "--target",
          `http://127.0.0.1:${port}/v1.0`,
          "--timeout",
          "60000",
        ],
        {
          cwd: repoRoot,
          env: { ...process.env, GRAPH_TOKEN_APP: fakeAppToken, NO_COLOR: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      let stdout = "";
      child.stdout.on("data", (d) => void (stdout += String(d)));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      // Interrupt once the header is out and the first request is waiting.
      child.stderr.on("data", (d) => void (stderr += String(d)));
      await new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const ready = stderr.includes("tap-contract check: ") && sockets.length > 0;
          if (!ready && Date.now() - started < 20_000) return;
          clearInterval(poll);
          if (ready) resolve();
          else reject(new Error(`no header and request within 20 s: ${stderr}`));
        }, 50);
      });
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(stderr).toMatch(
        /\ntap-contract check: interrupted \(SIGINT\): the run did not finish and wrote no report\n$/,
      );
      expect(stdout).toBe("");
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  }, 30_000);

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s in the middle of a write run: a line, the cleanup, exit %i, the test user left as found, no empty --out",
    async (signal, exitCode) => {
      const mock = await startMockGraph();
      const proxy = await watchingProxy(mock);
      const out = join(tempDir(), "reports", "here");
      try {
        const env = await liveTokens(mock);
        const nestor = "nestor@contoso.onmicrosoft.com";
        const child = spawn(
          process.execPath,
          [
            "--import",
            "tsx",
            join(repoRoot, "conformance", "cli", "bin.ts"),
            "check",
            "--target",
            proxy.graphUrl,
            "--allow-writes",
            "--test-user",
            nestor,
            "--reporter",
            "json",
            "--out",
            out,
          ],
          { cwd: repoRoot, env: { ...process.env, ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
        );
        let stderr = "";
        child.stderr.on("data", (d) => void (stderr += String(d)));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        // The signal lands right after the first pass exists: the point where a pass would be left behind.
        proxy.onResponse = (seen) => {
          if (seen.method === "POST" && seen.status === 201 && !child.killed) child.kill(signal);
        };
        expect(await exited).toBe(exitCode);
        expect(stderr).toMatch(
          new RegExp(`\ntap-contract check: interrupted \\(${signal}\\): the run did not finish and wrote no report\n`),
        );
        expect(stderr).toContain(`tap-contract check: test user ${nestor} left as found\n`);
        expect(await passesOf(mock, nestor)).toEqual([]);
        expect(existsSync(join(out, ".."))).toBe(false);
      } finally {
        await proxy.close();
        await mock.close();
      }
    },
    30_000,
  );
});
