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
export type OperationKind = "get" | "list" | "create" | "delete";

export interface SupportedRow {
  leastPrivileged: string[];
  higherPrivileged: string[];
  /** The newer UserAuthMethod-TAP.* scopes, kept apart from what the seed says. */
  tapScoped: string[];
  /** Directory roles (keys of x-directory-roles), one of which a delegated caller needs. */
  requiredRoles?: string[];
}

export type PermissionRow = SupportedRow | "notSupported";

export interface PermissionTable {
  operation: OperationKind;
  source: string;
  actingOnSelf: Record<PermissionType, PermissionRow>;
  actingOnOthers: Record<PermissionType, PermissionRow>;
}

export interface DirectoryRole {
  displayName: string;
  templateId: string;
}

export interface GraphErrorEntry {
  status: number;
  code: string;
  message: string;
  decision?: string;
}

export type GraphErrorKind =
  | "emptyToken" | "malformedToken" | "expiredToken" | "invalidSignature" | "invalidAudience"
  | "appTokenOnMe" | "missingPermission" | "missingRole" | "personalAccount" | "notSupported"
  | "userNotFound" | "methodNotFound" | "invalidMethodId" | "invalidLifetime"
  | "missingContentType" | "invalidJson" | "unknownProperty" | "invalidValue" | "invalidSelect"
  | "unknownSegment" | "methodNotAllowed" | "payloadTooLarge" | "unsupportedMediaType"
  | "throttled" | "internalError" | "serviceUnavailable" | "gatewayTimeout";

export interface PolicyDefaults {
  state: "enabled" | "disabled";
  defaultLength: number;
  lengthRange: [number, number];
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  lifetimeRange: [number, number];
  isUsableOnce: boolean;
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
  "x-permissions": PermissionTable;
}

export type HttpMethod = "get" | "post" | "delete";

export interface OpenApiPathItem {
  summary?: string;
  parameters?: Array<Record<string, unknown>>;
  get?: OpenApiOperation;
  post?: OpenApiOperation;
  delete?: OpenApiOperation;
}

export interface TapOpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers: Array<{ url: string; description: string; "x-cloud": CloudId }>;
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    responses: Record<string, Record<string, unknown>>;
    [key: string]: Record<string, unknown>;
  };
  "x-clouds": CloudTable;
  "x-directory-roles": Record<string, DirectoryRole>;
  "x-policy-defaults": PolicyDefaults;
  /** The full Content-Type Graph sends on JSON bodies. */
  "x-json-content-type": string;
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
