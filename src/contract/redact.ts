/**
 * The one redaction of this project: every writer (reports, samples, recordings, messages) masks
 * secrets here and nowhere else. Secrets are masked by pattern (JWTs, `Bearer x`) and by key
 * (`"temporaryAccessPass": "…"`, `client_secret=…`), so a body that is not valid JSON (truncated,
 * malformed, a JSON string inside JSON) hides its passcode too. Walks of parsed bodies stop at
 * `maxRedactDepth`: a hostile body nested 20,000 deep is cut, never a stack overflow.
 */

/** How deep a parsed body is walked; deeper values are replaced. TAP bodies are 4 deep. */
export const maxRedactDepth = 64;
export const tooDeep = `<nested deeper than ${maxRedactDepth} levels>`;

/** Runs of the characters a JWT is made of; each is searched for JWTs in linear time (jwtsIn). */
const tokenRun = /[A-Za-z0-9_.-]{9,}/g;
const bearer = /\b(Bearer)\s+(?!<redacted|&lt;redacted)[^\s"'\\,;<&]+/gi;

/** Keys whose values are secrets wherever they appear: the passcode and OAuth credentials. */
const secretKeys: readonly string[] = [
  "temporaryAccessPass",
  "client_secret",
  "client_assertion",
  "password",
  "access_token",
  "refresh_token",
  "id_token",
];
const secretKeySet: ReadonlySet<string> = new Set(secretKeys.map((k) => k.toLowerCase()));
/**
 * A secret key, its separator (`":"`, `=`, `: `, with the quotes and backslashes of a JSON string
 * held in JSON), then its value: a quoted value up to the next quote, escaped or not (a value cut
 * off by a truncated body runs to the end of the text); an unquoted one up to a delimiter.
 */
// A quote as JSON writes it at up to three levels of nesting (", \", \\\"): bounded, so that a run of
// backslashes costs linear time.
const escapedQuote = '\\\\{0,7}"';
const byKey = new RegExp(
  `(${secretKeys.join("|")})((?:${escapedQuote})?[ \\t]*[:=][ \\t]*)(?:(${escapedQuote})((?:(?!${escapedQuote})[\\s\\S])*)|([^\\s,;&}\\]"'\\\\<]+))`,
  "gi",
);

/**
 * Every `eyJ<4+>.<1+>.<0+>` in a run of JWT characters replaced. Procedural, not a regex: a
 * regex retried at each `eyJ` of a long run without dots costs quadratic time.
 */
function jwtsIn(run: string, marker: string): string {
  let out = "";
  let from = 0;
  let i = run.indexOf("eyJ");
  while (i !== -1) {
    const dot1 = run.indexOf(".", i);
    if (dot1 === -1) break;
    // Later candidates before this dot have shorter first segments: none of them can qualify either.
    if (dot1 - i < 7) {
      i = run.indexOf("eyJ", dot1 + 1);
      continue;
    }
    const dot2 = run.indexOf(".", dot1 + 1);
    if (dot2 === -1) break;
    if (dot2 === dot1 + 1) {
      i = run.indexOf("eyJ", dot1 + 1);
      continue;
    }
    const dot3 = run.indexOf(".", dot2 + 1);
    const end = dot3 === -1 ? run.length : dot3;
    out += `${run.slice(from, i)}${marker}`;
    from = end;
    i = run.indexOf("eyJ", end);
  }
  return from === 0 ? run : out + run.slice(from);
}

/** How a pass value appears in any message: its presence and length, never the value. */
export function redactedPass(value: unknown): string {
  if (typeof value === "string") return `<redacted: ${value.length} chars>`;
  return value === undefined ? "(absent)" : `<redacted: a ${value === null ? "null" : typeof value}>`;
}

/** A pass value in a recording: asterisks of the same length, so that replayed length checks still judge it. */
export const maskedPass = (value: string): string => "*".repeat(value.length);

export type PassMask = (value: string) => string;

/**
 * Tokens and secrets out of free text (a message, a body that is not JSON, a whole report).
 * `markup` escapes the markers for a text already escaped as HTML or XML.
 */
export function redactText(text: string, mask: PassMask = redactedPass, markup = false): string {
  const marker = (s: string) =>
    markup ? s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;") : s;
  return text
    .replace(
      byKey,
      (
        _all,
        key: string,
        sep: string,
        quote: string | undefined,
        quoted: string | undefined,
        bare: string | undefined,
      ) => {
        const value = quoted ?? bare ?? "";
        const kept =
          value === "" ||
          value.startsWith("<redacted") ||
          value.startsWith("&lt;redacted") ||
          /^\*+$/.test(value) ||
          (bare !== undefined && /^(null|true|false)$/.test(bare));
        return `${key}${sep}${quote ?? ""}${kept ? value : marker(mask(value))}`;
      },
    )
    .replace(tokenRun, (run) => (run.includes("eyJ") ? jwtsIn(run, marker("<redacted token>")) : run))
    .replace(bearer, `$1 ${marker("<redacted>")}`);
}

/**
 * A parsed body with every secret-keyed string masked and every other string redacted as text;
 * deeper than `maxRedactDepth` the value is replaced. Iterative over arrays and objects'
 * breadth, recursive only up to the depth cap.
 */
export function redactValue(value: unknown, mask: PassMask = redactedPass, depth = 0): unknown {
  if (typeof value === "string") return redactText(value, mask);
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxRedactDepth) return tooDeep;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, mask, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = redactText(k, mask);
    if (!secretKeySet.has(k.toLowerCase())) out[key] = redactValue(v, mask, depth + 1);
    else if (typeof v === "string") out[key] = mask(v);
    // A pass of the wrong type stays as it is (the schema checks judge it); any other secret key's value goes.
    else out[key] = k === "temporaryAccessPass" || v === null ? redactValue(v, mask, depth + 1) : "<redacted>";
  }
  return out;
}

/** Headers that carry credentials: their values are never kept, whatever their form. */
const credentialHeaders =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-token-.*|x-api-key|api-key|ocp-apim-subscription-key)$/i;

/** An auth scheme word (`Bearer`, `Basic`) tells what was sent without being secret. */
const scheme = /^([A-Za-z][A-Za-z0-9_-]{0,19})\s+\S/;

/**
 * Headers as any writer keeps them: credential headers replaced whole, whatever the value's form
 * (`keepScheme`: but for an auth scheme word), the rest redacted as text.
 */
export function redactHeaders(headers: Record<string, string>, keepScheme = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const auth = keepScheme && /authorization$/i.test(name) ? scheme.exec(value) : null;
    out[redactText(name)] = credentialHeaders.test(name)
      ? auth
        ? `${auth[1]} <redacted>`
        : "<redacted>"
      : redactText(value);
  }
  return out;
}
