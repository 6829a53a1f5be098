/**
 * The last line of defence before anything is written: bearer tokens and JWTs are replaced
 * wherever they appear. (Pass values never reach a report: the rules render them by length.)
 */
const jwt = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const bearer = /\b(Bearer)\s+(?!<redacted>)[A-Za-z0-9._~+/=-]+/gi;

export function redact(text: string): string {
  return text.replace(jwt, "<redacted token>").replace(bearer, "$1 <redacted>");
}
