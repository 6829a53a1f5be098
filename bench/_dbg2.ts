import { exchangeContext } from "../src/contract/index.js";
import type { ExchangeContext } from "../src/contract/exchange.js";
import { getBodyText, getExchange } from "./support/tap-exchange.js";
const METADATA = "/$metadata#";
function isExactContext(actual: string, ctx: ExchangeContext): boolean {
  const op = ctx.operation;
  if (op.subject !== "users") return false;
  const url = ctx.exchange.request.url;
  const scheme = url.indexOf("://");
  const pathStart = url.indexOf("/", scheme === -1 ? 0 : scheme + 3);
  if (pathStart === -1) return false;
  const query = url.indexOf("?", pathStart);
  const hash = url.indexOf("#", pathStart);
  const end = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 ? query : Math.min(query, hash);
  // The template's segments sit at the end of the path: find the slash that starts `/users/`.
  const path = op.path;
  let at = end;
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    at = url.lastIndexOf("/", at - 1);
    if (at < pathStart) return false;
  }
  const userStart = at + 7;
  const userEnd = url.indexOf("/", userStart);
  if (userEnd === -1 || userEnd > end) return false;
  // root, `/$metadata#users('`, the user as sent, `')`, the collection, `/$entity` for one item.
  let p = at;
  if (actual.length <= p || !url.startsWith(actual.slice(0, p))) return false;
  if (!actual.startsWith(METADATA, p)) return false;
  p += METADATA.length;
  if (!actual.startsWith("users('", p)) return false;
  p += 7;
  const userLength = userEnd - userStart;
  if (!actual.startsWith(url.slice(userStart, userEnd), p)) return false;
  p += userLength;
  if (!actual.startsWith("')", p)) return false;
  p += 2;
  const collectionStart = path.indexOf("/", 8);
  const collectionEnd = op.kind === "get" || op.kind === "delete" ? path.lastIndexOf("/") : path.length;
  const collectionLength = collectionEnd - collectionStart;
  if (actual.length - p < collectionLength || !path.startsWith(actual.slice(p, p + collectionLength), collectionStart)) return false;
  p += collectionLength;
  return op.kind === "get" || op.kind === "create" ? actual.length === p + 8 && actual.endsWith("/$entity") : actual.length === p;
}
const ctx = exchangeContext(getExchange(JSON.parse(getBodyText)), {});
const a = (ctx.body as any)["@odata.context"];
for (let r = 0; r < 3; r++) { const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) isExactContext(a, ctx); console.log(((performance.now() - t) / n * 1e6).toFixed(0), "ns"); }
const url = ctx.exchange.request.url;
for (let r = 0; r < 3; r++) { const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) url.lastIndexOf("/", 80); console.log("lastIndexOf", ((performance.now() - t) / n * 1e6).toFixed(0), "ns"); }
for (let r = 0; r < 3; r++) { const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) a.startsWith("users('", 40); console.log("startsWith", ((performance.now() - t) / n * 1e6).toFixed(0), "ns"); }
