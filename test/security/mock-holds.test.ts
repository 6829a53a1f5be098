// What the mock holds, measured in its own process (issue 19, item 4): unfinished uploads on
// many connections are bounded together (over the bound: Graph's 503 in its envelope) and give
// their memory back when they close; a listener never throws (a clock gone wrong cannot kill the
// process through a malformed request). Each failed on the code before the fix.
import { fork, type ChildProcess } from "node:child_process";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { ChildMemory, ChildReady } from "./support/mock-child.js";

const MiB = 1024 * 1024;
const BODY = 4 * MiB;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function nextMessage<T extends { kind: string }>(child: ChildProcess, kind: T["kind"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`the mock's process exited (${code})`)));
  });
}

async function startChild(env: Record<string, string> = {}): Promise<{ child: ChildProcess; ready: ChildReady }> {
  const child = fork(fileURLToPath(new URL("./support/mock-child.ts", import.meta.url)), {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  children.push(child);
  return { child, ready: await nextMessage<ChildReady>(child, "ready") };
}

async function memory(child: ChildProcess): Promise<number> {
  const answer = nextMessage<ChildMemory>(child, "memory");
  child.send({ kind: "memory" });
  return (await answer).bytes;
}

interface Upload {
  socket: Socket;
  /** What the server answered on this connection (if anything). */
  answer: () => string;
  /** Resolves once all but the last byte left this process, or the connection ended. */
  sent: Promise<void>;
}

/** A Create whose body is all but its last byte, declared by length or chunked. */
function upload(port: number, framing: "declared" | "chunked", filler: Buffer): Upload {
  const socket = connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (d: Buffer) => {
    answer += d.toString("latin1");
  });
  socket.on("error", () => undefined);
  const length = framing === "declared" ? `content-length: ${BODY}` : "transfer-encoding: chunked";
  socket.write(
    `POST /v1.0/users/nobody/authentication/temporaryAccessPassMethods HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
      `content-type: application/json\r\n${length}\r\n\r\n${framing === "chunked" ? `${BODY.toString(16)}\r\n` : ""}`,
  );
  const sent = new Promise<void>((resolve) => {
    socket.write(filler, () => resolve());
    socket.once("close", () => resolve());
  });
  return { socket, answer: () => answer, sent };
}

describe("the mock bounds the unfinished uploads it holds", () => {
  it("many connections each sending all but the last byte of a 4 MiB body: bounded, answered, given back", async () => {
    const filler = Buffer.alloc(BODY - 1, 0x20);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 60, max: 100 }),
        fc.constantFrom("declared", "chunked") as fc.Arbitrary<"declared" | "chunked">,
        async (connections, framing) => {
          const { child, ready } = await startChild();
          const port = Number(new URL(ready.url).port);
          const baseline = await memory(child);
          const uploads = Array.from({ length: connections }, () => upload(port, framing, filler));
          await Promise.race([
            Promise.all(uploads.map((u) => u.sent)),
            new Promise((resolve) => setTimeout(resolve, 15_000)),
          ]);
          const holding = await memory(child);
          // Before the bound: every body held (about connections x 4 MiB).
          expect((holding - baseline) / MiB).toBeLessThan(96);
          const refused = uploads.map((u) => u.answer()).filter((a) => a.startsWith("HTTP/1.1 503 "));
          expect(refused.length).toBeGreaterThan(0);
          const envelope = JSON.parse(refused[0]!.slice(refused[0]!.indexOf("\r\n\r\n") + 4)) as {
            error: { code: string; innerError: { "request-id": string } };
          };
          expect(envelope.error.code).toBe("serviceNotAvailable");
          expect(refused[0]).toMatch(/\r\nretry-after: 1\r\n/i);
          for (const u of uploads) u.socket.destroy();
          await new Promise((resolve) => setTimeout(resolve, 500));
          expect(((await memory(child)) - baseline) / MiB).toBeLessThan(16);
          child.kill();
        },
      ),
      { numRuns: 2 },
    );
  }, 90_000);
});

describe("a socket listener never throws", () => {
  it("a malformed request to a mock whose clock returns an invalid date: the process lives on", async () => {
    const { child, ready } = await startChild({ TAP_MOCK_CLOCK: "invalid" });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const port = Number(new URL(ready.url).port);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nbad header\r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n"),
        async (raw) => {
          const socket = connect(port, "127.0.0.1");
          socket.on("error", () => undefined);
          socket.end(raw);
          await new Promise((resolve) => socket.once("close", resolve));
        },
      ),
      { numRuns: 6 },
    );
    // Still alive and listening: the memory probe answers over IPC and the port takes connections.
    expect(await memory(child)).toBeGreaterThan(0);
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("error", reject);
    });
    socket.destroy();
    expect(stderr).toMatch(/tap mock: unexpected error, likely a bug: RangeError/);
    expect(child.exitCode).toBeNull();
  }, 30_000);
});
