/**
 * The one redaction of this project: every writer (reports, samples, recordings, messages) masks
 * secrets here and nowhere else. Secrets are masked three ways:
 * - by value: every token, secret, password and passcode the run handled (`KnownSecrets`, owned
 *   by the run and handed to its writers), with its long substrings and simple encodings;
 * - by key: a value under a secret-looking name (`temporaryAccessPass`, `lastPassword`,
 *   `client_secret`, in JSON, quoted or not, HTML- or percent-encoded, an XML element, a query
 *   parameter such as `sig`), and whole credential headers;
 * - by pattern: JWTs and `Bearer x`.
 * Parsed values are masked value by value (`redactValue`), so a report or recording written
 * from them stays valid JSON; free text is masked in place, and a text that still holds a
 * secret once its escapes are decoded is withheld whole. Walks stop at `maxRedactDepth`.
 */

/** How deep a parsed body is walked; deeper values are replaced. TAP bodies are 4 deep. */
export const maxRedactDepth = 64;
export const tooDeep = `<nested deeper than ${maxRedactDepth} levels>`;

/** How a value found by value (a known secret, or part of one) is shown. */
const valueMarker = "<redacted>";

/** Runs of the characters a JWT is made of; each is searched for JWTs in linear time (jwtsIn). */
const tokenRun = /[A-Za-z0-9_.-]{9,}/g;
const bearer = /\b(Bearer)\s+(?!<redacted|&lt;redacted)[^\s"'\\,;<&]+/gi;

/** Look-alike letters (Cyrillic, Greek) folded to the Latin ones they imitate, for key names. */
const lookAlikes: Readonly<Record<string, string>> = {
  а: "a",
  с: "c",
  е: "e",
  һ: "h",
  і: "i",
  ј: "j",
  к: "k",
  о: "o",
  р: "p",
  ѕ: "s",
  т: "t",
  у: "y",
  х: "x",
  α: "a",
  ε: "e",
  ι: "i",
  κ: "k",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

/**
 * Names whose values are secrets (after folding: lower case, letters and digits only): those
 * that end in a secret word (`lastPassword`, `client_secret`, `x-auth-token`), so that
 * `tokenCount` or a check id such as `rejects-expired-token-on-me` keep their values.
 */
const secretNames =
  /(password|passwd|passcode|passphrase|accesspass|secret|token|apikey|assertion|privatekey|credentials?)(value|string|text|\d{0,4})$/;

/** A key name as compared: look-alikes folded, case and separators dropped. */
function foldName(name: string): string {
  let out = "";
  for (const ch of name.normalize("NFKC").toLowerCase()) {
    const c = lookAlikes[ch] ?? ch;
    if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) out += c;
  }
  return out;
}

/**
 * Whether a property, parameter or element name holds a secret (`temporaryAccessPass`, `lastPassword`,
 * `client_secret`).
 */
export function isSecretKey(name: string): boolean {
  if (name.length > 200) return false;
  const folded = foldName(name);
  return secretNames.test(folded);
}

/** Query parameters that carry credentials though their names say nothing (OAuth `code`, SAS `sig`). */
const secretQueryParams = /^(code|sig|signature|key|sas|skoid|sktid|code_verifier)$/i;

// A quote as JSON writes it at up to three levels of nesting (", \", \\\"), or as HTML or a URL
// escapes it; bounded, so that a run of backslashes costs linear time.
const quoteForms = `\\\\{0,7}["']|&quot;|&#34;|&#x22;|&#39;|&#x27;|&apos;|%22|%27|\\\\u0022|\\\\u0027`;
const keyChars = "\\p{L}\\p{N}_$.\\-";
/**
 * A key (any name: isSecretKey decides), its closing quote, a separator (`:`, `=`, encoded or
 * not, with any whitespace, newlines included), then its value: quoted up to the next quote
 * (a value cut off by a truncated body runs to the end), or bare up to a delimiter.
 */
const keySeparator = new RegExp(
  `(?<![${keyChars}])([${keyChars}]{2,80})((?:${quoteForms})?\\s*(?::|=|%3A|%3D|&#58;|&#x3a;)\\s*)`,
  "giu",
);
/** The value after a separator: quoted up to the next quote (or the end), or bare up to a delimiter. */
const valueAt = new RegExp(`(?:(${quoteForms})((?:(?!${quoteForms})[\\s\\S])*)|([^\\s,;&}\\]"'\\\\<]+))`, "uy");

/** The names masked even in prose (`password: x`); other secret-looking names need a JSON or form shape. */
const strictNames =
  /^(temporaryaccesspass|clientsecret|clientassertion|password|passcode|accesstoken|refreshtoken|idtoken)$/;
const strictKey = (key: string) => strictNames.test(foldName(key));

/**
 * `Name: word` in prose (`InvalidAuthenticationToken: Token …`, a Graph error code): a bare
 * key, a colon and a bare value. A quoted key, a quoted value or `=` make it data.
 */
function looseForm(sep: string, text: string, valueStart: number): boolean {
  const keyQuoted = !/^\s*(?::|=|%3A|%3D|&#58;|&#x3a;)/i.test(sep);
  const equals = /=|%3D/i.test(sep);
  const valueQuoted = /^(?:\\{0,7}["']|&quot;|&#34;|&#x22;|&#39;|&#x27;|&apos;|%22|%27)/.test(
    text.slice(valueStart, valueStart + 8),
  );
  return !keyQuoted && !equals && !valueQuoted;
}

/**
 * Every value under a secret key masked. Keys are found one by one and only a secret key's
 * value is consumed, so a harmless `Received: /temporaryAccessPass = 5` still reaches the key.
 */
function byKey(
  text: string,
  replace: (
    key: string,
    sep: string,
    quote: string | undefined,
    quoted: string | undefined,
    bare: string | undefined,
  ) => string,
): string {
  let out = "";
  let from = 0;
  keySeparator.lastIndex = 0;
  for (let m = keySeparator.exec(text); m !== null; m = keySeparator.exec(text)) {
    const [all, key, sep] = m as unknown as [string, string, string];
    if (!isSecretKey(key) || (!strictKey(key) && looseForm(sep, text, m.index + all.length))) {
      // Go on right after the key: what follows may hold a key of its own.
      keySeparator.lastIndex = m.index + key.length;
      continue;
    }
    valueAt.lastIndex = m.index + all.length;
    const v = valueAt.exec(text);
    if (!v) continue;
    out += text.slice(from, m.index) + replace(key, sep, v[1], v[2], v[3]);
    from = valueAt.lastIndex;
    keySeparator.lastIndex = from;
  }
  return from === 0 ? text : out + text.slice(from);
}
/** An XML element whose name is secret: `<password>x</password>`, `<a:temporaryAccessPass>`. */
const xmlElement =
  /<((?:[\p{L}_][\p{L}\p{N}_.-]{0,40}:)?([\p{L}_][\p{L}\p{N}_.-]{0,80}))(\s[^<>]{0,400})?>([^<]*)<\/\1\s*>/gu;
/** A query parameter: `?code=…`, `&sig=…`. */
const queryParam = /([?&;]|&amp;)([A-Za-z0-9_.-]{1,80})=([^&#\s"'<>]*)/g;

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

/**
 * A text with its simple escapes decoded (JSON `\uXXXX` and `\"`, `%XX`, HTML entities), and for
 * each character of the result the index in the original where it starts: what a secret looks
 * like once a hostile echo's disguise is taken off.
 */
function decodedView(text: string): { view: string; at: number[] } {
  let view = "";
  const at: number[] = [];
  const push = (s: string, from: number) => {
    for (let k = 0; k < s.length; k++) at.push(from);
    view += s;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      const u = /^\\u([0-9a-fA-F]{4})/.exec(text.slice(i, i + 6));
      if (u) {
        push(String.fromCharCode(Number.parseInt(u[1]!, 16)), i);
        i += 6;
        continue;
      }
      const next = text[i + 1];
      if (next !== undefined && `"\\/'`.includes(next)) {
        push(next, i);
        i += 2;
        continue;
      }
    } else if (c === 37 /* % */) {
      const hex = /^%([0-7][0-9a-fA-F])/.exec(text.slice(i, i + 3));
      if (hex) {
        push(String.fromCharCode(Number.parseInt(hex[1]!, 16)), i);
        i += 3;
        continue;
      }
    } else if (c === 38 /* & */) {
      const entity = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/.exec(text.slice(i, i + 10));
      if (entity) {
        const e = entity[1]!;
        const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
        const code = e.startsWith("#x")
          ? Number.parseInt(e.slice(2), 16)
          : e.startsWith("#")
            ? Number.parseInt(e.slice(1), 10)
            : -1;
        const ch = code >= 0 ? (code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd") : named[e]!;
        push(ch, i);
        i += entity[0].length;
        continue;
      }
    }
    push(text[i]!, i);
    i++;
  }
  return { view, at };
}

/** Needs decoding before a secret can be seen in it. */
const escaped = /\\|%[0-7]|&#|&[a-z]{2,4};/;

/** Shorter secrets are not masked by value: too likely to occur by chance. */
export const minSecretLength = 8;
/** Substrings of this length of a longer secret are masked too. */
export const secretWindow = 16;

/**
 * Every token, client secret, password and passcode a run handled: owned by the run (never
 * module state), handed to every writer. A secret is known in its own form, reversed, and as
 * base64 and base64url at each alignment; a text shows it when it holds any of those forms
 * (or, for secrets of `window` characters or more, any `window` characters of them), also
 * behind JSON, percent or HTML escapes.
 */
export class KnownSecrets {
  readonly #added = new Set<string>();
  /** Forms by their first `minLength` characters. */
  readonly #forms = new Map<string, string[]>();
  readonly #windows = new Set<string>();

  get size(): number {
    return this.#added.size;
  }

  /** Remember a secret (values that are not strings, or are short, are ignored). */
  add(value: unknown): void {
    if (typeof value !== "string") return;
    const secret = value.trim();
    // A value a recording already masked (`<redacted>`, asterisks) is no secret of its own.
    if (secret.length < minSecretLength || this.#added.has(secret) || alreadyMasked(secret)) return;
    this.#added.add(secret);
    for (const form of formsOf(secret)) {
      if (form.length < minSecretLength) continue;
      const head = form.slice(0, minSecretLength);
      const list = this.#forms.get(head);
      if (!list) this.#forms.set(head, [form]);
      else if (!list.includes(form)) list.push(form);
      if (form.length >= secretWindow)
        for (let i = 0; i + secretWindow <= form.length; i++) this.#windows.add(form.slice(i, i + secretWindow));
    }
  }

  /** Ranges `[start, end)` of `text` that hold a known secret or part of one, merged. */
  #ranges(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const min = minSecretLength;
    const win = secretWindow;
    for (let i = 0; i + min <= text.length; i++) {
      let end = -1;
      const forms = this.#forms.get(text.slice(i, i + min));
      if (forms) for (const f of forms) if (f.length > end - i && text.startsWith(f, i)) end = i + f.length;
      if (i + win <= text.length && this.#windows.has(text.slice(i, i + win))) end = Math.max(end, i + win);
      if (end === -1) continue;
      const last = out[out.length - 1];
      if (last && i <= last[1]) last[1] = Math.max(last[1], end);
      else out.push([i, end]);
    }
    return out;
  }

  /** The text with every known secret (and long part of one) replaced by `marker`. */
  mask(text: string, marker = valueMarker): string {
    if (this.#added.size === 0 || text.length < minSecretLength) return text;
    let ranges = this.#ranges(text);
    if (escaped.test(text)) {
      const { view, at } = decodedView(text);
      if (view.length !== text.length || view !== text) {
        const mapped = this.#ranges(view).map(([s, e]): [number, number] => [
          at[s]!,
          e < at.length ? at[e]! : text.length,
        ]);
        ranges = merge([...ranges, ...mapped]);
      }
    }
    if (ranges.length === 0) return text;
    let out = "";
    let from = 0;
    for (const [s, e] of ranges) {
      out += text.slice(from, s) + marker;
      from = e;
    }
    return out + text.slice(from);
  }

  /** Whether the text holds a known secret in any of its forms. */
  holds(text: string): boolean {
    return this.mask(text) !== text;
  }
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * A secret's forms: itself, reversed, and its base64 and base64url encodings at each of the three
 * alignments it can have inside a longer encoded text (only the characters it alone decides).
 */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, [...secret].reverse().join("")]);
  const bytes = Buffer.from(secret, "utf8");
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString("base64");
    const first = Math.ceil(k / 3) * 4;
    const last = Math.floor((k + bytes.length) / 3) * 4;
    const stable = b64.slice(first, last);
    forms.add(stable);
    forms.add(stable.replaceAll("+", "-").replaceAll("/", "_"));
    if (k === 0) forms.add(b64).add(b64.replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_"));
  }
  return [...forms];
}

/** How a pass value appears in any message: its presence and length, never the value. */
export function redactedPass(value: unknown): string {
  if (typeof value === "string") return `<redacted: ${value.length} chars>`;
  return value === undefined ? "(absent)" : `<redacted: a ${value === null ? "null" : typeof value}>`;
}

/** A pass value in a recording: asterisks of the same length, so that replayed length checks still judge it. */
export const maskedPass = (value: string): string => "*".repeat(value.length);

export type PassMask = (value: string) => string;

export interface RedactOptions {
  /** How a string under a secret key is shown (default `redactedPass`; recordings use `maskedPass`). */
  mask?: PassMask | undefined;
  /** Every secret the run handled: masked by value wherever it appears. */
  secrets?: KnownSecrets | undefined;
  /** The text is already escaped as HTML or XML: markers are escaped the same way. */
  markup?: boolean | undefined;
}

function optionsOf(options: PassMask | RedactOptions | undefined, markup?: boolean): RedactOptions {
  const o = typeof options === "function" ? { mask: options } : (options ?? {});
  return markup === undefined ? o : { ...o, markup };
}

const alreadyMasked = (value: string) =>
  value === "" ||
  value.startsWith("<redacted") ||
  value.startsWith("&lt;redacted") ||
  value.startsWith("%3Credacted") ||
  /^\*+$/.test(value);

/** Tokens and secrets out of free text, in place: by value, by key, by pattern. */
function maskInPlace(text: string, o: RedactOptions): string {
  const mask = o.mask ?? redactedPass;
  const marker = (s: string) =>
    o.markup ? s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;") : s;
  let out = o.secrets ? o.secrets.mask(text, marker(valueMarker)) : text;
  if (out.length < 4) return out;
  if (out.includes("=")) {
    out = out.replace(queryParam, (all, lead: string, name: string, value: string) =>
      value !== "" && !alreadyMasked(value) && (secretQueryParams.test(name) || isSecretKey(name))
        ? `${lead}${name}=${marker(valueMarker)}`
        : all,
    );
  }
  if (out.includes("</")) {
    out = out.replace(xmlElement, (all, tag: string, local: string, attrs: string | undefined, content: string) =>
      content !== "" && !alreadyMasked(content) && isSecretKey(local)
        ? `<${tag}${attrs ?? ""}>${marker(mask(content))}</${tag}>`
        : all,
    );
  }
  out = byKey(out, (key, sep, quote, quoted, bare) => {
    const value = quoted ?? bare ?? "";
    const kept = alreadyMasked(value) || (bare !== undefined && /^(null|true|false)$/.test(bare));
    return `${key}${sep}${quote ?? ""}${kept ? value : marker(mask(value))}`;
  });
  return out
    .replace(tokenRun, (run) => (run.includes("eyJ") ? jwtsIn(run, marker("<redacted token>")) : run))
    .replace(bearer, `$1 ${marker("<redacted>")}`);
}

/** Runs of base64 long enough to hide a secret key and value, or a token. */
const base64Run = /[A-Za-z0-9+/_-]{24,}={0,2}/g;

/**
 * Whether a text, once its disguises are taken off (escapes decoded, base64 runs decoded), still
 * shows a secret that masking in place did not reach.
 */
function stillHolds(text: string, o: RedactOptions): boolean {
  const views: string[] = [];
  if (escaped.test(text)) views.push(decodedView(decodedView(text).view).view);
  for (const run of text.match(base64Run) ?? []) {
    const decoded = Buffer.from(run.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("utf8");
    if (/^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(decoded)) views.push(decoded);
  }
  return views.some((view) => maskInPlace(view, { ...o, markup: false }) !== view);
}

/**
 * Tokens and secrets out of free text (a message, a body that is not JSON). `markup` escapes the
 * markers for a text already escaped as HTML or XML. A plain text that still holds a secret
 * once its escapes are decoded (an escaped key, percent-encoded or base64 JSON) is withheld
 * whole: what cannot be masked in place is not shown.
 */
export function redactText(text: string, options?: PassMask | RedactOptions, markup?: boolean): string {
  const o = optionsOf(options, markup);
  const out = maskInPlace(text, o);
  if (o.markup || out.length < 8 || !stillHolds(out, o)) return out;
  return `<redacted: ${text.length} characters that hold a secret in an encoded form>`;
}

/**
 * A value under a secret key, masked whatever its type: strings by `mask`, numbers as a marker
 * (`keepTypes`: as 0, so a replayed schema check still sees a number), arrays and objects leaf
 * by leaf; `null` and booleans stay (they hold nothing).
 */
function maskSecretValue(value: unknown, o: RedactOptions, keepTypes: boolean, depth: number): unknown {
  if (typeof value === "string") return alreadyMasked(value) ? value : (o.mask ?? redactedPass)(value);
  if (typeof value === "number" || typeof value === "bigint") return keepTypes ? 0 : redactedPass(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxRedactDepth) return tooDeep;
  if (Array.isArray(value)) return value.map((v) => maskSecretValue(v, o, keepTypes, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactText(k, o)] = maskSecretValue(v, o, keepTypes, depth + 1);
  return out;
}

/**
 * A parsed value with every value under a secret key masked (whatever its type) and every other
 * string redacted as text; deeper than `maxRedactDepth` the value is replaced. The result is
 * plain JSON data: written out, it is valid JSON. Recursive only up to the depth cap.
 */
export function redactValue(value: unknown, options?: PassMask | RedactOptions, depth = 0): unknown {
  const o = optionsOf(options);
  return walk(value, o, o.mask === maskedPass, depth, new Map());
}

/** `seen`: an object met twice (a sample shared by several violations) is redacted once and stays shared. */
function walk(
  value: unknown,
  o: RedactOptions,
  keepTypes: boolean,
  depth: number,
  seen: Map<object, unknown>,
): unknown {
  if (typeof value === "string") return redactText(value, o);
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxRedactDepth) return tooDeep;
  const known = seen.get(value);
  if (known !== undefined) return known;
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => walk(v, o, keepTypes, depth + 1, seen));
  else {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = redactText(k, o);
      copy[key] = isSecretKey(k) ? maskSecretValue(v, o, keepTypes, depth + 1) : walk(v, o, keepTypes, depth + 1, seen);
    }
    out = copy;
  }
  seen.set(value, out);
  return out;
}

/** Headers that carry credentials: their values are never kept, whatever their form. */
const credentialHeaders =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-token-.*|x-functions-key|x-ms-client-secret|ocp-apim-subscription-key)$/i;
/** Words in a header name that say it holds a credential (`x-api-key`, `x-auth-token`, `x-ms-client-secret`). */
const credentialWords =
  /(^|[-_])(key|apikey|token|secret|password|passcode|signature|sig|cookie|session|credentials?|auth)([-_]|$)/i;

function isCredentialHeader(name: string): boolean {
  return (
    credentialHeaders.test(name) ||
    (credentialWords.test(name) && !/^www-authenticate$/i.test(name)) ||
    isSecretKey(name)
  );
}

/** An auth scheme word (`Bearer`, `Basic`) tells what was sent without being secret. */
const scheme = /^([A-Za-z][A-Za-z0-9_-]{0,19})\s+\S/;

/**
 * Headers as any writer keeps them: credential headers replaced whole, whatever the value's form
 * (`keepScheme`: but for an auth scheme word), the rest redacted as text.
 */
export function redactHeaders(
  headers: Record<string, string>,
  keepScheme: boolean | RedactOptions = false,
  options?: RedactOptions,
): Record<string, string> {
  const o = typeof keepScheme === "object" ? keepScheme : (options ?? {});
  const keep = typeof keepScheme === "boolean" ? keepScheme : false;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const auth = keep && /authorization$/i.test(name) ? scheme.exec(value) : null;
    out[redactText(name, o)] = isCredentialHeader(name)
      ? auth
        ? `${auth[1]} <redacted>`
        : "<redacted>"
      : redactText(value, o);
  }
  return out;
}

/**
 * The secrets an exchange shows the run: the bearer token it sent (or a recording holds) and a
 * passcode a Create returned. The caller adds them to its `KnownSecrets` before writing anything.
 */
export function learnSecrets(
  exchange: { request: { headers: Record<string, string> }; response: { body?: unknown } },
  secrets: KnownSecrets,
): void {
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (!/authorization$/i.test(name)) continue;
    secrets.add(value.replace(/^\s*[A-Za-z][A-Za-z0-9_-]{0,19}\s+/, ""));
  }
  const body = exchange.response.body;
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const pass = (body as Record<string, unknown>).temporaryAccessPass;
    if (typeof pass === "string" && !/^\*+$/.test(pass)) secrets.add(pass);
  }
}
