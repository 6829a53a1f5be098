/**
 * The tenant's TAP policy operations (GET and PATCH on `/policies/…/TemporaryAccessPass`),
 * flattened from the spec like the pass operations: paths, key forms, statuses and the
 * permission table. Everything is read from the spec's path items whose `x-permissions` is a
 * tenant table, so another version's paths (beta) join by being in the spec.
 */
import { bundledSpec } from "../../generated/spec.js";
import type {
  HttpMethod,
  OpenApiOperation,
  PermissionTable,
  StatedTenantPermissionTable,
  TenantOperationKind,
} from "./document.js";
import { effectiveRows, isUserTable } from "./operations.js";

export interface PolicyOperation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  /** The path template as in the spec. */
  path: string;
  /** Other spellings Graph answers for the same resource (the OData key form). */
  keyForms: readonly string[];
  subject: "tenant";
  kind: TenantOperationKind;
  statuses: number[];
  /** The stated table as `authorize()` reads it: both halves hold the same rows. */
  permissions: PermissionTable;
  spec: OpenApiOperation;
}

const methods: HttpMethod[] = ["get", "patch", "delete", "post"];

/**
 * Each supported row plus what the newer table lists for its type (every permission reaches a
 * tenant resource), and the roles other sources add where the row requires roles.
 */
export function tenantPermissions(stated: StatedTenantPermissionTable): PermissionTable {
  const rows = effectiveRows(stated, stated, () => true);
  return {
    operation: stated.operation,
    source: stated.source,
    current: stated.current,
    ...(stated.otherRoles ? { otherRoles: stated.otherRoles } : {}),
    actingOnSelf: rows,
    actingOnOthers: rows,
  };
}

function flatten(): PolicyOperation[] {
  const out: PolicyOperation[] = [];
  for (const [path, item] of Object.entries(bundledSpec.paths)) {
    for (const method of methods) {
      const op = item[method];
      // `$batch` carries no permission table: each inner request is authorized as itself.
      if (!op?.["x-permissions"]) continue;
      const table = op["x-permissions"];
      if (isUserTable(table)) continue;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        keyForms: item["x-key-forms"] ?? [],
        subject: "tenant",
        kind: table.operation,
        statuses: Object.keys(op.responses).map(Number),
        permissions: tenantPermissions(table),
        spec: op,
      });
    }
  }
  return out;
}

/** Every operation on the tenant's TAP policy, in spec order. */
export const policyOperations: readonly PolicyOperation[] = flatten();

/** The policy operation of this kind; a kind the spec lacks is a bug in the caller. */
export function policyOperation(kind: TenantOperationKind): PolicyOperation {
  const op = policyOperations.find((o) => o.kind === kind);
  if (!op) throw new Error(`policyOperation: no "${kind}" operation in the spec`);
  return op;
}

/** Paths (relative to the version root) of the policy resource, lower-cased: its template and key forms. */
const spellings: ReadonlyMap<string, readonly PolicyOperation[]> = (() => {
  const map = new Map<string, PolicyOperation[]>();
  for (const op of policyOperations) {
    for (const path of [op.path, ...op.keyForms]) {
      const key = path.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), op]);
    }
  }
  return map;
})();

/**
 * The policy operations served at a concrete path (relative to the version root, raw). Graph
 * matches segments case-insensitively, and the key may be quoted `'…'` or `%27…%27`.
 */
export function policyOperationsAt(path: string): readonly PolicyOperation[] | undefined {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return spellings.get(decoded.toLowerCase());
}
