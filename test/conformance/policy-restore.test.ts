// A run that changes the tenant's TAP policy puts it back: after each probe, when a live run
// with --allow-writes is done, and when interrupted (the step is registered before the PATCH,
// and running the registry, as the SIGINT/SIGTERM handler does, restores the policy mid-probe).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioCheck, type CaseResult } from "../../conformance/checks/check.js";
import { allChecks } from "../../conformance/checks/index.js";
import { createCleanups } from "../../conformance/run/cleanups.js";
import { runSuite } from "../../conformance/run/run-suite.js";
import { restorePolicy, withPolicyChange } from "../../conformance/scenarios/policy-change.js";
import { startMockTarget } from "../../conformance/targets/mock.js";
import { fastRetry } from "./run-mock.js";

let target: Awaited<ReturnType<typeof startMockTarget>>;
beforeAll(async () => {
  target = await startMockTarget();
});
afterAll(() => target.close());

describe("the run's policy changes", () => {
  it("leave the policy as the run found it after a full run", async () => {
    const before = structuredClone({ ...target.mock.policy });
    const result = await runSuite(target, { checks: allChecks, severityThreshold: "low", retry: fastRetry });
    expect(result.exitCode).toBe(0);
    expect({ ...target.mock.policy }).toEqual(before);
  });

  it("are undone by the cleanup registry mid-probe, as on Ctrl-C", async () => {
    const cleanups = createCleanups();
    const seen: Array<{ during: boolean; afterInterrupt: boolean }> = [];
    const interrupted = scenarioCheck({
      id: "interrupted-probe",
      title: "t",
      severity: "low",
      description: "d",
      async run(session): Promise<CaseResult[]> {
        const window = await withPolicyChange(session, { isUsableOnce: true }, async () => {
          const during = target.mock.policy.isUsableOnce;
          expect(cleanups.size).toBe(1);
          // What the signal handler does before exiting.
          expect(await cleanups.runAll()).toEqual([]);
          seen.push({ during, afterInterrupt: target.mock.policy.isUsableOnce });
          return [{ operation: "x", status: "pass" as const }];
        });
        return window.ok ? window.value : [{ operation: "x", ...window.result }];
      },
    });
    await runSuite(target, { checks: [interrupted], severityThreshold: "low", retry: fastRetry, cleanups });
    expect(seen).toEqual([{ during: true, afterInterrupt: false }]);
    expect(target.mock.policy.isUsableOnce).toBe(false);
    expect(cleanups.size).toBe(0);
  });

  it("say what to PATCH by hand when the restore is refused", async () => {
    const original = { ...structuredClone(target.mock.policy), id: "TemporaryAccessPass" } as never;
    const refusing = {
      url: "https://graph.example/v1.0/policies/x",
      get: async () => ({ ok: true as const, status: 200, body: original }),
      patch: async () => ({ ok: true as const, status: 403, body: undefined }),
    };
    await expect(restorePolicy(refusing, "t", original)).rejects.toThrow(
      /^could not restore the TAP policy \(answered 403\): PATCH https:\/\/graph\.example\/v1\.0\/policies\/x with \{"@odata\.type":"#microsoft\.graph\.temporaryAccessPassAuthenticationMethodConfiguration","state":"enabled"/,
    );
  });
});
