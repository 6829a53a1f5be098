import { receivedExpected } from "../violation.js";
import { defineRule, none } from "../rule.js";

/** The media type without parameters, lower case. */
function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semi = value.indexOf(";");
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

const ASCII_WHITESPACE = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Whether `mediaType(value)` is one of `expected`, without building the lower-cased slice:
 * every response pays this check. Answers undefined when the media type part holds a non-ASCII
 * character, where trim() and toLowerCase() have Unicode rules of their own.
 */
function isExpectedAscii(value: string, expected: readonly string[]): boolean | undefined {
  const semi = value.indexOf(";");
  let end = semi === -1 ? value.length : semi;
  let start = 0;
  for (let i = 0; i < end; i++) if (value.charCodeAt(i) > 127) return undefined;
  while (start < end && ASCII_WHITESPACE(value.charCodeAt(start))) start++;
  while (end > start && ASCII_WHITESPACE(value.charCodeAt(end - 1))) end--;
  const length = end - start;
  outer: for (let k = 0; k < expected.length; k++) {
    const type = expected[k]!;
    if (type.length !== length) continue;
    for (let i = 0; i < length; i++) {
      let c = value.charCodeAt(start + i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== type.charCodeAt(i)) continue outer;
    }
    return true;
  }
  return false;
}

const defaultMediaTypes: readonly string[] = ["application/json"];

export default defineRule({
  id: "content-type",
  title: "Wrong content type",
  severity: "medium",
  stage: "transport",
  description:
    "A response with a body declares a media type the spec documents for that status (`application/json`; Graph " +
    "adds OData parameters such as `odata.metadata=minimal`, which are allowed). Clients choose their parser from " +
    "`Content-Type`, so a JSON body labelled `text/plain` breaks them even when the bytes are right.",
  appliesTo(ctx) {
    return ctx.bodyState !== "absent" || ctx.documented.mediaTypes.length > 0;
  },
  run(ctx) {
    const documented = ctx.documented;
    const expected = documented.mediaTypes.length > 0 ? documented.mediaTypes : defaultMediaTypes;
    const header = ctx.headers["content-type"];
    if (header !== undefined && (isExpectedAscii(header, expected) ?? expected.includes(mediaType(header)!)))
      return none;
    const received = mediaType(header);
    if (received === undefined && ctx.bodyState === "absent" && documented.mediaTypes.length === 0) return none;
    return [
      {
        message: receivedExpected(
          received === undefined ? "no Content-Type header" : `Content-Type ${JSON.stringify(header)}`,
          `Content-Type ${expected.join(" or ")}`,
        ),
      },
    ];
  },
});
