/**
 * Escaping per medium. Reports carry strings a server or a recording chose (an
 * `@odata.context`, a property name, a header), so nothing of theirs may act as a control
 * sequence of the medium: an ANSI escape on a terminal, a workflow command in a GitHub log,
 * a closing fence in Markdown, a character XML forbids. Unsafe characters are shown, not
 * dropped, as `\u{…}`, so a reader still sees that they were there.
 */

const visible = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`;

/**
 * C0 and C1 controls but tab and line feed, DEL, lone surrogates, and the bidirectional
 * overrides and isolates that reorder what a terminal shows ("Trojan Source").
 */
const terminalUnsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Cs}/gu;

/**
 * A line that a CI log would run as a command (GitHub's `::cmd::`, Azure Pipelines' `##[` /
 * `##vso[`), after the blanks a runner trims. Blanks, not `\s`: `\s` spans line breaks, and a
 * scan from every line start over a run of them would be quadratic.
 */
const commandLine = /^([ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*)(::|##)/gm;

/** Text for a terminal or a CI log: controls shown as `\u{…}`, and no line can start a workflow command. */
export function terminalText(text: string): string {
  return text.replace(terminalUnsafe, visible).replace(commandLine, "$1\\$2");
}

/** C0 and C1 controls but tab, line feed and carriage return, DEL, and lone surrogates. */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/gu;

/** Text for a page or document: control characters (an ANSI escape) shown as `\u{…}`, never passed on raw. */
export function controlsShown(text: string): string {
  return text.replace(controls, visible);
}

/** Characters XML 1.0 does not allow anywhere, not even escaped. */
const xmlForbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text that an XML builder can escape into a well-formed document: forbidden characters shown as `\u{…}`. */
export function xmlText(text: string): string {
  return text.replace(xmlForbidden, visible);
}

/** A fence longer than any run of backticks in the text, so that no line of it can close the block. */
export function markdownFence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(3, longest + 1));
}

/** Text for one Markdown table cell or inline run: no markup, links, HTML or line breaks of its own. */
export function markdownInline(text: string): string {
  return terminalText(text)
    .replace(/[\\`*_[\]{}()#+!|~>]/g, "\\$&")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replace(/\r?\n/g, "<br>");
}
