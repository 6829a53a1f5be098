/**
 * Known deviations: a team can accept a quirk of the service (a check, optionally one
 * operation, with a reason) until an expiry date, without switching the check off. Expired
 * entries fail the run, so that the list is revisited.
 */
import { readFileSync } from "node:fs";
import { UserError, describeSystemError } from "../../src/errors.js";
import { operationLabel } from "../../src/contract/index.js";
import { operations } from "../../src/spec/index.js";
import { checkIds, isCheckId } from "../checks/index.js";
import type { RunResult } from "../run/result.js";

/** The operations an entry may name, as outcomes name them: `METHOD /path/template`. */
const operationLabels = operations.map(operationLabel);

export interface AllowlistEntry {
  check: string;
  /** `METHOD /path/template`, or `*` / absent for every operation. */
  operation?: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry holds. */
  expires: string;
}

export interface Allowlist {
  entries: AllowlistEntry[];
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!dateOnly.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** Parse and validate an allowlist document; `where` names it in errors. */
export function parseAllowlist(text: string, where: string): Allowlist {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${where}: not valid JSON (${(err as Error).message})`);
  }
  const list = (doc as { deviations?: unknown } | null)?.deviations;
  if (!Array.isArray(list)) throw new UserError(`${where}: expected {"deviations": [ ... ]}`);
  const entries = list.map((raw: unknown, i): AllowlistEntry => {
    const at = `${where}: deviations[${i}]`;
    const e = raw as Partial<Record<keyof AllowlistEntry, unknown>> | null;
    if (typeof e !== "object" || e === null) throw new UserError(`${at}: expected an object`);
    if (typeof e.check !== "string" || !isCheckId(e.check)) {
      throw new UserError(`${at}: unknown check ${JSON.stringify(e.check)}: expected one of ${checkIds.join(", ")}`);
    }
    if (typeof e.reason !== "string" || e.reason.trim() === "")
      throw new UserError(`${at}: expected a non-empty "reason"`);
    if (typeof e.expires !== "string" || !validDate(e.expires))
      throw new UserError(`${at}: expected "expires" as a date YYYY-MM-DD, got ${JSON.stringify(e.expires)}`);
    if (
      e.operation !== undefined &&
      (typeof e.operation !== "string" || (e.operation !== "*" && !operationLabels.includes(e.operation)))
    ) {
      throw new UserError(
        `${at}: unknown operation ${JSON.stringify(e.operation)}: expected "*" or one of ` +
          `${operationLabels.map((l) => `"${l}"`).join(", ")}`,
      );
    }
    return {
      check: e.check,
      reason: e.reason,
      expires: e.expires,
      ...(e.operation !== undefined && e.operation !== "*" ? { operation: e.operation } : {}),
    };
  });
  return { entries };
}

export function readAllowlist(path: string): Allowlist {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`cannot read allowlist ${path}: ${describeSystemError(err)}`);
  }
  return parseAllowlist(text, path);
}

/** An entry holds through its whole expiry day (UTC). */
export function isExpired(entry: AllowlistEntry, today: Date): boolean {
  return today.toISOString().slice(0, 10) > entry.expires;
}

/**
 * Entries still in force that accepted no failure of this run: a typo, or a deviation the
 * service no longer shows. Each is one line, so the list can be pruned.
 */
export function unmatchedAllowlistLines(
  allowlist: Allowlist | undefined,
  result: RunResult,
  today = new Date(),
): string[] {
  if (!allowlist) return [];
  return allowlist.entries.flatMap((e, i) => {
    if (isExpired(e, today)) return [];
    const matched = result.outcomes.some(
      (o) => o.waived && o.check === e.check && (e.operation === undefined || e.operation === o.operation),
    );
    return matched
      ? []
      : [
          `allowlist entry deviations[${i}] (${e.check}${e.operation ? `, ${e.operation}` : ""}) matched no ` +
            `failure in this run`,
        ];
  });
}
