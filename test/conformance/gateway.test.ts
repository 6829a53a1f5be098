// A faithful Graph behind a gateway (its own process, answering with Graph's root in
// @odata.context) passes every check it can judge; a new methodUsabilityReason is news at low
// severity, never a failure at the default one.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import { repoRoot } from "../support/paths.js";
import { tempDir } from "./recordings.js";

const megan = "c0a70000-0000-4000-8000-000000000004";
const joni = "c0a70000-0000-4000-8000-000000000009";

interface Started {
  child: ChildProcess;
  graphUrl: string;
  tokens: Record<string, string>;
}

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

async function startGateway(args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "test/support/gateway-graph.ts"), ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const end = out.indexOf("\n");
      if (end !== -1) resolve(out.slice(0, end));
    });
    child.on("exit", (code) => reject(new Error(`the gateway look-alike exited early with ${code}`)));
  });
  const { graphUrl, tokens } = JSON.parse(line) as { graphUrl: string; tokens: Record<string, string> };
  return { child, graphUrl, tokens };
}

type Outcome = { check: string; status: string; severity: string; message?: string };

async function checkTarget(
  gw: Started,
  extra: string[] = [],
): Promise<{ code: number; outcomes: Outcome[]; violations: string }> {
  const dir = tempDir();
  const code = await runCheck(
    ["--target", gw.graphUrl, "--user", megan, "--user", joni, "--reporter", "json", "--out", dir, ...extra],
    {
      stdout: () => undefined,
      env: gw.tokens,
      color: false,
    },
  );
  const text = readFileSync(join(dir, "tap-contract.json"), "utf8");
  return { code, outcomes: (JSON.parse(text) as { outcomes: Outcome[] }).outcomes, violations: text };
}

describe("a faithful Graph behind a gateway (a separate process)", () => {
  it("answers with Graph's root in @odata.context, and every check it judges passes", async () => {
    const gw = await startGateway();
    const res = await fetch(`${gw.graphUrl}/users/${megan}/authentication/temporaryAccessPassMethods`, {
      headers: { authorization: `Bearer ${gw.tokens.GRAPH_TOKEN_APP}` },
    });
    expect(((await res.json()) as { "@odata.context": string })["@odata.context"]).toBe(
      `https://graph.microsoft.com/v1.0/$metadata#users('${megan}')/authentication/temporaryAccessPassMethods`,
    );
    const { code, outcomes } = await checkTarget(gw);
    expect(outcomes.filter((o) => o.status === "fail" || o.status === "error")).toEqual([]);
    expect(outcomes.filter((o) => o.check === "odata-context" && o.status === "pass").length).toBeGreaterThan(0);
    expect(code).toBe(0);
  });

  it("with one new methodUsabilityReason: passes at the default severity, reports the value at low", async () => {
    const gw = await startGateway(["--new-reason", "BlockedByRiskPolicy"]);
    const atDefault = await checkTarget(gw);
    expect(atDefault.code).toBe(0);
    const failed = atDefault.outcomes.filter((o) => o.status === "fail");
    expect(failed.map((o) => [o.check, o.severity])).toEqual(failed.map(() => ["undocumented-properties", "low"]));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((o) => o.message?.includes('"BlockedByRiskPolicy"'))).toBe(true);
    expect(
      atDefault.outcomes.filter((o) => o.check === "response-schema" && o.status !== "pass" && o.status !== "skip"),
    ).toEqual([]);
    const atLow = await checkTarget(gw, ["--severity", "low"]);
    expect(atLow.code).toBe(1);
  });
});

describe("a live tenant judged by its own TAP policy (60..480)", () => {
  const lifetime = (outcomes: Outcome[]) => outcomes.filter((o) => o.check === "lifetime-in-range");
  const bounds = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, "tap-contract.json"), "utf8")) as { target: { lifetimeBounds: string } }).target
      .lifetimeBounds;

  async function run(gw: Started): Promise<{ code: number; outcomes: Outcome[]; bounds: string }> {
    const dir = tempDir();
    const code = await runCheck(["--target", gw.graphUrl, "--user", megan, "--reporter", "json", "--out", dir], {
      stdout: () => undefined,
      env: gw.tokens,
      color: false,
    });
    const outcomes = (JSON.parse(readFileSync(join(dir, "tap-contract.json"), "utf8")) as { outcomes: Outcome[] })
      .outcomes;
    return { code, outcomes, bounds: bounds(dir) };
  }

  it("fails a 600-minute pass, naming the tenant's range and where it came from", async () => {
    const { code, outcomes, bounds: note } = await run(await startGateway(["--megan-lifetime", "600"]));
    expect(note).toMatch(
      /^lifetimes judged by the tenant's policy \(60\.\.480 minutes.*read from http:\/\/127\.0\.0\.1/,
    );
    const failed = lifetime(outcomes).filter((o) => o.status === "fail");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.message).toContain("Received: lifetimeInMinutes 600");
    expect(failed[0]!.message).toContain(
      "an integer from 60 to 480 (the tenant's policy, read at the start of the run)",
    );
    expect(code).toBe(1);
  });

  it("passes a faithful pass (480 minutes)", async () => {
    const { code, outcomes } = await run(await startGateway(["--megan-lifetime", "480"]));
    expect(lifetime(outcomes).every((o) => o.status === "pass")).toBe(true);
    expect(outcomes.filter((o) => o.status === "fail" || o.status === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it("without a policy permission, judges by the documented bounds and says so", async () => {
    const { outcomes, bounds: note } = await run(
      await startGateway(["--megan-lifetime", "600", "--no-policy-permission"]),
    );
    expect(note).toMatch(
      /^lifetimes judged by the documented bounds \(10\.\.43200 minutes\), not the tenant's policy: no token may read/,
    );
    expect(lifetime(outcomes).every((o) => o.status === "pass")).toBe(true);
  });
});

describe("a live run with --allow-writes changes the tenant's policy only for its probes", () => {
  it("runs the policy checks and leaves the policy as it found it", async () => {
    const gw = await startGateway();
    const policyUrl =
      `${gw.graphUrl}/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/` + `TemporaryAccessPass`;
    const read = async () =>
      (await (
        await fetch(policyUrl, { headers: { authorization: `Bearer ${gw.tokens.GRAPH_TOKEN_APP}` } })
      ).json()) as Record<string, unknown>;
    const before = await read();
    const nestor = "c0a70000-0000-4000-8000-000000000005";
    const { outcomes } = await checkTarget(gw, ["--allow-writes", "--test-user", nestor]);
    for (const id of ["policy-reads-back-patch", "one-time-policy-refuses-multi-use", "refuses-disabled-method"]) {
      expect(
        outcomes.filter((o) => o.check === id).map((o) => o.status),
        id,
      ).toEqual(["pass"]);
    }
    expect(outcomes.filter((o) => o.check === "refuses-past-start").map((o) => o.status)).toEqual(["pass"]);
    expect(await read()).toEqual(before);
  });
});
