/**
 * The validators `npm run generate` precompiled from the spec (`generated/validators.ts`, Ajv
 * standalone code): looked up by name, never compiled at run time.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import * as generated from "../../generated/validators.js";

/** A precompiled validator: true when valid; else its `errors` hold what failed. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The names of the spec's schemas, for `schemaValidator`. */
export type SchemaName =
  | "TemporaryAccessPassAuthenticationMethod"
  | "CreatedTemporaryAccessPassAuthenticationMethod"
  | "TemporaryAccessPassAuthenticationMethodCollection"
  | "TemporaryAccessPassCreateRequest"
  | "ODataError"
  | (string & {});

const byName = generated as unknown as Readonly<Record<string, Validator | undefined>>;

/** The validator of one component schema (`#/components/schemas/<name>`). */
export function schemaValidator(name: SchemaName): Validator {
  const fn = Object.hasOwn(byName, name) && !name.startsWith("header_") ? byName[name] : undefined;
  if (!fn) throw new Error(`schemaValidator: no schema "${name}" in the spec`);
  return fn;
}

/** The validator of a header component's schema (`#/components/headers/<name>`). */
export function headerValidator(name: string): Validator {
  const fn = byName[`header_${name.replace(/[^A-Za-z0-9_]/g, "_")}`];
  if (!fn) throw new Error(`headerValidator: no header "${name}" in the spec`);
  return fn;
}
