/**
 * What a user would write instead of our rules: stock Ajv 2020 with ajv-formats in its default
 * (full) mode, compiled straight from the bundled spec. Deliberately independent of src/contract.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsPkg from "ajv-formats";
import { repoRoot } from "./paths.js";

const addFormats = addFormatsPkg.default;

export function plainAjvValidator(schemaName: string): ValidateFunction {
  const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8")) as { components: unknown };
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: "urn:bench:spec", components: spec.components });
  const fn = ajv.getSchema(`urn:bench:spec#/components/schemas/${schemaName}`);
  if (!fn) throw new Error(`plainAjvValidator: no schema ${schemaName}`);
  return fn;
}
