/** The contract as data: everything code needs to know about the API comes from here. */
import { bundledSpec } from "../../generated/spec.js";
import type { GraphErrorEntry, GraphErrorKind } from "./document.js";

export { bundledSpec as spec };
export * from "./document.js";
export * from "./operations.js";

export const graphErrors = bundledSpec["x-graph-errors"];
export const directoryRoles = bundledSpec["x-directory-roles"];
export const nonGrantingRoles = bundledSpec["x-non-granting-roles"];
export const policyDefaults = bundledSpec["x-policy-defaults"];
export const graphJsonContentType = bundledSpec["x-json-content-type"];
/** JSON batching's limits (`POST /$batch`, `x-batch`). */
export const batchRules = bundledSpec.paths["/$batch"]!.post!["x-batch"]!;
export const betaDifferences = bundledSpec["x-beta"];
export const wwwAuthenticate = bundledSpec["x-www-authenticate"];
export const corsPolicy = bundledSpec["x-cors"];

/** An error catalog entry with its {placeholders} filled in. */
export function graphError(kind: GraphErrorKind, values: Record<string, string | number> = {}): GraphErrorEntry {
  const entry = graphErrors[kind];
  const message = entry.message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
  return { status: entry.status, code: entry.code, message };
}
export * from "./policy-operations.js";

export const clockSkew = bundledSpec["x-clock-skew"];
