// A target that echoes every secret it is handed (the bearer token without "Bearer", base64,
// base64url, reversed, a long part of it, one character JSON-escaped; the passcode it just
// issued in a header, another property, an error message, an HTML page, a query parameter)
// gets none of them into any output of a run: console, JSON, HTML, JUnit, job summary, the
// --record file and stderr. The JSON report and every recorded line stay valid JSON, and the
// recording replays.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import { startEchoGraph, type EchoGraph } from "../support/echo-graph.js";

const megan = "c0a70000-0000-4000-8000-000000000004";
const nestor = "c0a70000-0000-4000-8000-000000000005";

let echo: EchoGraph;
let dir: string;
beforeAll(async () => {
  echo = await startEchoGraph();
  dir = mkdtempSync(join(tmpdir(), "tap-echo-"));
});
afterAll(async () => {
  await echo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every form a secret was echoed in, as an output could show it. */
function formsOf(secret: string): string[] {
  const forms = [
    secret,
    [...secret].reverse().join(""),
    Buffer.from(secret).toString("base64").replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
    encodeURIComponent(secret),
  ];
  if (secret.length > 40) forms.push(secret.slice(12, 72), secret.slice(-30));
  // Inside a longer base64 text (`Bearer <token>`), the characters the secret alone decides.
  const b64 = Buffer.from(`Bearer ${secret}`).toString("base64");
  forms.push(b64.slice(12, 60));
  return forms.filter((f) => f.length >= 8);
}

/** An output as a reader sees it: raw, and with HTML entities and JSON escapes decoded. */
function views(text: string): string[] {
  const html = text
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
  const json = text.replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return [text, html, json.replaceAll('\\"', '"').replaceAll("\\\\", "\\")];
}

describe("a target that echoes the secrets it is handed", () => {
  it("gets none of them into any output, and every JSON output stays valid", { timeout: 120_000 }, async () => {
    const summary = join(dir, "step-summary.md");
    const record = join(dir, "run.ndjson");
    const out = join(dir, "out");
    vi.stubEnv("GRAPH_TOKEN_APP", await echo.mock.issueToken({ app: "00000000-0000-0000-0000-00000000a11c" }));
    vi.stubEnv("GRAPH_TOKEN_ADMIN", await echo.mock.issueToken({ user: "adele" }));
    vi.stubEnv("GRAPH_TOKEN_SELF", await echo.mock.issueToken({ user: "nestor" }));
    vi.stubEnv("GITHUB_STEP_SUMMARY", summary);
    let stdout = "";
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
    vi.spyOn(console, "log").mockImplementation((...a) => void (stdout += `${a.join(" ")}\n`));
    vi.spyOn(console, "error").mockImplementation((...a) => void (stderr += `${a.join(" ")}\n`));
    let code: number;
    let replayCode: number;
    try {
      code = await main([
        "check",
        ...["--target", echo.graphUrl, "--user", megan, "--allow-writes", "--test-user", nestor],
        ...["--reporter", "console,json,junit,html,github", "--out", out, "--record", record],
      ]);
      replayCode = await main(["replay", record, "--reporter", "json", "--out", join(dir, "replayed")]);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
    expect([0, 1]).toContain(code);
    expect([0, 1]).toContain(replayCode);
    expect(echo.seen.tokens.size).toBeGreaterThan(2);
    expect(echo.seen.passes.size).toBeGreaterThan(0);

    const outputs: Record<string, string> = { stdout, stderr, summary: readFileSync(summary, "utf8") };
    for (const f of readdirSync(out)) outputs[f] = readFileSync(join(out, f), "utf8");
    outputs.record = readFileSync(record, "utf8");
    outputs.replayed = readFileSync(join(dir, "replayed", "tap-contract.json"), "utf8");
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(["tap-contract.json", "report.html", "junit.xml", "record", "summary"]),
    );
    JSON.parse(outputs["tap-contract.json"]!);
    JSON.parse(outputs.replayed!);
    for (const line of outputs.record!.split("\n").filter((l) => l !== "")) JSON.parse(line);

    const leaks: string[] = [];
    for (const secret of [...echo.seen.tokens, ...echo.seen.passes, "mock-client-secret"])
      for (const form of formsOf(secret))
        for (const [name, text] of Object.entries(outputs))
          if (views(text).some((v) => v.includes(form))) leaks.push(`${name}: ${form.slice(0, 12)}…`);
    expect([...new Set(leaks)]).toEqual([]);
  });
});

describe("tap-contract token against an endpoint that echoes what it was sent", () => {
  it("never prints the password or client secret, in any of the forms echoed", async () => {
    const { createServer } = await import("node:http");
    const { runToken } = await import("./support/run-token.js");
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const secret = form.get("password") ?? form.get("client_secret") ?? "";
        res.writeHead(400, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: `bad_${Buffer.from(secret).toString("base64")}`,
            error_description:
              `you sent ${secret.slice(0, 4)}\u0000${secret.slice(4)}? no: ${secret}, ` +
              `${[...secret].reverse().join("")}, ${encodeURIComponent(secret)}`,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const secret = "s3cr3t+p@ss/w0rd=long";
      for (const args of [
        ["--user", "adele", "--password", secret],
        ["--app", "00000000-0000-0000-0000-00000000a11c", "--secret", secret],
      ]) {
        const run = await runToken(["--url", url, ...args]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/the mock refused the token request/);
        for (const form of formsOf(secret)) expect(run.stderr).not.toContain(form);
      }
    } finally {
      server.close();
    }
  });
});
