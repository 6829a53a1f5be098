/**
 * Bounds on the work one recorded exchange may cost, so that no recording (hostile, or a
 * browser HAR full of large assets) can stall a replay or exhaust its memory. An entry over a
 * bound is skipped and counted in the report (`recording.skipped`, with the first one named),
 * not judged: a TAP exchange is a few hundred bytes, 4 levels deep, with a short URL.
 */

export const replayLimits = {
  /** Bytes of one NDJSON line, or (approximately, as characters) of one HAR entry. */
  maxEntryBytes: 1024 * 1024,
  /** Characters of a request URL. */
  maxUrlLength: 16 * 1024,
  /** Segments of a request URL's path. */
  maxPathSegments: 64,
  /** Nesting of arrays and objects in an entry. */
  maxDepth: 64,
} as const;

export const limitsHelp =
  `an entry over ${replayLimits.maxEntryBytes / 1024 / 1024} MiB, a URL over ${replayLimits.maxUrlLength / 1024} ` +
  `Ki characters ` +
  `or ${replayLimits.maxPathSegments} path segments, or nesting deeper than ${replayLimits.maxDepth} levels`;

/**
 * Why an already parsed entry is over a bound, or undefined. Recursive, but never deeper than
 * `maxDepth` frames; children are visited last first, and the size is checked after each value.
 */
export function entryOverLimit(value: unknown): string | undefined {
  const walk = { size: 0 };
  return overLimit(value, 0, walk);
}

function overLimit(node: unknown, depth: number, walk: { size: number }): string | undefined {
  if (typeof node === "string") walk.size += node.length + 2;
  else if (node !== null && typeof node === "object") {
    if (depth >= replayLimits.maxDepth) return `nested deeper than ${replayLimits.maxDepth} levels`;
    walk.size += 2;
    if (Array.isArray(node)) {
      if (walk.size > replayLimits.maxEntryBytes) return `larger than ${replayLimits.maxEntryBytes} bytes`;
      for (let i = node.length - 1; i >= 0; i--) {
        const over = overLimit(node[i], depth + 1, walk);
        if (over) return over;
      }
      return undefined;
    }
    const keys = Object.keys(node);
    for (const key of keys) walk.size += key.length + 3;
    if (walk.size > replayLimits.maxEntryBytes) return `larger than ${replayLimits.maxEntryBytes} bytes`;
    for (let i = keys.length - 1; i >= 0; i--) {
      const over = overLimit((node as Record<string, unknown>)[keys[i]!], depth + 1, walk);
      if (over) return over;
    }
    return undefined;
  } else walk.size += 5;
  return walk.size > replayLimits.maxEntryBytes ? `larger than ${replayLimits.maxEntryBytes} bytes` : undefined;
}

/** Why a request URL is over a bound, or undefined. */
export function urlOverLimit(url: string): string | undefined {
  if (url.length > replayLimits.maxUrlLength)
    return `a URL of ${url.length} characters, over ${replayLimits.maxUrlLength}`;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  let segments = 0;
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    if (++segments > replayLimits.maxPathSegments + 3)
      return `a URL path of more than ${replayLimits.maxPathSegments} segments`;
  }
  return undefined;
}
