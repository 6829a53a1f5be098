/**
 * Schema findings: the precompiled validators' errors (see `validators.ts`) as findings with the
 * Received / Expected message shape, and the `$select` rule that a property not selected may be
 * absent.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { spec } from "../spec/index.js";
import type { TapOperation } from "../spec/operations.js";
import { isSecretKey } from "./redact.js";
import { documentedResponse } from "./tables.js";
import { schemaValidator } from "./validators.js";
import type { Finding } from "./violation.js";

export { headerValidator, schemaValidator, type SchemaName, type Validator } from "./validators.js";

/** The properties a `$select` may name: those of the method's base schema, read from the spec. */
export const selectableProperties: ReadonlySet<string> = new Set(
  Object.keys(
    (spec.components.schemas as Record<string, { properties?: object }>).TemporaryAccessPassAuthenticationMethodBase
      ?.properties ?? {},
  ),
);

/**
 * With `$select`, a property that was not selected may be absent: its `required` error is
 * dropped. The full validator judges every selection, so no selection compiles anything (a
 * recording with a thousand distinct selections costs no more memory than one).
 */
function selectedOnly(errors: readonly ErrorObject[], selected: ReadonlySet<string>): ErrorObject[] {
  return errors.filter((e) => {
    if (e.keyword !== "required") return true;
    const missing = (e.params as { missingProperty?: string }).missingProperty ?? "";
    return !selectableProperties.has(missing) || selected.has(missing);
  });
}

/** Ajv errors as findings with the Received / Expected message shape. */
export function toFindings(errors: readonly ErrorObject[] | null | undefined, body: unknown): Finding[] {
  return (errors ?? []).map((e) => ({
    message: `Received: ${describeAt(body, e.instancePath)}\nExpected: ${e.message ?? e.keyword}${paramsText(e)}`,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
  }));
}

function paramsText(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "enum") return ` (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")})`;
  if (e.keyword === "additionalProperties") return ` (${String(p.additionalProperty)})`;
  if (e.keyword === "unevaluatedProperties") return ` (${String(p.unevaluatedProperty)})`;
  return "";
}

/** A short rendering of the value at a JSON pointer, never a secret: strings are shown by length. */
function describeAt(body: unknown, pointer: string): string {
  let node: unknown = body;
  const segments = pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replaceAll("~1", "/").replaceAll("~0", "~"));
  for (const key of segments) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  // The value first and its place after it: `<name> = <value>` beside a secret-looking name would
  // read to text redaction as a secret and have the description's first word masked.
  const where = pointer === "" ? "as the body" : `at ${pointer}`;
  if (typeof node === "string") return `a string of ${node.length} chars ${where}`;
  if (node === undefined) return `(absent) ${where}`;
  if (node !== null && typeof node === "object")
    return `${Array.isArray(node) ? `an array of ${node.length}` : "an object"} ${where}`;
  // Under a secret name a number or boolean is described, never shown: it may be the passcode.
  if (node !== null && segments.some(isSecretKey)) return `a ${typeof node} ${where}`;
  return `${JSON.stringify(node)} ${where}`;
}

/** Resolve `#/components/...` references of the bundled spec (the spec's own tests read examples through it). */
export function deref<T = Record<string, unknown>>(node: unknown): T {
  let cur = node as Record<string, unknown>;
  for (let i = 0; i < 16 && cur && typeof cur.$ref === "string"; i++) {
    const path = (cur.$ref as string).replace(/^#\//, "").split("/");
    let target: unknown = spec;
    for (const part of path)
      target = (target as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    cur = target as Record<string, unknown>;
  }
  return cur as T;
}

/** The schema name of an operation's JSON response for a status, or undefined (204, undocumented). */
export function responseSchemaName(op: Pick<TapOperation, "operationId">, status: number): string | undefined {
  return documentedResponse(op, status).schemaName;
}

/**
 * Validate a response body against the schema the spec documents for this operation and
 * status. `selected` are the properties a `$select` asked for, when it did.
 */
export function validateResponseBody(
  op: Pick<TapOperation, "operationId">,
  status: number,
  body: unknown,
  selected?: readonly string[],
): Finding[] {
  const name = responseSchemaName(op, status);
  if (!name) return [];
  const validate = schemaValidator(name);
  if (validate(body)) return [];
  const partial = selected && selected.length > 0 && name !== "ODataError";
  return toFindings(partial ? selectedOnly(validate.errors ?? [], new Set(selected)) : validate.errors, body);
}

/** Validate a Create request body (what the mock receives and the client sends). */
export function validateCreateRequest(body: unknown): Finding[] {
  const validate = schemaValidator("TemporaryAccessPassCreateRequest");
  return validate(body) ? [] : toFindings(validate.errors, body);
}
