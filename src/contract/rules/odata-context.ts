import { decodeJwt } from "jose";
import { clouds } from "../../spec/clouds.js";
import { receivedExpected } from "../violation.js";
import { isObject, isSuccess } from "../body-items.js";
import type { ExchangeContext } from "../exchange.js";
import { splitRequestUrl } from "../request-url.js";
import { defineRule, none } from "../rule.js";

const METADATA = "/$metadata#";

/**
 * The signed-in user's names in the request's bearer token, read without verification (they only
 * name the user): `oid`, and the UPN (`upn`, else `preferred_username`).
 */
function tokenUserNames(authorization: string | undefined): string[] {
  if (!authorization?.toLowerCase().startsWith("bearer ")) return [];
  try {
    const claims = decodeJwt(authorization.slice(7).trim());
    const upn = typeof claims.upn === "string" ? claims.upn : claims.preferred_username;
    return [claims.oid, upn].filter((n): n is string => typeof n === "string" && n !== "");
  } catch {
    return [];
  }
}

/** A user as the context may write it: as sent, and with `%40` and `@` either way (decision 26). */
function userForms(name: string): string[] {
  return [...new Set([name, name.replaceAll("%40", "@"), name.replaceAll("@", "%40")])].map((n) => `users('${n}')`);
}

interface ExpectedContext {
  /** Everything before `/$metadata#`: origin and version segment(s). */
  root: string;
  /**
   * Each `users('<user>')` form the answer may name; empty when the user cannot be known (a `/me` call without a
   * readable token).
   */
  users: string[];
  /** `/authentication/temporaryAccessPassMethods`, from the path template. */
  collection: string;
  entity: boolean;
  op: string;
}

function expectedContext(ctx: ExchangeContext): ExpectedContext | undefined {
  const op = ctx.operation;
  const { origin, path } = splitRequestUrl(ctx.exchange.request.url);
  const raw = path.split("/");
  const template = op.path.split("/");
  const offset = raw.length - template.length;
  if (offset < 0) return undefined;
  const root = origin + raw.slice(0, offset + 1).join("/");
  const userSegments = op.subject === "me" ? 2 : 3;
  const tail = template.slice(userSegments).filter((s) => !s.startsWith("{"));
  const names =
    op.subject === "me"
      ? ctx.options.meObjectId !== undefined
        ? [ctx.options.meObjectId]
        : tokenUserNames(ctx.requestHeaders.authorization)
      : raw[offset + 2] !== undefined
        ? [raw[offset + 2]!]
        : [];
  return {
    root,
    users: names.flatMap(userForms),
    collection: `/${tail.join("/")}`,
    entity: op.kind === "get" || op.kind === "create",
    op: op.operationId,
  };
}

/**
 * The one context a faithful answer to a `/users/{id}/...` call names, cut from the URL by native
 * string searches from its end (no splitting): most answers are exactly this, and the full
 * comparison runs only for the others (a gateway's root, a `$select`, a `/me` call).
 */
function exactContext(ctx: ExchangeContext): string | undefined {
  const op = ctx.operation;
  if (op.subject !== "users") return undefined;
  const url = ctx.exchange.request.url;
  const scheme = url.indexOf("://");
  const pathStart = url.indexOf("/", scheme === -1 ? 0 : scheme + 3);
  if (pathStart === -1) return undefined;
  const query = url.indexOf("?", pathStart);
  const hash = url.indexOf("#", pathStart);
  const end = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 ? query : Math.min(query, hash);
  // The template's segments sit at the end of the path: find the slash that starts `/users/`
  // (`/users/{id}/authentication/temporaryAccessPassMethods[/{id}]`). Only a shortcut: a wrong
  // cut builds a string the answer does not equal, and the full comparison decides.
  const single = op.kind === "get" || op.kind === "delete";
  let at = end;
  for (let n = single ? 5 : 4; n > 0; n--) {
    at = url.lastIndexOf("/", at - 1);
    if (at < pathStart) return undefined;
  }
  const userStart = at + 7;
  const userEnd = url.indexOf("/", userStart);
  if (userEnd === -1 || userEnd > end) return undefined;
  const path = op.path;
  const collection = path.slice(path.indexOf("/", 8), single ? path.lastIndexOf("/") : path.length);
  return (
    url.slice(0, at) +
    OPEN_USER +
    url.slice(userStart, userEnd) +
    CLOSE_USER +
    collection +
    (op.kind === "get" || op.kind === "create" ? ENTITY : "")
  );
}

const OPEN_USER = `${METADATA}users('`;
const CLOSE_USER = "')";
const ENTITY = "/$entity";

function render(e: ExpectedContext): string {
  return (
    `${e.root}${METADATA}${e.users[0] ?? "users('<signed-in user id>')"}${e.collection}` +
    `${e.entity ? "/$entity" : ""}`
  );
}

/** Graph's own roots for the clouds with the TAP API (lower case), e.g. `https://graph.microsoft.com`. */
const graphRoots = Object.values(clouds)
  .filter((c) => c.tapAvailable)
  .map((c) => c.graphRoot.toLowerCase());

/**
 * The request's own base, or a cloud's Graph root with the same version segment: Graph names its
 * own root also when the call reached it through a gateway or proxy on another host (spec
 * decisions, item 21). Nothing else.
 */
function rootMatches(actualRoot: string, expectedRoot: string): boolean {
  const actual = actualRoot.toLowerCase();
  const expected = expectedRoot.toLowerCase();
  if (actual === expected) return true;
  const at = expected.lastIndexOf("/");
  // A request sent to a cloud's own root is answered with that root: no other cloud's.
  if (graphRoots.includes(expected.slice(0, at))) return false;
  const version = expected.slice(at);
  return graphRoots.some((root) => actual === root + version);
}

function matches(actual: string, e: ExpectedContext): boolean {
  const at = actual.indexOf(METADATA);
  if (at === -1 || !rootMatches(actual.slice(0, at), e.root)) return false;
  let rest = actual.slice(at + METADATA.length);
  if (e.users.length > 0) {
    const user = e.users.find((u) => rest.startsWith(u));
    if (user === undefined) return false;
    rest = rest.slice(user.length);
  } else {
    const m = /^users\('[^']+'\)/.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
  }
  if (!rest.startsWith(e.collection)) return false;
  rest = rest.slice(e.collection.length);
  // A $select shows as `(a,b)` after the entity set.
  if (rest.startsWith("(")) {
    const close = rest.indexOf(")");
    if (close === -1) return false;
    rest = rest.slice(close + 1);
  }
  return rest === (e.entity ? "/$entity" : "");
}

export default defineRule({
  id: "odata-context",
  title: "@odata.context does not match the request",
  severity: "medium",
  stage: "transport",
  description:
    "A success body's `@odata.context` names what was asked for: the request's scheme and host (so the cloud), " +
    "or Graph's own root of a cloud (as behind an API gateway or proxy), with the request's version segment, the " +
    "user as the request named it (as sent, a UPN's `@` written as `@` or `%40`; for `/me` " +
    "the signed-in user's object id or UPN, from the token's `upn` or `preferred_username`), the " +
    "`temporaryAccessPassMethods` collection, and `/$entity` for a single item (Get, Create). " +
    "SDKs and caches key on it; a context that names another user or cloud means the service answered a different " +
    "question.",
  appliesTo: (ctx) =>
    isSuccess(ctx.status) &&
    ctx.bodyState === "json" &&
    ctx.operation.kind !== "delete" &&
    ctx.operation.kind !== "batch",
  run(ctx) {
    if (!isObject(ctx.body)) return none;
    const actual = ctx.body["@odata.context"];
    if (typeof actual === "string" && actual === exactContext(ctx)) return none;
    const expected = expectedContext(ctx);
    if (!expected) return none;
    if (typeof actual === "string" && matches(actual, expected)) return none;
    return [
      {
        message: receivedExpected(
          typeof actual === "string"
            ? actual
            : `@odata.context ${actual === undefined ? "(absent)" : JSON.stringify(actual)}`,
          render(expected),
        ),
        instancePath: "/@odata.context",
        key: actual === undefined ? "absent" : "another context",
      },
    ];
  },
});
