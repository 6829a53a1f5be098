import { bundledSpec } from "../../generated/spec.js";
import type {
  ActingOn,
  HttpMethod,
  OpenApiOperation,
  OperationKind,
  PermissionRow,
  PermissionTable,
  PermissionType,
  StatedPermissionTable,
  StatedRow,
  StatedTenantPermissionTable,
} from "./document.js";

/** One operation of the contract, flattened for the mock, the runner and the client. */
export interface TapOperation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  /** The path template as in the spec, e.g. `/users/{user-id}/authentication/temporaryAccessPassMethods`. */
  path: string;
  /** `me` paths always act on the signed-in user; `users` paths on whoever `{user-id}` names. */
  subject: "me" | "users";
  kind: OperationKind;
  /** Documented status codes, as numbers. */
  statuses: number[];
  permissions: PermissionTable;
  spec: OpenApiOperation;
}

const methods: HttpMethod[] = ["get", "post", "delete"];

/** A user-scoped table (self / other users); the tenant policy's tables have no such split. */
export function isUserTable(
  table: StatedPermissionTable | StatedTenantPermissionTable,
): table is StatedPermissionTable {
  return "actingOnSelf" in table;
}
const types: PermissionType[] = ["delegatedWork", "delegatedPersonal", "application"];

/** A permission without `.All` is a self scope: it reaches the signed-in user only. */
function reaches(permission: string, actingOn: ActingOn): boolean {
  return actingOn === "actingOnSelf" || permission.endsWith(".All");
}

/**
 * One half of a table as code reads it: each supported stated row, plus what the newer merged
 * table lists for its permission type and `reachable` keeps, and, where the row requires a role,
 * the roles other sources add (Global Administrator). Rows a table marks not supported stay so
 * (spec decisions, item 12). The pass operations and the tenant's policy both derive their rows here.
 */
export function effectiveRows(
  stated: Record<PermissionType, StatedRow | "notSupported">,
  sources: Pick<PermissionTable, "current" | "otherRoles">,
  reachable: (permission: string) => boolean,
): Record<PermissionType, PermissionRow> {
  const out = {} as Record<PermissionType, PermissionRow>;
  for (const type of types) {
    const row = stated[type];
    if (row === "notSupported") {
      out[type] = row;
      continue;
    }
    const current = type === "delegatedPersonal" ? undefined : sources.current[type];
    const listed = new Set([...row.leastPrivileged, ...row.higherPrivileged]);
    const newer = [...(current?.leastPrivileged ?? []), ...(current?.higherPrivileged ?? [])];
    const roles =
      row.requiredRoles && row.requiredRoles.length > 0
        ? [...new Set([...row.requiredRoles, ...(sources.otherRoles?.requiredRoles ?? [])])]
        : undefined;
    out[type] = {
      ...row,
      ...(roles ? { requiredRoles: roles } : {}),
      tapScoped: [...new Set(newer.filter((p) => reachable(p) && !listed.has(p)))],
      currentLeastPrivileged: (current?.leastPrivileged ?? []).filter(reachable),
    };
  }
  return out;
}

/** The table code reads for a pass operation: each half's rows, kept to what reaches that half. */
export function effectivePermissions(stated: StatedPermissionTable): PermissionTable {
  const half = (actingOn: ActingOn) => effectiveRows(stated[actingOn], stated, (p) => reaches(p, actingOn));
  return { ...stated, actingOnSelf: half("actingOnSelf"), actingOnOthers: half("actingOnOthers") };
}

function flatten(): TapOperation[] {
  const out: TapOperation[] = [];
  for (const [path, item] of Object.entries(bundledSpec.paths)) {
    for (const method of methods) {
      const op = item[method];
      // `$batch` carries no permission table: each inner request is authorized as itself.
      if (!op?.["x-permissions"]) continue;
      const table = op["x-permissions"];
      // The tenant policy's operations are `policyOperations` (policy-operations.ts).
      if (!isUserTable(table)) continue;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        subject: path.startsWith("/me/") ? "me" : "users",
        kind: table.operation as OperationKind,
        statuses: Object.keys(op.responses).map(Number),
        permissions: effectivePermissions(table),
        spec: op,
      });
    }
  }
  return out;
}

/** Every operation the mock serves with a permission table, in spec order: the TAP ones and the methods list. */
export const servedOperations: readonly TapOperation[] = flatten();

/**
 * `POST /$batch` as an operation the exchange rules can judge (its envelope: status, headers,
 * schema). It has no permission table: each inner request is authorized as itself, so every row
 * here is "not supported" and nothing authorizes the envelope.
 */
export const batchOperation: TapOperation = (() => {
  const op = bundledSpec.paths["/$batch"]!.post!;
  const none = {
    delegatedWork: "notSupported",
    delegatedPersonal: "notSupported",
    application: "notSupported",
  } as const;
  const empty = { leastPrivileged: [], higherPrivileged: [] };
  return {
    operationId: op.operationId,
    method: "POST",
    path: "/$batch",
    subject: "users",
    kind: "batch",
    statuses: Object.keys(op.responses).map(Number),
    permissions: {
      operation: "batch",
      source: "none: each inner request is authorized as itself",
      actingOnSelf: none,
      actingOnOthers: none,
      current: { source: "none", delegatedWork: empty, application: empty },
    },
    spec: op,
  };
})();

/** The TAP operations of the contract, in spec order: what the runner judges and the client types. */
export const operations: readonly TapOperation[] = servedOperations.filter((op) => op.kind !== "listMethods");

const byId = new Map(servedOperations.map((op) => [op.operationId, op]));

/** The operation with this operationId; a misspelt id is a bug in the caller, so it throws. */
export function operationById(operationId: string): TapOperation {
  const op = byId.get(operationId);
  if (!op) throw new Error(`operationById: no operation "${operationId}" in the spec`);
  return op;
}

/** Each operation with its path template split once, so that matching a request splits nothing. */
type Templates = ReadonlyArray<{ op: TapOperation; parts: readonly string[] }>;
const split = (ops: readonly TapOperation[]): Templates => ops.map((op) => ({ op, parts: op.path.split("/") }));
const templates = split(operations);
const servedTemplates = split(servedOperations);

/** The most segments any operation's path template has (leading empty segment included). */
export const longestTemplateSegments = Math.max(...servedTemplates.map((t) => t.parts.length));

/**
 * Find the operation a concrete request path and method belong to. `path` is relative to the
 * version root (`/users/abc/authentication/temporaryAccessPassMethods`), already split from
 * its query. Returns the operation and its decoded path parameters, or undefined.
 */
export function matchOperation(
  method: string,
  path: string,
): { operation: TapOperation; params: Record<string, string> } | undefined {
  const segments = path.split("/");
  return matchSegments(templates, method, segments[0]!, segments, 1);
}

/** `matchOperation` over every served operation (the methods list included): the mock's router. */
export function matchServedOperation(
  method: string,
  path: string,
): { operation: TapOperation; params: Record<string, string> } | undefined {
  const segments = path.split("/");
  return matchSegments(servedTemplates, method, segments[0]!, segments, 1);
}

/**
 * `matchOperation` over every served operation (the methods list too) of the path `/` +
 * `segments.slice(from).join("/")`, on already split raw segments: a caller trying several suffixes of one URL splits
 * and joins nothing per try.
 */
export function matchOperationSuffix(
  method: string,
  segments: readonly string[],
  from: number,
): { operation: TapOperation; params: Record<string, string> } | undefined {
  return matchSegments(servedTemplates, method, "", segments, from);
}

function matchSegments(
  list: Templates,
  method: string,
  lead: string,
  segments: readonly string[],
  from: number,
): { operation: TapOperation; params: Record<string, string> } | undefined {
  const upper = method.toUpperCase();
  for (const { op, parts } of list) {
    if (op.method !== upper) continue;
    const params = matchParts(parts, lead, segments, from);
    if (params) return { operation: op, params };
  }
  return undefined;
}

/** Match `/a/{b}/c` against already split raw segments; path parameters are percent-decoded. */
export function matchTemplate(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split("/");
  if (segments.length === 0) return undefined;
  return matchParts(parts, segments[0]!, segments, 1);
}

/** Match template parts against the segments `[lead, ...segments.slice(from)]`. */
function matchParts(
  parts: readonly string[],
  lead: string,
  segments: readonly string[],
  from: number,
): Record<string, string> | undefined {
  if (parts.length !== segments.length - from + 1) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = i === 0 ? lead : segments[from + i - 1]!;
    if (part.charCodeAt(0) === 123 /* { */ && part.endsWith("}")) {
      // `$count`, `$value`…: OData system segments, never a key.
      if (seg === "" || seg.charCodeAt(0) === 36 /* $ */) return undefined;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(seg);
      } catch {
        return undefined;
      }
    } else if (part !== seg && part.toLowerCase() !== seg.toLowerCase()) {
      // Graph matches path segments case-insensitively.
      return undefined;
    }
  }
  return params;
}
