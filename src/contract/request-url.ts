/** Cheap splitting of a request URL, without `new URL()` (rules run per exchange, and fast). */
export interface RequestUrlParts {
  /** `scheme://host[:port]` as sent. */
  origin: string;
  /** The raw, still percent-encoded path. */
  path: string;
  /** The raw query without `?`, or "". */
  query: string;
}

export function splitRequestUrl(url: string): RequestUrlParts {
  const scheme = url.indexOf("://");
  const pathStart = scheme === -1 ? 0 : url.indexOf("/", scheme + 3);
  const hash = url.indexOf("#");
  const end = hash === -1 ? url.length : hash;
  if (pathStart === -1) return { origin: url.slice(0, end), path: "/", query: "" };
  const q = url.indexOf("?", pathStart);
  const pathEnd = q === -1 || q > end ? end : q;
  return {
    origin: url.slice(0, pathStart),
    path: url.slice(pathStart, pathEnd),
    query: q === -1 || q > end ? "" : url.slice(q + 1, end),
  };
}

/** The properties a `$select` query option asks for, or undefined when there is none. */
export function selectedProperties(url: string): string[] | undefined {
  // One-character search first: a multi-character one costs as much as the rest of a passing Get check.
  if (url.indexOf("?") === -1 || !url.includes("select=")) return undefined;
  const { query } = splitRequestUrl(url);
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const name = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
    if (name === "$select" || name === "select") {
      return safeDecode(pair.slice(eq + 1))
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}
