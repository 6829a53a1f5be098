/** What the spec documents for an operation's status: memoised, because rules ask per exchange. */
import { deref, responseSchemaName } from "../schemas.js";
import type { TapOperation } from "../../spec/operations.js";

export interface DocumentedResponse {
  documented: boolean;
  /** The media types the response's `content` lists (empty for 204). */
  mediaTypes: string[];
  /** Schema component name of the JSON body, if any. */
  schemaName: string | undefined;
  /** Header names (lower case) the spec marks `required: true`. */
  requiredHeaders: string[];
}

const memo = new WeakMap<TapOperation, Map<number, DocumentedResponse>>();
// Traffic comes in runs of the same operation and status: the last answer skips both maps.
let lastOp: TapOperation | undefined;
let lastStatus = 0;
let last: DocumentedResponse | undefined;

export function documentedResponse(op: TapOperation, status: number): DocumentedResponse {
  if (op === lastOp && status === lastStatus) return last!;
  const hit = lookup(op, status);
  lastOp = op;
  lastStatus = status;
  last = hit;
  return hit;
}

function lookup(op: TapOperation, status: number): DocumentedResponse {
  let byStatus = memo.get(op);
  if (!byStatus) {
    byStatus = new Map();
    memo.set(op, byStatus);
  }
  let hit = byStatus.get(status);
  if (hit) return hit;
  const raw = op.spec.responses[String(status)];
  if (!raw) {
    hit = { documented: false, mediaTypes: [], schemaName: undefined, requiredHeaders: [] };
  } else {
    const response = deref<{ content?: Record<string, unknown>; headers?: Record<string, unknown> }>(raw);
    const requiredHeaders = Object.entries(response.headers ?? {})
      .filter(([, header]) => deref<{ required?: boolean }>(header).required === true)
      .map(([name]) => name.toLowerCase());
    hit = {
      documented: true,
      mediaTypes: Object.keys(response.content ?? {}),
      schemaName: responseSchemaName(op, status),
      requiredHeaders,
    };
  }
  byStatus.set(status, hit);
  return hit;
}

/** The name of the path parameter that identifies a pass (the last `{...}` of the template). */
const methodParams = new WeakMap<TapOperation, string | undefined>();

let lastParamOp: TapOperation | undefined;
let lastParam: string | undefined;

export function methodIdParam(op: TapOperation): string | undefined {
  if (op === lastParamOp) return lastParam;
  let name: string | undefined;
  if (methodParams.has(op)) name = methodParams.get(op);
  else {
    name = /\{([^}]+)\}$/.exec(op.path)?.[1];
    methodParams.set(op, name);
  }
  lastParamOp = op;
  lastParam = name;
  return name;
}
