/** `tap-contract token`: mint an access token from a running mock for a fixture principal. */
import { parseArgs } from "node:util";
import { joinDashValues, usageFromParseError } from "../common-options.js";
import { UsageError, UserError, describeSystemError } from "../../../src/errors.js";
import { defaultFixtures, publicClientId } from "../../../src/mock/index.js";
import type { Command } from "../command.js";
import { helpFlag, renderFlags, type FlagTable } from "../flags.js";
import { KnownSecrets, redactText } from "../../../src/contract/redact.js";
import { terminalText } from "../../reporters/escape.js";

/** A token answer is a few KiB; anything larger is not a token endpoint's. */
const maxAnswerBytes = 64 * 1024;

/** The body of an answer, or a one-line error once it exceeds `max` bytes (read no further). */
async function boundedText(res: Response, max: number, where: string): Promise<string> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    throw new UserError(
      `${where} answered with ${declared} bytes, more than a token answer's ${max}: is that a tap mock?`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new UserError(
          `${where} answered with more than ${max} bytes, more than a token answer: is that a tap mock?`,
        );
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Every flag `token` parses; its help is rendered from the same table. */
const tokenFlags = {
  url: {
    type: "string",
    value: "URL",
    description: "the mock's origin, e.g. http://127.0.0.1:8080 (as `tap-contract mock` prints it)",
  },
  user: {
    type: "string",
    value: "NAME",
    description: "a fixture user (adele, megan, ... or a UPN): password grant, delegated token",
  },
  scopes: {
    type: "string",
    value: "LIST",
    defaultText: ".default = every TAP scope",
    description: "delegated scopes, comma or space separated",
  },
  app: {
    type: "string",
    value: "CLIENT_ID",
    description: "a fixture app's client id: client credentials grant, application token",
  },
  tenant: {
    type: "string",
    value: "TENANT",
    default: defaultFixtures.tenant.domain,
    description: "tenant id or domain",
  },
  password: {
    type: "string",
    value: "PW",
    default: defaultFixtures.password,
    defaultText: `the fixture tenant's, ${defaultFixtures.password}`,
    description: "the user's password",
  },
  secret: {
    type: "string",
    value: "SECRET",
    default: defaultFixtures.clientSecret,
    defaultText: `the fixture tenant's, ${defaultFixtures.clientSecret}`,
    description: "the app's client secret",
  },
  "expires-in": {
    type: "string",
    value: "SECONDS",
    defaultText: "3600",
    description: "the token's lifetime; negative for a token that has already expired (for rejects-expired-token)",
  },
  help: { ...helpFlag.help, description: "this text" },
} as const satisfies FlagTable;

const help = `Usage: tap-contract token --url URL (--user NAME [--scopes LIST] | --app CLIENT_ID) [--expires-in SECONDS]

Ask a running mock (\`tap-contract mock\`) for an access token and print it on stdout.

Options:
${renderFlags(tokenFlags)}

The request carries a password or client secret, so redirects are never followed (a 3xx is an
error) and the answer is read up to ${maxAnswerBytes / 1024} KiB.

Exit codes: 0 printed a token, 2 bad flags, unreachable mock, refused credentials, a redirect
or an oversized answer.`;

export interface TokenArgs {
  url: URL;
  tenant: string;
  form: URLSearchParams;
}

/** The token request from command-line arguments (pure, for tests). */
export function parseTokenArgs(argv: string[]): TokenArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinDashValues(argv, tokenFlags),
      strict: true,
      allowPositionals: false,
      options: tokenFlags,
    }));
  } catch (err) {
    usageFromParseError(err, "token");
  }
  if (values.url === undefined)
    throw new UsageError("--url is required: the mock's origin, e.g. http://127.0.0.1:8080");
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url must be an http(s) URL such as http://127.0.0.1:8080, got "${values.url}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--url must be http or https, got "${url.protocol}"`);
  if ((values.user === undefined) === (values.app === undefined))
    throw new UsageError("give exactly one of --user NAME or --app CLIENT_ID");
  const { tenant } = values;
  const form = new URLSearchParams();
  if (values.user !== undefined) {
    const user = values.user.includes("@")
      ? values.user
      : `${values.user}@${tenant.includes(".") ? tenant : defaultFixtures.tenant.domain}`;
    const scopes = (values.scopes ?? "https://graph.microsoft.com/.default").split(/[\s,]+/).filter((s) => s !== "");
    if (scopes.length === 0) throw new UsageError("--scopes is empty: give at least one scope");
    form.set("grant_type", "password");
    form.set("client_id", publicClientId);
    form.set("username", user);
    form.set("password", values.password);
    form.set("scope", scopes.join(" "));
  } else {
    if (values.scopes !== undefined)
      throw new UsageError("--scopes applies to --user only: an app gets the permissions granted to it");
    form.set("grant_type", "client_credentials");
    form.set("client_id", values.app!);
    form.set("client_secret", values.secret);
    form.set("scope", "https://graph.microsoft.com/.default");
  }
  if (values["expires-in"] !== undefined) {
    const seconds = Number(values["expires-in"]);
    if (!/^-?\d+$/.test(values["expires-in"].trim()) || seconds === 0 || Math.abs(seconds) > 86_400)
      throw new UsageError(
        `--expires-in: expected whole seconds from -86400 to 86400, not 0 (negative: already expired), got ` +
          `"${values["expires-in"]}"`,
      );
    form.set("mock_expires_in", String(seconds));
  }
  return { url, tenant, form };
}

export const tokenCommand: Command = {
  name: "token",
  summary: "mint an access token from a running mock for a fixture user or app",
  help,
  flags: tokenFlags,
  async run(argv) {
    const { url, tenant, form } = parseTokenArgs(argv);
    const endpoint = new URL(`/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, url);
    let res: Response;
    try {
      // Never follow a redirect: it would carry the password or client secret to wherever it points.
      res = await fetch(endpoint, {
        method: "POST",
        body: form,
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const cause =
        e.name === "TimeoutError" ? "no answer within 10 s" : e.cause ? describeSystemError(e.cause) : e.message;
      throw new UserError(
        `cannot reach the mock at ${endpoint.origin}: ${cause}; is \`tap-contract mock\` running there?`,
      );
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      throw new UserError(
        `${endpoint.origin} answered the token request with a redirect (HTTP ${res.status}); not followed, since ` +
          `the request carries credentials: give the mock's own origin in --url`,
      );
    }
    const text = await boundedText(res, maxAnswerBytes, endpoint.origin);
    let body: { access_token?: string; error?: string; error_description?: string };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new UserError(`${endpoint.href} answered ${res.status} with a body that is not JSON: is that a tap mock?`);
    }
    if (!res.ok || typeof body.access_token !== "string") {
      // The endpoint may echo what it was sent, in any form: the password or secret is masked by value.
      const sent = new KnownSecrets();
      sent.add(form.get("password"));
      sent.add(form.get("client_secret"));
      // Masked before it is cut: a cut secret would no longer be recognised.
      const shown = (value: unknown, max: number) =>
        redactText(String(value).replace(/\s+/g, " "), { secrets: sent }).slice(0, max);
      const why = String(body.error_description ?? `HTTP ${res.status}`).split(" Trace ID:")[0];
      throw new UserError(
        terminalText(
          redactText(`the mock refused the token request: ${shown(body.error ?? "error", 100)}: ${shown(why, 300)}`, {
            secrets: sent,
          }),
        ),
      );
    }
    console.log(body.access_token);
    return 0;
  },
};

export default tokenCommand;
