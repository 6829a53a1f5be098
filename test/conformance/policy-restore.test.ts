// A run that changes the tenant's TAP policy puts it back: after each probe, when a live run
// with --allow-writes is done, and when interrupted (the step is registered before the PATCH,
// and the run's cleanup registry, which runs in its finally however it ends, restores it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioCheck, type CaseResult } from "../../conformance/checks/check.js";
import { allChecks } from "../../conformance/checks/index.js";
import { RunInterrupted, runSuite } from "../../conformance/run/run-suite.js";
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

  it("are registered with the run's cleanup, which restores the policy mid-probe (a probe abandoned)", async () => {
    const seen: Array<{ during: boolean; afterCleanup: boolean }> = [];
    const abandoned = scenarioCheck({
      id: "abandoned-probe",
      title: "t",
      severity: "low",
      description: "d",
      async run(session): Promise<CaseResult[]> {
        const window = await withPolicyChange(session, { isUsableOnce: true }, async () => {
          const during = target.mock.policy.isUsableOnce;
          // What the run's finally does when a probe never came back.
          const report = await session.cleanup.runAll(5_000);
          expect(report.failed).toEqual([]);
          seen.push({ during, afterCleanup: target.mock.policy.isUsableOnce });
          return [{ operation: "x", status: "pass" as const }];
        });
        return window.ok ? window.value : [{ operation: "x", ...window.result }];
      },
    });
    await runSuite(target, { checks: [abandoned], severityThreshold: "low", retry: fastRetry });
    // The registry alone put it back, before the probe's own restore ran.
    expect(seen).toEqual([{ during: true, afterCleanup: false }]);
    expect(target.mock.policy.isUsableOnce).toBe(false);
  });

  it("are put back when the run is interrupted mid-probe (Ctrl-C, SIGTERM)", async () => {
    const stop = new AbortController();
    let during: boolean | undefined;
    const interrupted = scenarioCheck({
      id: "interrupted-probe",
      title: "t",
      severity: "low",
      description: "d",
      async run(session): Promise<CaseResult[]> {
        const window = await withPolicyChange(session, { isUsableOnce: true }, async () => {
          during = target.mock.policy.isUsableOnce;
          stop.abort("SIGINT");
          return [{ operation: "x", status: "pass" as const }];
        });
        return window.ok ? window.value : [{ operation: "x", ...window.result }];
      },
    });
    await expect(
      runSuite(target, { checks: [interrupted], severityThreshold: "low", retry: fastRetry, stop: stop.signal }),
    ).rejects.toBeInstanceOf(RunInterrupted);
    expect(during).toBe(true);
    expect(target.mock.policy.isUsableOnce).toBe(false);
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
