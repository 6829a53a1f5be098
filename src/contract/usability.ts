/**
 * The usability reasons the semantic rules reason about, checked against the spec's documented values at
 * load so that a renamed value fails loudly instead of silently never matching.
 */
import { spec } from "../spec/index.js";

const reasonEnum =
  (spec.components.schemas.MethodUsabilityReason as { "x-documented-values"?: string[] })["x-documented-values"] ?? [];

function reason<const R extends string>(value: R): R {
  if (!reasonEnum.includes(value)) throw new Error(`MethodUsabilityReason has no value "${value}" in the spec`);
  return value;
}

export const enabledByPolicy = reason("EnabledByPolicy");
export const notYetValid = reason("NotYetValid");
export const expired = reason("Expired");
export const oneTimeUsed = reason("OneTimeUsed");
