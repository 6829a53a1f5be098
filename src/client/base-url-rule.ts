/**
 * The one rule for where a bearer token may be sent: https, or plain http to a loopback host
 * (the mock, a local proxy), and never to a URL that carries credentials of its own. The
 * typed client and the conformance runner's live target both apply it.
 */

const loopbackHost = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export type BaseUrlProblem =
  | { kind: "credentials"; message: string }
  | { kind: "scheme"; message: string }
  | { kind: "plain-http"; message: string };

/**
 * Why a token must not be sent to this URL, or undefined when it may. A message never repeats
 * the URL, so a caller can print it beside a shown URL, or alone when the URL holds a secret.
 */
export function bearerUrlProblem(url: URL): BaseUrlProblem | undefined {
  if (url.username || url.password) {
    return {
      kind: "credentials",
      message: "carries credentials (user:password@): expected a URL without them; tokens come from the environment",
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { kind: "scheme", message: `has the scheme ${url.protocol}: expected https` };
  if (url.protocol === "http:" && !loopbackHost.test(url.hostname)) {
    return {
      kind: "plain-http",
      message: "uses http to a non-loopback host: expected https (http only for 127.0.0.1, [::1] or localhost)",
    };
  }
  return undefined;
}
