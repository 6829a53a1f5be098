/**
 * Which operation of the spec a request is for, or why none: a wrong method on a known path
 * (405) or a segment Graph would not resolve (400). Paths match case-insensitively.
 */
import {
  matchServedOperation,
  matchTemplate,
  policyOperationsAt,
  servedOperations,
  type PolicyOperation,
  type TapOperation,
} from "../../spec/index.js";

export type RouteResult =
  | {
      kind: "operation";
      operation: TapOperation;
      params: Record<string, string>;
      rawSegments: string[];
      version: string;
      /** `…/$count` of a list: the number of items, as `text/plain` (spec decisions). */
      count?: true;
    }
  /** The tenant's TAP policy (its path or its OData key form). */
  | { kind: "policy"; operation: PolicyOperation; version: string }
  | { kind: "methodNotAllowed"; allowed: string[] }
  /** `POST /me/.../temporaryAccessPassMethods`: in Microsoft's OpenAPI, not in the contract. */
  | { kind: "createOnMe" }
  /** `POST /{version}/$batch`: JSON batching. */
  | { kind: "batch"; version: string }
  | { kind: "unknownSegment"; segment: string };

// v1.0 and the second server, beta (spec decisions, item 41).
const versions = new Set(["v1.0", "beta"]);

/** Route a raw (percent-encoded) path such as `/v1.0/users/x/authentication/temporaryAccessPassMethods`. */
export function route(method: string, rawPath: string): RouteResult {
  // Graph tolerates one trailing slash.
  const path = rawPath.length > 1 && rawPath.endsWith("/") ? rawPath.slice(0, -1) : rawPath;
  const segments = path.split("/");
  const version = segments[1] ?? "";
  if (!versions.has(version.toLowerCase())) return { kind: "unknownSegment", segment: readable(version) };
  const restSegments = ["", ...segments.slice(2)];
  if (restSegments.length === 2 && restSegments[1]!.toLowerCase() === "$batch") {
    return method.toUpperCase() === "POST"
      ? { kind: "batch", version }
      : { kind: "methodNotAllowed", allowed: ["POST"] };
  }
  const rest = restSegments.join("/");
  const policy = policyOperationsAt(rest);
  if (policy) {
    const upper = method.toUpperCase();
    const operation = policy.find((op) => op.method === upper);
    if (operation) return { kind: "policy", operation, version };
    return { kind: "methodNotAllowed", allowed: [...new Set(policy.map((op) => op.method))] };
  }
  const match = matchServedOperation(method, rest);
  if (match) return { kind: "operation", ...match, rawSegments: restSegments, version };
  if (restSegments.length > 2 && restSegments.at(-1)!.toLowerCase() === "$count") {
    const listSegments = restSegments.slice(0, -1);
    const list = matchServedOperation(method, listSegments.join("/"));
    if (list && (list.operation.kind === "list" || list.operation.kind === "listMethods"))
      return { kind: "operation", ...list, rawSegments: listSegments, version, count: true };
  }
  const allowed = [
    ...new Set(servedOperations.filter((op) => matchTemplate(op.path, restSegments)).map((op) => op.method)),
  ];
  if (
    method.toUpperCase() === "POST" &&
    servedOperations.some((op) => op.kind === "list" && op.subject === "me" && matchTemplate(op.path, restSegments))
  ) {
    return { kind: "createOnMe" };
  }
  if (allowed.length > 0) return { kind: "methodNotAllowed", allowed };
  return { kind: "unknownSegment", segment: readable(firstUnresolved(restSegments)) };
}

/** The first segment that no template of the spec accepts at its position. */
function firstUnresolved(segments: string[]): string {
  let best = 1;
  for (const op of servedOperations) {
    const parts = op.path.split("/");
    let i = 1;
    while (i < parts.length && i < segments.length) {
      const part = parts[i]!;
      const seg = segments[i]!;
      const ok = part.startsWith("{") ? seg !== "" && decodes(seg) : part.toLowerCase() === seg.toLowerCase();
      if (!ok) break;
      i++;
    }
    best = Math.max(best, i);
  }
  // A path that is a prefix of a template (e.g. `/me/authentication`) stops at its last segment.
  return segments[Math.min(best, segments.length - 1)] ?? "";
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** A segment as it may appear in a message: decoded when possible, bounded in length. */
function readable(segment: string): string {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // keep it encoded
  }
  return s.length > 64 ? `${s.slice(0, 64)}…` : s;
}
