// Every report, recording and log this project writes, scanned for secrets: bearer tokens
// (anything JWT-shaped), the fixture client secret and password, and every passcode the mock
// handed out during the run. The runs: `check` against the embedded mock (faithful, and with
// the secret-on-read scenario) with every reporter and --record, `replay` of that recording
// with every reporter, and `tap-contract mock` as a process serving token grants and creates.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import { reporterNames } from "../../conformance/reporters/index.js";
import { defaultFixtures } from "../../src/mock/index.js";
import { repoRoot } from "../support/paths.js";

// Every passcode the mock makes in this process, kept here to search the outputs for it.
const handedOut = vi.hoisted(() => new Set<string>());
vi.mock("../../src/mock/passcode.js", async (original) => {
  const real = await original<typeof import("../../src/mock/passcode.js")>();
  return {
    ...real,
    newPasscode: async (length: number) => {
      const passcode = await real.newPasscode(length);
      handedOut.add(passcode);
      return passcode;
    },
  };
});

// The mock's secret-on-read scenario shows this constant instead of a real passcode.
const LEAKED_BY_SCENARIO = "Lk4!mZq9";
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/;

let dir: string;
let madeInProcess = 0;
const printed: string[] = [];
const outputs: Array<{ name: string; text: string }> = [];

function readTree(root: string): void {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) readTree(path);
    else outputs.push({ name: path.slice(dir.length + 1), text: readFileSync(path, "utf8") });
  }
}

/** Start `tap-contract mock`, mint tokens through its token endpoint, create passes, stop it: its log. */
async function mockProcessLog(): Promise<{ log: string; passcodes: string[] }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "conformance/cli/bin.ts"), "mock", "--port", "0"],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (log += c.toString("utf8")));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock did not start: ${log}`)), 30_000);
    child.stdout.on("data", () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const tenant = defaultFixtures.tenant.id;
  const grant = async (form: Record<string, string>) => {
    const res = await fetch(`${origin}/${tenant}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams(form),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const app = await grant({
    grant_type: "client_credentials",
    client_id: defaultFixtures.apps[0]!.clientId,
    client_secret: defaultFixtures.clientSecret,
    scope: "https://graph.microsoft.com/.default",
  });
  await grant({
    grant_type: "password",
    username: "adele@contoso.onmicrosoft.com",
    password: defaultFixtures.password,
    scope: "UserAuthenticationMethod.ReadWrite.All",
  });
  // A bad secret too: the mock's error path must not echo it either.
  await fetch(`${origin}/${tenant}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: defaultFixtures.apps[0]!.clientId,
      client_secret: "wrong-secret-value",
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  const passcodes: string[] = [];
  for (const user of ["nestor", "lee"]) {
    const upn = `${user}@contoso.onmicrosoft.com`;
    const res = await fetch(`${origin}/v1.0/users/${upn}/authentication/temporaryAccessPassMethods`, {
      method: "POST",
      headers: { authorization: `Bearer ${app}`, "content-type": "application/json" },
      body: "{}",
    });
    passcodes.push(((await res.json()) as { temporaryAccessPass: string }).temporaryAccessPass);
  }
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
  return { log, passcodes };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tap-secret-scan-"));
  const all = reporterNames.join(",");
  vi.stubEnv("GITHUB_STEP_SUMMARY", "");
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation(
    (chunk: string | Uint8Array) => (printed.push(String(chunk)), true),
  );
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => (printed.push(String(chunk)), true),
  );
  try {
    await main(["check", "--reporter", all, "--out", join(dir, "check"), "--record", join(dir, "check.ndjson")]);
    await main([
      "check",
      "--mock-scenario",
      "secret-on-read",
      "--reporter",
      all,
      "--out",
      join(dir, "leaky"),
      "--record",
      join(dir, "leaky.ndjson"),
    ]);
    await main(["replay", join(dir, "check.ndjson"), "--reporter", all, "--out", join(dir, "replay")]);
    await main(["replay", join(dir, "leaky.ndjson"), "--reporter", all, "--out", join(dir, "replay-leaky")]);
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
  madeInProcess = handedOut.size;
  const mock = await mockProcessLog();
  for (const p of mock.passcodes) handedOut.add(p);
  outputs.push({ name: "tap-contract mock (stdout and stderr)", text: mock.log });
  readTree(dir);
  outputs.push({ name: "console output of check and replay", text: printed.join("") });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("reports, recordings and logs hold no secret", () => {
  it("scanned what every reporter and the recorder wrote, and passes were handed out", () => {
    const names = outputs.map((o) => o.name);
    for (const file of [
      "check/tap-contract.json",
      "check/junit.xml",
      "check/report.html",
      "check/summary.md",
      "leaky/report.html",
      "replay/junit.xml",
      "check.ndjson",
      "leaky.ndjson",
    ]) {
      expect(names).toContain(file);
    }
    expect(readFileSync(join(dir, "check.ndjson"), "utf8").split("\n").length).toBeGreaterThan(10);
    // Creates ran in the faithful run and through the mock process: the scan has values to look for.
    expect(madeInProcess).toBeGreaterThanOrEqual(1);
    expect(handedOut.size).toBe(madeInProcess + 2);
  });

  it("contains no JWT-shaped bearer token", () => {
    const hits = outputs.filter((o) => JWT.test(o.text)).map((o) => `${o.name}: ${JWT.exec(o.text)![0].slice(0, 24)}…`);
    expect(hits).toEqual([]);
  });

  it("contains neither the client secret nor the fixture password", () => {
    for (const secret of [defaultFixtures.clientSecret, defaultFixtures.password, "wrong-secret-value"]) {
      expect(
        outputs.filter((o) => o.text.includes(secret)).map((o) => o.name),
        secret,
      ).toEqual([]);
    }
  });

  it("contains no passcode the mock handed out, nor the one the leaking scenario shows", () => {
    const values = [...handedOut, LEAKED_BY_SCENARIO];
    const hits = outputs.flatMap((o) => values.filter((v) => o.text.includes(v)).map(() => o.name));
    expect(hits).toEqual([]);
    // The leak was seen and reported, by length only.
    expect(outputs.find((o) => o.name === "leaky/report.html")?.text).toContain(
      `&lt;redacted: ${LEAKED_BY_SCENARIO.length} chars&gt;`,
    );
  });
});
