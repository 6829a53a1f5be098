/**
 * What the spec documents, as lookups in the tables `npm run generate` writes
 * (`generated/contract-tables.ts`): nothing is worked out or remembered at run time.
 */
import { documentedResponses, propertyShapes } from "../../generated/contract-tables.js";
import type { TapOperation } from "../spec/operations.js";

export interface DocumentedByStatus {
  readonly [status: string]: DocumentedResponse;
}

/** What the spec documents for one operation and status. */
export interface DocumentedResponse {
  documented: boolean;
  /** The media types the response's `content` lists (empty for 204). */
  mediaTypes: readonly string[];
  /** Schema component name of the JSON body, if any. */
  schemaName?: string | undefined;
  /** Header names (lower case) the spec marks `required: true`. */
  requiredHeaders: readonly string[];
}

/** The documented property tree of a schema: properties through `$ref` and `allOf`, array items. */
export interface PropertyShape {
  /** Documented properties of an object at this place, or undefined when nothing is declared. */
  properties?: { readonly [name: string]: PropertyShape };
  items?: PropertyShape;
}

const undocumented: DocumentedResponse = Object.freeze({
  documented: false,
  mediaTypes: [],
  schemaName: undefined,
  requiredHeaders: [],
});

export function documentedResponse(op: Pick<TapOperation, "operationId">, status: number): DocumentedResponse {
  const row = documentedResponses[op.operationId]?.[status];
  return row ?? undocumented;
}

export function propertyShape(schemaName: string): PropertyShape {
  const shape = propertyShapes[schemaName];
  if (!shape) throw new Error(`propertyShape: no schema "${schemaName}" in the spec`);
  return shape;
}

/** The name of the path parameter that identifies a pass (the last `{...}` of the template). */
export function methodIdParam(op: TapOperation): string | undefined {
  const path = op.path;
  if (!path.endsWith("}")) return undefined;
  const open = path.lastIndexOf("{");
  return open === -1 || path.indexOf("}", open) !== path.length - 1 ? undefined : path.slice(open + 1, -1);
}
