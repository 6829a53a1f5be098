/**
 * Schema validation against the spec's components, with Ajv (JSON Schema 2020-12, which is
 * what OpenAPI 3.1 uses) and full formats (date-time and uri by faster equivalents, and the
 * formats TAP bodies repeat read after read remembering their last answers). One Ajv instance;
 * validators compile on first use.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPkg from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { spec } from "../spec/index.js";
import type { TapOperation } from "../spec/operations.js";
import { fastUri, isRfc3339DateTime, rememberingLastTwo } from "./fast-formats.js";
import type { Finding } from "./violation.js";

const addFormats = addFormatsPkg.default;
const ROOT = "urn:graph-tap-contract:components";

/** The names of the spec's schemas, for `schemaValidator`. */
export type SchemaName =
  | "TemporaryAccessPassAuthenticationMethod"
  | "CreatedTemporaryAccessPassAuthenticationMethod"
  | "TemporaryAccessPassAuthenticationMethodCollection"
  | "TemporaryAccessPassCreateRequest"
  | "ODataError"
  | (string & {});

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // An annotation, not a constraint: the values Microsoft documents for an open string set.
  ajv.addKeyword({ keyword: "x-documented-values", schemaType: "array" });
  // Same acceptance as the stock full formats, at a fraction of their cost (see fast-formats.ts).
  ajv.addFormat("date-time", { type: "string", validate: rememberingLastTwo(isRfc3339DateTime) });
  ajv.addFormat("uri", { type: "string", validate: rememberingLastTwo(fastUri(fullFormats.uri as (s: string) => boolean)) });
  const uuid = fullFormats.uuid as RegExp;
  ajv.addFormat("uuid", { type: "string", validate: rememberingLastTwo((s) => uuid.test(s)) });
  // Components live at #/components/schemas in the spec; Ajv wants them under one root id.
  const schemas = JSON.parse(
    JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', `"${ROOT}#/$defs/`),
  ) as Record<string, unknown>;
  ajv.addSchema({ $id: ROOT, $defs: schemas });
  return ajv;
}

const compiled = new Map<string, ValidateFunction>();
// Rules ask for the same schema exchange after exchange: the last answer skips the map.
let lastName: string | undefined;
let lastValidator: ValidateFunction | undefined;

/** How many validators have been compiled: bounded by the spec, whatever the traffic (tests watch it). */
export function compiledValidatorCount(): number {
  return compiled.size;
}

/** A compiled validator for one named component schema. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  if (name === lastName) return lastValidator!;
  let fn = compiled.get(name);
  if (!fn) {
    fn = instance().getSchema(`${ROOT}#/$defs/${name}`);
    if (!fn) throw new Error(`schemaValidator: no schema "${name}" in the spec`);
    compiled.set(name, fn);
  }
  lastName = name;
  lastValidator = fn;
  return fn;
}

/** The properties a `$select` may name: those of the method's base schema, read from the spec. */
export const selectableProperties: ReadonlySet<string> = new Set(
  Object.keys((spec.components.schemas as Record<string, { properties?: object }>).TemporaryAccessPassAuthenticationMethodBase?.properties ?? {}),
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
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  const where = pointer === "" ? "body" : pointer;
  if (typeof node === "string") return `${where} = a string of ${node.length} chars`;
  if (node === undefined) return `${where} = (absent)`;
  if (node !== null && typeof node === "object") return `${where} = ${Array.isArray(node) ? `an array of ${node.length}` : "an object"}`;
  return `${where} = ${JSON.stringify(node)}`;
}

/** Resolve `#/components/...` references of the bundled spec. */
export function deref<T = Record<string, unknown>>(node: unknown): T {
  let cur = node as Record<string, unknown>;
  for (let i = 0; i < 16 && cur && typeof cur.$ref === "string"; i++) {
    const path = (cur.$ref as string).replace(/^#\//, "").split("/");
    let target: unknown = spec;
    for (const part of path) target = (target as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    cur = target as Record<string, unknown>;
  }
  return cur as T;
}

/** The schema name of an operation's JSON response for a status, or undefined (204, undocumented). */
export function responseSchemaName(op: TapOperation, status: number): string | undefined {
  const response = op.spec.responses[String(status)];
  if (!response) return undefined;
  const content = deref<{ content?: Record<string, { schema?: { $ref?: string } }> }>(response).content;
  const ref = content?.["application/json"]?.schema?.$ref;
  return ref?.split("/").pop();
}

/**
 * Validate a response body against the schema the spec documents for this operation and
 * status. `selected` are the properties a `$select` asked for, when it did.
 */
export function validateResponseBody(
  op: TapOperation,
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

/** A compiled validator for the schema of a header component (`#/components/headers/<name>`). */
export function headerValidator(name: string): ValidateFunction {
  const key = `header:${name}`;
  let fn = compiled.get(key);
  if (!fn) {
    const header = (spec.components.headers as Record<string, { schema?: object } | undefined> | undefined)?.[name];
    if (!header?.schema) throw new Error(`headerValidator: no header "${name}" in the spec`);
    fn = instance().compile(header.schema);
    compiled.set(key, fn);
  }
  return fn;
}
