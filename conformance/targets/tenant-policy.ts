/**
 * The tenant's TAP policy as the run sees it: a bounded HTTP GET and PATCH of the policy
 * resource (paths from the spec), the tokens that may call them (from the spec's tenant
 * tables), and the one reading a run takes at its start, by which the rules judge lifetimes and
 * usability. Without a token that may read it, the run falls back to the documented bounds and
 * says why.
 */
import { grantingPermissions, isSupported, requiredRoleTemplateIds } from "../../src/contract/authorize.js";
import type { CheckExchangeOptions } from "../../src/contract/index.js";
import { validateResponseBody } from "../../src/contract/schemas.js";
import type { TemporaryAccessPassPolicy } from "../../src/client/types.js";
import { UserError } from "../../src/errors.js";
import { policyDefaults, policyOperation, type TenantOperationKind } from "../../src/spec/index.js";
import { boundedFetch, type HttpLimits } from "./http.js";
import type { Target } from "./target.js";
import type { TokenSource, TokenSpec } from "./tokens.js";

export type PolicyAnswer = { ok: true; status: number; body: unknown } | { ok: false; kind: string; error: string };

/** GET and PATCH of the policy resource, within the run's limits. */
export interface PolicyAccess {
  get(token: string): Promise<PolicyAnswer>;
  patch(token: string, body: Record<string, unknown>): Promise<PolicyAnswer>;
  /** `GET https://…/policies/…`, for messages. */
  readonly url: string;
}

export function policyAccess(graphUrl: string, limits: HttpLimits): PolicyAccess {
  const url = `${graphUrl}${policyOperation("getPolicy").path}`;
  const send = async (method: string, token: string, body?: Record<string, unknown>): Promise<PolicyAnswer> => {
    const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${token}` };
    if (body) headers["content-type"] = "application/json";
    const result = await boundedFetch(
      { method, url, headers, ...(body ? { body: JSON.stringify(body) } : {}) },
      limits,
    );
    if (!result.ok) return result;
    let parsed: unknown;
    try {
      parsed = result.response.bodyText === "" ? undefined : JSON.parse(result.response.bodyText);
    } catch {
      parsed = undefined;
    }
    return { ok: true, status: result.response.status, body: parsed };
  };
  return { url, get: (token) => send("GET", token), patch: (token, body) => send("PATCH", token, body) };
}

/** The tokens that may call a policy operation, application first (no signed-in user needed). */
export function policyTokenSpecs(kind: TenantOperationKind): TokenSpec[] {
  const rows = policyOperation(kind).permissions.actingOnSelf;
  const specs: TokenSpec[] = [];
  if (isSupported(rows.application))
    specs.push({ type: "application", permissions: { anyOf: grantingPermissions(rows.application) } });
  if (isSupported(rows.delegatedWork)) {
    const roles = requiredRoleTemplateIds(rows.delegatedWork);
    specs.push({
      type: "delegatedWork",
      permissions: { anyOf: grantingPermissions(rows.delegatedWork) },
      ...(roles.length > 0 ? { roles: { anyOf: roles } } : {}),
    });
  }
  return specs;
}

/** A token for a policy operation, or why there is none. */
export async function policyToken(
  tokens: TokenSource,
  kind: TenantOperationKind,
): Promise<{ token: string; label: string } | { skip: string }> {
  const specs = policyTokenSpecs(kind);
  for (const spec of specs) {
    const grant = await tokens.obtain(spec);
    if ("token" in grant) return { token: grant.token, label: grant.label };
  }
  const needs = [...new Set(specs.flatMap((s) => ("anyOf" in s.permissions ? s.permissions.anyOf : [])))];
  return {
    skip:
      `no token may ${kind === "getPolicy" ? "read" : "change"} the tenant's TAP policy (needs ` +
      `${needs.join(" or ")})`,
  };
}

/** What the run judges by: the tenant's policy, or the documented bounds and why. */
export type PolicyReading =
  | { source: "tenant"; policy: TemporaryAccessPassPolicy; note: string }
  | { source: "documented"; reason: string; note: string };

const documentedRange = `${policyDefaults.lifetimeRange[0]}..${policyDefaults.lifetimeRange[1]}`;

function documented(reason: string): PolicyReading {
  return {
    source: "documented",
    reason,
    note: `lifetimes judged by the documented bounds (${documentedRange} minutes), not the tenant's policy: ${reason}`,
  };
}

/** Read the tenant's policy once; an unreachable target stops the run (as the preflight would). */
export async function readTenantPolicy(
  target: Pick<Target, "tokens" | "graphUrl">,
  limits: HttpLimits,
): Promise<PolicyReading> {
  const token = await policyToken(target.tokens, "getPolicy");
  if ("skip" in token) return documented(token.skip);
  const access = policyAccess(target.graphUrl, limits);
  const answer = await access.get(token.token);
  if (!answer.ok) {
    // Worded as the preflight words it; a timeout too, so a target that never answers costs one timeout.
    if (answer.kind === "certificate") throw new UserError(`${target.graphUrl}: ${answer.error}`);
    if (answer.kind === "unreachable" || answer.kind === "timeout")
      throw new UserError(`${target.graphUrl} is unreachable: ${answer.error}`);
    return documented(`GET ${access.url} failed: ${answer.error}`);
  }
  if (answer.status !== 200) {
    const code = (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code;
    return documented(
      `GET ${access.url} answered ${answer.status}${typeof code === "string" ? ` ${code}` : ""} with ${token.label}`,
    );
  }
  const findings = validateResponseBody(policyOperation("getPolicy"), 200, answer.body);
  if (findings.length > 0)
    return documented(
      `the policy read from ${access.url} does not match the spec (${findings[0]!.message.replace(/\n/g, " ")})`,
    );
  const policy = answer.body as TemporaryAccessPassPolicy;
  return {
    source: "tenant",
    policy,
    note:
      `lifetimes judged by the tenant's policy (${policy.minimumLifetimeInMinutes}..` +
      `${policy.maximumLifetimeInMinutes} minutes, ` +
      `${policy.isUsableOnce ? "one-time passes only" : "one-time or reusable"}, method ${policy.state}), read ` +
      `from ${access.url}`,
  };
}

/**
 * What the pure rules are told about the tenant: its lifetime range, state, one-time rule and
 * passcode length, and where they came from.
 */
export function policyExchangeOptions(reading: PolicyReading): CheckExchangeOptions {
  if (reading.source === "documented") return { policySource: "the documented bounds" };
  const p = reading.policy;
  return {
    policy: {
      lifetimeRange: [p.minimumLifetimeInMinutes, p.maximumLifetimeInMinutes],
      state: p.state,
      isUsableOnce: p.isUsableOnce,
    },
    // A new pass's length is the tenant's default: secret-on-create can be exact, as on the mock.
    passLength: p.defaultLength,
    policySource: "the tenant's policy, read at the start of the run",
  };
}
