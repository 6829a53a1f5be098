/**
 * The validators `npm run generate` precompiled from the spec (`generated/validators.ts`, Ajv
 * standalone code): looked up by name, never compiled at run time.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { headerValidators, schemaValidators } from "../../generated/validators.js";

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

const schemas = schemaValidators as unknown as Readonly<Record<string, Validator>>;
const headers = headerValidators as unknown as Readonly<Record<string, Validator>>;

/** The validator of one component schema (`#/components/schemas/<name>`). */
export function schemaValidator(name: SchemaName): Validator {
  const fn = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (!fn) throw new Error(`schemaValidator: no schema "${name}" in the spec`);
  return fn;
}

/** The validator of a header component's schema (`#/components/headers/<name>`). */
export function headerValidator(name: string): Validator {
  const fn = Object.hasOwn(headers, name) ? headers[name] : undefined;
  if (!fn) throw new Error(`headerValidator: no header "${name}" in the spec`);
  return fn;
}
