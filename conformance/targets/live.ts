/**
 * A live Graph (or any Graph-compatible service) as a target: the base URL and cloud from
 * flags, tokens from the environment (named bearer tokens, or client credentials through
 * @azure/identity), read-only unless writes are allowed for a named test user.
 */
import { GUID } from "../../src/http/guid.js";
import { UsageError, UserError } from "../../src/errors.js";
import { bearerUrlProblem } from "../../src/client/base-url-rule.js";
import { betaApi, clouds, tapCloud } from "../../src/spec/clouds.js";
import type { CloudId } from "../../src/spec/index.js";
import type { CheckExchangeOptions } from "../../src/contract/index.js";
import { KnownSecrets, redactText } from "../../src/contract/redact.js";
import type { PreflightToken, Target } from "./target.js";
import {
  describeSpec,
  principalOf,
  satisfies,
  unknownRolesReason,
  type TokenGrant,
  type TokenPrincipal,
  type TokenSource,
  type TokenSpec,
} from "./tokens.js";

export const tokenEnvPrefix = "GRAPH_TOKEN_";

/** What a live run needs to judge anything, named in the one line of a run that judged nothing. */
export const missingTokensHint =
  `Set ${tokenEnvPrefix}APP, ${tokenEnvPrefix}SELF or ${tokenEnvPrefix}ADMIN (any ` +
  `${tokenEnvPrefix}* name), or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, and give --user ids to ` +
  `read`;

export interface LiveTargetOptions {
  url: string;
  cloud?: string;
  env: Record<string, string | undefined>;
  users: string[];
  methods: string[];
  testUser?: string;
  allowWrites: boolean;
  exchangeOptions: CheckExchangeOptions;
  /** Receives every token and client secret read from the environment. */
  secrets?: KnownSecrets;
}

interface PooledToken {
  label: string;
  token: string;
  principal: TokenPrincipal;
}

class PoolTokens implements TokenSource {
  constructor(
    private readonly pool: readonly PooledToken[],
    private readonly names: Readonly<Record<string, string>>,
  ) {}
  async obtain(spec: TokenSpec): Promise<TokenGrant> {
    const now = Date.now() / 1000;
    const hit = this.pool.find((t) => satisfies(t.principal, spec, now));
    if (hit) return { token: hit.token, label: hit.label, objectId: hit.principal.objectId };
    const unknownRoles = unknownRolesReason(
      this.pool.map((t) => t.principal),
      spec,
      now,
    );
    if (unknownRoles) return { skip: unknownRoles };
    return {
      skip:
        `${describeSpec(spec, this.names)}, and none of the given tokens is one (${tokenEnvPrefix}* or AZURE_* ` +
        `variables)`,
    };
  }
}

/** The URL as it may be printed: anything before an `@` in the authority is masked. */
function shownUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1<credentials>@");
}

/**
 * A Graph v1.0 or beta root that may receive bearer tokens: the client's rule (https, or http to
 * a loopback host; no credentials in the URL), and a path ending in the version segment, as a
 * run against `/v1.0/users` would judge another API and report it as this one. Beta is judged
 * by the beta contract (the spec's `x-beta`).
 */
export function parseTargetUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--target: "${shownUrl(url)}" is not a URL: expected e.g. https://graph.microsoft.com/v1.0`);
  }
  const problem = bearerUrlProblem(parsed);
  if (problem?.kind === "credentials") throw new UsageError(`--target: the URL ${problem.message}`);
  if (problem) throw new UsageError(`--target: ${parsed.protocol}//${parsed.host} ${problem.message}`);
  if (parsed.search || parsed.hash) throw new UsageError("--target: expected a base URL without query or fragment");
  if (!/\/(v1\.0|beta)\/?$/.test(parsed.pathname)) {
    throw new UsageError(
      `--target: expected a Graph v1.0 or beta root (a path ending in /v1.0 or /beta, e.g. ` +
        `https://graph.microsoft.com/v1.0), got the path ${parsed.pathname}`,
    );
  }
  return parsed;
}

/** Beta is the Global cloud's only (spec decision 41): another cloud's Graph root with /beta is a usage error. */
function checkBetaCloud(url: URL, cloud: CloudId | undefined): void {
  if (!/\/beta\/?$/.test(url.pathname) || cloud === undefined || betaApi.clouds.includes(cloud)) return;
  throw new UsageError(
    `--target: the beta endpoint is documented for the ${betaApi.clouds.join(", ")} cloud only, not ${cloud}: ` +
      `expected a /v1.0 root`,
  );
}

/** The cloud: the flag if given (China refused), else the one whose Graph root the URL is on. */
function resolveCloud(
  url: URL,
  flag: string | undefined,
): { id: CloudId | undefined; graphRoot?: string; authority?: string } {
  const onRoot = (Object.keys(clouds) as CloudId[]).find((id) => new URL(clouds[id].graphRoot).host === url.host);
  if (flag !== undefined) {
    const cloud = tapCloud(flag);
    if (onRoot !== undefined && onRoot !== cloud.id) {
      throw new UsageError(
        `--cloud ${flag} does not match --target ${url.host}, which is the ${clouds[onRoot].name} (${onRoot})`,
      );
    }
    return { id: cloud.id, graphRoot: cloud.graphRoot, authority: cloud.authority };
  }
  if (onRoot !== undefined) {
    const cloud = tapCloud(onRoot);
    return { id: cloud.id, graphRoot: cloud.graphRoot, authority: cloud.authority };
  }
  return { id: undefined };
}

function envTokens(env: Record<string, string | undefined>): PooledToken[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(tokenEnvPrefix) && (env[name] ?? "").trim() !== "")
    .sort()
    .map((name) => {
      const token = env[name]!.trim().replace(/^Bearer\s+/i, "");
      // Refused before it is used: a CR or LF would split the header, and its tail would reach the console.
      if (/[\u0000-\u001f\u007f-\u009f\s]/.test(token))
        throw new UsageError(
          `${name}: the token holds a control character or space: expected one JWT on one line, without "Bearer "`,
        );
      const principal = principalOf(token);
      if (!principal)
        throw new UsageError(`${name}: not a JWT access token (expected the token Graph accepts, without "Bearer ")`);
      return { label: name, token, principal };
    });
}

async function azureToken(
  env: Record<string, string | undefined>,
  graphRoot: string,
  authority: string,
): Promise<PooledToken | undefined> {
  const tenant = env.AZURE_TENANT_ID;
  const client = env.AZURE_CLIENT_ID;
  const secret = env.AZURE_CLIENT_SECRET;
  if (!tenant && !client && !secret) return undefined;
  if (!tenant || !client || !secret) {
    throw new UsageError("AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET must be set together");
  }
  let identity: typeof import("@azure/identity");
  try {
    identity = await import("@azure/identity");
  } catch {
    throw new UserError(
      "AZURE_* credentials need @azure/identity, which is not installed: run `npm install @azure/identity` or give " +
        "tokens in GRAPH_TOKEN_*",
    );
  }
  try {
    const credential = new identity.ClientSecretCredential(tenant, client, secret, { authorityHost: authority });
    const result = await credential.getToken(`${graphRoot}/.default`);
    const principal = principalOf(result.token);
    if (!principal) throw new Error("the token is not a JWT");
    return { label: "AZURE_CLIENT_ID (client credentials)", token: result.token, principal };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    // The endpoint may echo what it was sent: the secret is masked by value as well as by pattern.
    const sent = new KnownSecrets();
    sent.add(secret);
    throw new UserError(
      `could not get a token for ${client} from ${authority}: ${redactText(first, { secrets: sent })}`,
    );
  }
}

/**
 * The tokens the README names for a role: an expired one of these is a mistake, not an `rejects-expired-token` probe.
 */
const roleTokenNames = new Set(["APP", "SELF", "ADMIN"].map((n) => `${tokenEnvPrefix}${n}`));

function preflightToken(t: PooledToken, nowSec: number): PreflightToken {
  const expired = t.principal.exp !== undefined && t.principal.exp <= nowSec;
  return {
    label: t.label,
    token: t.token,
    ...(t.principal.exp !== undefined ? { exp: t.principal.exp } : {}),
    ...(t.principal.audience !== undefined ? { audience: t.principal.audience } : {}),
    meantExpired: expired && !roleTokenNames.has(t.label),
  };
}

export async function liveTarget(options: LiveTargetOptions): Promise<Target> {
  const url = parseTargetUrl(options.url);
  const cloud = resolveCloud(url, options.cloud);
  if (options.methods.length > 0 && options.users.length === 0)
    throw new UsageError("--method needs --user: a pass id is read as a pass of the first --user");
  for (const method of options.methods) {
    if (!GUID.test(method))
      throw new UsageError(`--method ${JSON.stringify(method)}: expected a pass id (a GUID, as List shows it)`);
  }
  checkBetaCloud(url, cloud.id);
  if (options.allowWrites && !options.testUser)
    throw new UsageError("--allow-writes needs --test-user ID: the one user passes may be created and deleted for");
  if (options.testUser && !options.allowWrites) throw new UsageError("--test-user is only used with --allow-writes");
  for (const name of Object.keys(options.env))
    if (name.startsWith(tokenEnvPrefix) || name === "AZURE_CLIENT_SECRET") options.secrets?.add(options.env[name]);
  const pool = envTokens(options.env);
  if (cloud.graphRoot && cloud.authority) {
    const azure = await azureToken(options.env, cloud.graphRoot, cloud.authority);
    if (azure) {
      options.secrets?.add(azure.token);
      pool.push(azure);
    }
  } else if (options.env.AZURE_CLIENT_ID) {
    throw new UsageError("AZURE_* credentials need a national cloud: give --cloud, or a --target on a Graph root");
  }
  if (pool.length === 0) throw new UserError(`nothing to check: no token given. ${missingTokensHint}`);
  const now = Date.now() / 1000;
  const delegated = pool.filter(
    (t) => t.principal.type === "delegatedWork" && (t.principal.exp ?? Infinity) > now && t.principal.objectId,
  );
  const self = delegated.find((t) => t.label === `${tokenEnvPrefix}SELF`) ?? delegated[0];
  const graphUrl = url.href.replace(/\/+$/, "");
  const [firstUser] = options.users;
  const names: Record<string, string> = {};
  for (const t of pool) if (t.principal.objectId && t.principal.upn) names[t.principal.objectId] = t.principal.upn;
  return {
    description: {
      kind: "live",
      location: graphUrl,
      ...(cloud.id ? { cloud: cloud.id } : {}),
      readOnly: !options.allowWrites,
    },
    graphUrl,
    tokens: new PoolTokens(pool, names),
    subjects: {
      readUsers: options.users,
      methodIds: firstUser !== undefined && options.methods.length > 0 ? { [firstUser]: options.methods } : {},
      ...(self?.principal.objectId ? { selfUser: self.principal.objectId } : {}),
      ...(options.testUser ? { writeUser: options.testUser } : {}),
      names,
    },
    preflightTokens: pool.map((t) => preflightToken(t, now)),
    ...(cloud.graphRoot ? { graphRoot: cloud.graphRoot } : {}),
    allowWrites: options.allowWrites,
    exchangeOptions: options.exchangeOptions,
    close: async () => undefined,
  };
}
