/**
 * The documented property tree of a component schema (properties through `$ref` and `allOf`,
 * array items), computed once per schema so that finding undocumented keys is one walk of the body.
 */
import { spec } from "../../spec/index.js";

export interface PropertyShape {
  /** Documented properties of an object at this place, or undefined when nothing is declared. */
  properties?: Map<string, PropertyShape>;
  items?: PropertyShape;
  /** The documented names alone, and only the properties with a shape of their own: the passing walk needs no more. */
  names?: Set<string>;
  nested?: Map<string, PropertyShape>;
  /**
   * The keys, in order, of the last object found fully documented here (only where no property
   * has a shape of its own). A service writes the same keys in the same order every time, and
   * comparing interned names one by one is cheaper than looking each up.
   */
  lastDocumentedKeys?: string[];
}

type SchemaNode = { $ref?: string; allOf?: SchemaNode[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };

function resolve(node: SchemaNode): SchemaNode {
  let cur = node;
  for (let i = 0; i < 16 && typeof cur.$ref === "string"; i++) {
    const name = cur.$ref.split("/").pop()!;
    cur = spec.components.schemas[name] as SchemaNode;
  }
  return cur;
}

/** The schema and every `allOf` part below it, resolved. */
function parts(node: SchemaNode, out: SchemaNode[] = []): SchemaNode[] {
  const resolved = resolve(node);
  out.push(resolved);
  for (const sub of resolved.allOf ?? []) parts(sub, out);
  return out;
}

function shapeOf(nodes: SchemaNode[]): PropertyShape {
  const shape: PropertyShape = {};
  const byName = new Map<string, SchemaNode[]>();
  const items: SchemaNode[] = [];
  for (const node of nodes.flatMap((n) => parts(n))) {
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      const list = byName.get(name) ?? [];
      list.push(sub);
      byName.set(name, list);
    }
    if (node.items) items.push(node.items);
  }
  if (byName.size > 0) {
    shape.properties = new Map([...byName].map(([name, subs]) => [name, shapeOf(subs)]));
    shape.names = new Set(shape.properties.keys());
    shape.nested = new Map([...shape.properties].filter(([, sub]) => sub.properties || sub.items));
  }
  if (items.length > 0) shape.items = shapeOf(items);
  return shape;
}

const memo = new Map<string, PropertyShape>();

let lastName: string | undefined;
let lastShape: PropertyShape | undefined;

export function propertyShape(schemaName: string): PropertyShape {
  if (schemaName === lastName) return lastShape!;
  let shape = memo.get(schemaName);
  if (!shape) {
    shape = shapeOf([{ $ref: `#/components/schemas/${schemaName}` }]);
    memo.set(schemaName, shape);
  }
  lastName = schemaName;
  lastShape = shape;
  return shape;
}

/** Whether the body has a key the shape does not document: the passing path, with no allocation. */
export function hasUndocumentedKeys(body: unknown, shape: PropertyShape): boolean {
  if (Array.isArray(body)) {
    if (shape.items) for (let i = 0; i < body.length; i++) if (hasUndocumentedKeys(body[i], shape.items)) return true;
  } else if (body !== null && typeof body === "object" && shape.names) {
    const { names, nested } = shape;
    if (nested!.size === 0) return hasUnknownFlatKey(body, shape, names);
    for (const key in body) {
      if (!names.has(key)) return true;
      if (nested!.size === 0) continue;
      const sub = nested!.get(key);
      if (sub) {
        const value = (body as Record<string, unknown>)[key];
        if (value !== null && typeof value === "object" && hasUndocumentedKeys(value, sub)) return true;
      }
    }
  }
  return false;
}

function hasUnknownFlatKey(body: object, shape: PropertyShape, names: Set<string>): boolean {
  const seen = shape.lastDocumentedKeys;
  if (seen) {
    let i = 0;
    let same = true;
    for (const key in body) {
      if (key !== seen[i++]) {
        same = false;
        break;
      }
    }
    if (same && i === seen.length) return false;
  }
  const keys: string[] = [];
  for (const key in body) {
    if (!names.has(key)) return true;
    keys.push(key);
  }
  shape.lastDocumentedKeys = keys;
  return false;
}

/** JSON pointers of the body's keys that the shape does not document. */
export function undocumentedKeys(body: unknown, shape: PropertyShape, path = "", out: string[] = []): string[] {
  if (Array.isArray(body)) {
    if (shape.items) for (let i = 0; i < body.length; i++) undocumentedKeys(body[i], shape.items, `${path}/${i}`, out);
  } else if (body !== null && typeof body === "object" && shape.properties) {
    for (const key in body) {
      const sub = shape.properties.get(key);
      if (!sub) out.push(`${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
      else if (sub.properties || sub.items) {
        const value = (body as Record<string, unknown>)[key];
        if (value !== null && typeof value === "object") undocumentedKeys(value, sub, `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, out);
      }
    }
  }
  return out;
}
