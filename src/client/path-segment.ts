/**
 * Path parameters as single, inert path segments: whatever a user id or UPN holds (`#EXT#`,
 * `/`, `?`, `%`, quotes, `..`), it can name only the segment it stands in.
 */
import { GUID } from "../http/guid.js";
import { InvalidInputError } from "./errors.js";

/** A value for messages: quoted, control characters escaped, long values cut. */
export function shown(value: unknown): string {
  const text = JSON.stringify(String(value)) ?? '""';
  return text.length > 80 ? `${text.slice(0, 76)}…"` : text;
}

/** Throws InvalidInputError unless `value` can stand in one path segment for `name`. */
export function checkSegment(name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new InvalidInputError(`${name} must be a string, received ${value === null ? "null" : typeof value}`);
  }
  if (value.trim() === "") throw new InvalidInputError(`${name} is empty: expected ${expectation(name)}`);
  // URL parsers resolve "." and ".." (even percent-encoded) as dot segments: they would move the path.
  if (value === "." || value === "..") {
    throw new InvalidInputError(`${name} ${shown(value)} is a dot segment: expected ${expectation(name)}`);
  }
  // String#isWellFormed is in Node 20 (V8 11.3), not yet in this project's ES2023 lib types.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) {
    throw new InvalidInputError(
      `${name} ${shown(value)} is not well-formed Unicode (a lone surrogate): expected ${expectation(name)}`,
    );
  }
  if (name === "temporaryAccessPassAuthenticationMethod-id" && !GUID.test(value)) {
    throw new InvalidInputError(`${name} ${shown(value)} is malformed: expected ${expectation(name)}`);
  }
  return value;
}

function expectation(name: string): string {
  return name === "temporaryAccessPassAuthenticationMethod-id"
    ? "the pass's id as List or Create returned it (a GUID such as 6f1967b7-15e8-4935-ac26-d50770ed07a7)"
    : name === "user-id"
      ? 'a user\'s object id or userPrincipalName (or "me" for the signed-in user)'
      : "a non-empty path segment";
}

const SUB_DELIMS = /[!'()*]/g;
const HAS_SUB_DELIM = /[!'()*]/;

/** Percent-encode one segment: everything but unreserved letters, digits and `-._~`. */
export function encodeSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  // encodeURIComponent leaves these five alone; most ids have none of them.
  return HAS_SUB_DELIM.test(encoded)
    ? encoded.replace(SUB_DELIMS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : encoded;
}

const PARAM = /\{([^{}]+)\}/g;

/** openapi-fetch's `pathSerializer`: checks and encodes every `{name}` of the template. */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(PARAM, (_whole, name: string) => encodeSegment(checkSegment(name, params?.[name])));
}
