/** `--checks` and `--exclude-checks`: comma lists of ids ("all" for every check); unknown ids are a usage error. */
import { UsageError } from "../../src/errors.js";
import type { Check } from "../checks/check.js";
import { allChecks, checkIds, isCheckId } from "../checks/index.js";

function parseList(flag: string, value: string): string[] {
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (ids.length === 0) throw new UsageError(`${flag}: expected a comma-separated list of check ids, got "${value}"`);
  const unknown = ids.filter((id) => id !== "all" && !isCheckId(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `${flag}: unknown check ${unknown.map((id) => `"${id}"`).join(", ")}: expected "all" or some of ` +
        `${checkIds.join(", ")}`,
    );
  }
  return ids;
}

/** The selected checks, in catalog order. */
export function selectChecks(include?: string, exclude?: string): Check[] {
  const wanted = include === undefined ? ["all"] : parseList("--checks", include);
  const unwanted = exclude === undefined ? [] : parseList("--exclude-checks", exclude);
  const all = wanted.includes("all");
  const selected = allChecks.filter(
    (c) => (all || wanted.includes(c.id)) && !unwanted.includes(c.id) && !unwanted.includes("all"),
  );
  if (selected.length === 0) throw new UsageError("--checks/--exclude-checks: no check left to run");
  return selected;
}
