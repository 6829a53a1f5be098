/**
 * Changing the tenant's TAP policy for one probe and putting it back: the original is read
 * first, the restore step is registered with the run's cleanup registry before the PATCH (so
 * Ctrl-C, SIGTERM or a broken probe restores it too), and runs as soon as the probe is done.
 */
import type { TemporaryAccessPassPolicy } from "../../src/client/types.js";
import type { CaseResult } from "../checks/check.js";
import type { Session } from "../run/session.js";
import { policyToken, type PolicyAccess } from "../targets/tenant-policy.js";

const policyType = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";
const writable = [
  "state",
  "defaultLifetimeInMinutes",
  "defaultLength",
  "minimumLifetimeInMinutes",
  "maximumLifetimeInMinutes",
  "isUsableOnce",
  "includeTargets",
  "excludeTargets",
] as const;

/** The PATCH body that puts every writable property back as it was. */
export function restoreBody(original: TemporaryAccessPassPolicy): Record<string, unknown> {
  const body: Record<string, unknown> = { "@odata.type": policyType };
  for (const key of writable) if (original[key] !== undefined) body[key] = original[key];
  return body;
}

/**
 * Put the policy back as `original` was: a self-contained step (one PATCH) that a run calls in
 * its finally and on SIGINT/SIGTERM. Throws with what to do by hand when it fails.
 */
export async function restorePolicy(
  access: PolicyAccess,
  token: string,
  original: TemporaryAccessPassPolicy,
): Promise<void> {
  const body = restoreBody(original);
  const answer = await access.patch(token, body);
  if (!answer.ok || answer.status !== 204) {
    const why = answer.ok ? `answered ${answer.status}` : answer.error;
    throw new Error(`could not restore the TAP policy (${why}): PATCH ${access.url} with ${JSON.stringify(body)}`);
  }
}

export type PolicyWindow<T> = { ok: true; value: T } | { ok: false; result: Omit<CaseResult, "operation" | "case"> };

/**
 * Run `probe` while the tenant's policy has `changes` applied, then restore it. Needs writes and
 * a token that may change the policy; a failed restore is an error the run reports.
 */
export async function withPolicyChange<T>(
  session: Session,
  changes: Record<string, unknown>,
  probe: (original: TemporaryAccessPassPolicy) => Promise<T>,
): Promise<PolicyWindow<T>> {
  if (!session.target.allowWrites)
    return {
      ok: false,
      result: { status: "skip", message: "writes are not allowed (--allow-writes with --test-user)" },
    };
  const token = await policyToken(session.target.tokens, "updatePolicy");
  if ("skip" in token) return { ok: false, result: { status: "skip", message: `needs ${token.skip}` } };
  const access = session.policy;
  const read = await access.get(token.token);
  if (!read.ok || read.status !== 200) {
    const why = read.ok ? `answered ${read.status}` : read.error;
    return { ok: false, result: { status: "error", message: `could not read the policy to change it: ${why}` } };
  }
  const original = read.body as TemporaryAccessPassPolicy;
  // Registered before the PATCH: an interrupt or a broken probe from here on still restores it.
  const label = "restore the tenant's TAP policy";
  session.cleanup.register({
    label,
    run: async () => {
      await restorePolicy(access, token.token, original);
      return undefined;
    },
  });
  let outcome: PolicyWindow<T>;
  try {
    const patched = await access.patch(token.token, { "@odata.type": policyType, ...changes });
    if (!patched.ok || patched.status !== 204) {
      const why = patched.ok ? `answered ${patched.status}` : patched.error;
      outcome = { ok: false, result: { status: "error", message: `could not change the policy (${why})` } };
    } else {
      // A probe under a change that did not take effect would judge the old policy.
      const check = await access.get(token.token);
      const now = check.ok ? (check.body as Record<string, unknown> | undefined) : undefined;
      const missed = Object.keys(changes).filter((k) => JSON.stringify(now?.[k]) !== JSON.stringify(changes[k]));
      outcome =
        missed.length > 0
          ? {
              ok: false,
              result: {
                status: "error",
                message:
                  `could not judge: the policy does not read back the change of ${missed.join(", ")} (see ` +
                  `policy-reads-back-patch)`,
              },
            }
          : { ok: true, value: await probe(original) };
    }
  } catch (err) {
    outcome = { ok: false, result: { status: "error", message: `the probe broke: ${(err as Error).message}` } };
  }
  // A failed restore replaces the verdict, so the report says the policy is not as it was; it
  // stays registered, so the run's cleanup tries once more and reports it too.
  try {
    await restorePolicy(access, token.token, original);
  } catch (err) {
    return { ok: false, result: { status: "error", message: (err as Error).message } };
  }
  session.cleanup.settle(label);
  return outcome;
}
