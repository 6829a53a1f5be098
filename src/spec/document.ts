/** Types of the parts of openapi/ that code reads at run time: the x- extensions above all. */

export type CloudId = "global" | "usgov-l4" | "usgov-l5" | "china";

export interface CloudInfo {
  name: string;
  graphRoot: string;
  authority: string;
  tapAvailable: boolean;
}

export type CloudTable = Record<CloudId, CloudInfo>;

/** The permission types of a Learn permission table. */
export type PermissionType = "delegatedWork" | "delegatedPersonal" | "application";
export type ActingOn = "actingOnSelf" | "actingOnOthers";
/**
 * The four TAP operations, `listMethods` (a user's authentication methods, beside the pass) and
 * `batch` (`POST /$batch`, whose envelope replay judges apart from its inner requests).
 */
export type OperationKind = "get" | "list" | "create" | "delete" | "listMethods" | "batch";
/** The operations on the tenant's TAP policy (one resource per tenant, no user in the path). */
export type TenantOperationKind = "getPolicy" | "updatePolicy";

/** A row of the older split table, as its source states it (the spec's YAML). */
export interface StatedRow {
  leastPrivileged: string[];
  higherPrivileged: string[];
  /** Directory roles (keys of x-directory-roles), one of which a delegated caller needs. */
  requiredRoles?: string[];
}

/**
 * A row as code reads it: the stated row plus what the newer merged table adds to it
 * (derived in `operations.ts`, never written in the spec).
 */
export interface SupportedRow extends StatedRow {
  /** Permissions only the newer table lists that reach this row (the UserAuthMethod-TAP.* scopes). */
  tapScoped: string[];
  /** The newer table's least-privileged permissions that reach this row. */
  currentLeastPrivileged: string[];
}

export type PermissionRow = SupportedRow | "notSupported";

/** One permission type of the newer merged Learn table (one table for self and others). */
export interface CurrentRow {
  leastPrivileged: string[];
  higherPrivileged: string[];
}

export interface PermissionTable {
  operation: OperationKind | TenantOperationKind;
  source: string;
  actingOnSelf: Record<PermissionType, PermissionRow>;
  actingOnOthers: Record<PermissionType, PermissionRow>;
  /** The newer merged table as Microsoft publishes it now. */
  current: { source: string; delegatedWork: CurrentRow; application: CurrentRow };
  /** Roles other sources (the Entra TAP guide, older pages) let act on other users. */
  otherRoles?: { source: string; requiredRoles: string[] };
}

export type StatedPermissionTable = Omit<PermissionTable, "actingOnSelf" | "actingOnOthers"> & {
  actingOnSelf: Record<PermissionType, StatedRow | "notSupported">;
  actingOnOthers: Record<PermissionType, StatedRow | "notSupported">;
};

/**
 * A tenant resource's table as its source states it: one row per permission type (no self or
 * other user). Code reads it as a `PermissionTable` whose two halves are the same rows.
 */
export interface StatedTenantPermissionTable {
  operation: TenantOperationKind;
  source: string;
  delegatedWork: StatedRow | "notSupported";
  delegatedPersonal: StatedRow | "notSupported";
  application: StatedRow | "notSupported";
  current: { source: string; delegatedWork: CurrentRow; application: CurrentRow };
  otherRoles?: { source: string; requiredRoles: string[] };
}

export interface DirectoryRole {
  displayName: string;
  templateId: string;
  /** Whom the role may act on: `members` = users holding no role of x-directory-roles. Default everyone. */
  reach?: "everyone" | "members";
}

export interface GraphErrorEntry {
  status: number;
  code: string;
  message: string;
  decision?: string;
  /** Graph repeats the message in `innerError.message`. */
  innerMessage?: boolean;
}

export type GraphErrorKind =
  | "emptyToken"
  | "malformedToken"
  | "expiredToken"
  | "invalidSignature"
  | "invalidAudience"
  | "appTokenOnMe"
  | "missingPermission"
  | "missingRole"
  | "administratorTarget"
  | "personalAccount"
  | "notSupported"
  | "userNotFound"
  | "methodNotFound"
  | "invalidMethodId"
  | "externalGuest"
  | "policyRequiresOneTime"
  | "readOnlyProperty"
  | "invalidLifetime"
  | "pastStartDateTime"
  | "policyForbidsMethod"
  | "policyInvalidValue"
  | "policyLifetimeOrder"
  | "policyDefaultOutsideRange"
  | "policyODataType"
  | "policyUnknownProperty"
  | "policyUnsupportedTarget"
  | "missingContentType"
  | "invalidJson"
  | "unknownProperty"
  | "invalidValue"
  | "invalidSelect"
  | "unknownSegment"
  | "methodNotAllowed"
  | "payloadTooLarge"
  | "unsupportedMediaType"
  | "throttled"
  | "internalError"
  | "serviceUnavailable"
  | "gatewayTimeout"
  | "batchInvalid"
  | "batchTooManyRequests"
  | "batchDuplicateId"
  | "batchFailedDependency"
  | "batchNested";

export interface PolicyDefaults {
  /** What of these defaults is ours rather than Entra's. */
  decision?: string;
  state: "enabled" | "disabled";
  defaultLength: number;
  lengthRange: [number, number];
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  lifetimeRange: [number, number];
  isUsableOnce: boolean;
  includeTargets: PolicyTarget[];
  excludeTargets: PolicyTarget[];
}

/** An entry of the policy's `includeTargets` / `excludeTargets`. */
export interface PolicyTarget {
  id: string;
  targetType: "group" | "user";
  isRegistrationRequired?: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Array<Record<string, unknown>>;
  requestBody?: Record<string, unknown>;
  responses: Record<string, Record<string, unknown>>;
  security: Array<Record<string, string[]>>;
  "x-permissions": StatedPermissionTable | StatedTenantPermissionTable;
  /** Only on `POST /$batch`, which has no permission table of its own. */
  "x-batch"?: { maxRequests: number; decision: string };
}

export type HttpMethod = "get" | "post" | "delete" | "patch";

export interface OpenApiPathItem {
  summary?: string;
  parameters?: Array<Record<string, unknown>>;
  get?: OpenApiOperation;
  post?: OpenApiOperation;
  delete?: OpenApiOperation;
  patch?: OpenApiOperation;
  /** Other spellings of the same path Graph answers (the OData key form of the policy). */
  "x-key-forms"?: string[];
}

export interface TapOpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  /** v1.0 per TAP cloud, then beta (`x-version: beta`). */
  servers: Array<{ url: string; description: string; "x-cloud": CloudId; "x-version"?: "beta" }>;
  /** What differs on the beta endpoint. */
  "x-beta": { versionPath: string; clouds: CloudId[]; properties: Record<string, Record<string, unknown>> };
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    responses: Record<string, Record<string, unknown>>;
    [key: string]: Record<string, unknown>;
  };
  "x-clouds": CloudTable;
  "x-directory-roles": Record<string, DirectoryRole>;
  /** Built-in roles every token may carry in `wids` that never grant a TAP operation. */
  "x-non-granting-roles": DirectoryRole[];
  "x-policy-defaults": PolicyDefaults;
  "x-clock-skew": { decision: string; pastStartToleranceSeconds: number };
  /** The full Content-Type Graph sends on JSON bodies. */
  "x-json-content-type": string;
  /** The `WWW-Authenticate` value Graph sends on every 401. */
  "x-www-authenticate": string;
  "x-graph-errors": Record<GraphErrorKind, GraphErrorEntry>;
  "x-cors": CorsPolicy;
}

/** How the mock answers browsers (`x-cors`): every value is a decision, see its `decision`. */
export interface CorsPolicy {
  decision: string;
  allowOrigin: string;
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds: number;
  preflightStatus: number;
}
