/**
 * Undocumented keys of a body, found by one walk against the documented property tree that
 * `npm run generate` wrote for its schema (see `tables.ts`).
 */
import type { PropertyShape } from "./tables.js";

const has = Object.prototype.hasOwnProperty;

/** Whether the body has a key the shape does not document: the passing path, with no allocation. */
export function hasUndocumentedKeys(body: unknown, shape: PropertyShape): boolean {
  if (Array.isArray(body)) {
    if (shape.items) for (let i = 0; i < body.length; i++) if (hasUndocumentedKeys(body[i], shape.items)) return true;
  } else if (body !== null && typeof body === "object" && shape.properties) {
    const properties = shape.properties;
    for (const key in body) {
      if (!has.call(properties, key)) return true;
      const sub = properties[key]!;
      if (sub.properties || sub.items) {
        const value = (body as Record<string, unknown>)[key];
        if (value !== null && typeof value === "object" && hasUndocumentedKeys(value, sub)) return true;
      }
    }
  }
  return false;
}

/** JSON pointers of the body's keys that the shape does not document. */
export function undocumentedKeys(body: unknown, shape: PropertyShape, path = "", out: string[] = []): string[] {
  if (Array.isArray(body)) {
    if (shape.items) for (let i = 0; i < body.length; i++) undocumentedKeys(body[i], shape.items, `${path}/${i}`, out);
  } else if (body !== null && typeof body === "object" && shape.properties) {
    for (const key in body) {
      const pointer = `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (!has.call(shape.properties, key)) out.push(pointer);
      else {
        const sub = shape.properties[key]!;
        const value = (body as Record<string, unknown>)[key];
        if ((sub.properties || sub.items) && value !== null && typeof value === "object")
          undocumentedKeys(value, sub, pointer, out);
      }
    }
  }
  return out;
}
