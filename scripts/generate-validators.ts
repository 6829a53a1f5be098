/**
 * The precompiled validators of `generated/validators.ts`: Ajv standalone code (ESM) for every
 * component schema and header schema of the bundled spec, so no check compiles a schema at run
 * time. Formats and the string-length helper come from `src/contract/fast-formats.ts`, never
 * from Ajv's CommonJS runtime, so the module stays browser-safe.
 */
import { _, Ajv2020 } from "ajv/dist/2020.js";
import standaloneCodePkg from "ajv/dist/standalone/index.js";

const standaloneCode = standaloneCodePkg.default;
const ROOT = "urn:graph-tap-contract:components";

/** The export name of a header's validator, e.g. `Retry-After` → `header_Retry_After`. */
export function headerExportName(name: string): string {
  return `header_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

export function validatorsModule(doc: Record<string, unknown>, header: string): string {
  const components = doc.components as {
    schemas: Record<string, unknown>;
    headers?: Record<string, { schema?: object }>;
  };
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    code: { source: true, esm: true, formats: _`fastFormats` },
  });
  // An annotation, not a constraint: the values Microsoft documents for an open string set.
  ajv.addKeyword({ keyword: "x-documented-values", schemaType: "array" });
  // Placeholders: the generated code calls `fastFormats[name]` (see the `code.formats` option).
  for (const name of ["date-time", "uri", "uuid"]) ajv.addFormat(name, () => true);
  // Components live at #/components/schemas in the spec; Ajv wants them under one root id.
  const schemas = JSON.parse(
    JSON.stringify(components.schemas).replaceAll('"#/components/schemas/', `"${ROOT}#/$defs/`),
  ) as Record<string, unknown>;
  ajv.addSchema({ $id: ROOT, $defs: schemas });
  const exports: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const name of Object.keys(schemas)) exports[name] = `${ROOT}#/$defs/${name}`;
  for (const [name, h] of Object.entries(components.headers ?? {})) {
    if (!h.schema) continue;
    const id = `urn:graph-tap-contract:header:${name}`;
    ajv.addSchema({ ...h.schema, $id: id });
    exports[headerExportName(name)] = id;
    headers[name] = headerExportName(name);
  }
  let code = standaloneCode(ajv, exports);
  code = code.replace(/^"use strict";/, "");
  code = code.replaceAll('require("ajv/dist/runtime/ucs2length").default', "ucs2length");
  const left = /require\(/.exec(code);
  if (left)
    throw new Error(
      `generate: the standalone validators still call require(): ${code.slice(left.index, left.index + 60)}`,
    );
  return (
    `${header}// @ts-nocheck -- Ajv standalone output; typed by src/contract/validators.ts.\n` +
    `import { fastFormats, ucs2length } from "../src/contract/fast-formats.js";\n\n${code}\n\n` +
    `/** Component schema name → its validator. */\n` +
    `export const schemaValidators = Object.freeze({\n${Object.keys(schemas)
      .map((n) => `  ${JSON.stringify(n)}: ${n},`)
      .join("\n")}\n});\n\n` +
    `/** Header component name → the validator of its schema. */\n` +
    `export const headerValidators = Object.freeze({\n${Object.entries(headers)
      .map(([n, e]) => `  ${JSON.stringify(n)}: ${e},`)
      .join("\n")}\n});\n`
  );
}
