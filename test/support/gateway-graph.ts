/**
 * A faithful Graph look-alike behind a gateway, run as its own process: the mock, reached only
 * through a reverse proxy on another port that rewrites every `@odata.context` to Graph's own
 * root, as Graph answers when a call reaches it through an API gateway. With `--new-reason X`
 * it also reports `DisabledByPolicy` as `X`, a reason Microsoft might add tomorrow (isUsable
 * stays false, as for every reason but EnabledByPolicy).
 *
 * With `--megan-lifetime N` Megan's pass has a lifetime of N minutes (the tenant's policy stays
 * 60..480), and with `--no-policy-permission` no token it hands out may read the policy.
 *
 * Prints one JSON line, `{ graphUrl, tokens }`, then serves until SIGTERM. Loopback only.
 */
import { createServer, request as httpRequest } from "node:http";
import { defaultFixtures, startMockGraph } from "../../src/mock/index.js";

const graphRoot = "https://graph.microsoft.com";
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const newReason = flag("--new-reason");
const meganLifetime = flag("--megan-lifetime");
const noPolicyPermission = process.argv.includes("--no-policy-permission");

const fixtures = {
  ...defaultFixtures,
  users: defaultFixtures.users.map((u) =>
    u.name === "megan" && u.tap && meganLifetime
      ? { ...u, tap: { ...u.tap, lifetimeInMinutes: Number(meganLifetime) } }
      : u,
  ),
};
const mock = await startMockGraph({ port: 0, host: "127.0.0.1", fixtures });
const upstream = new URL(mock.graphUrl);

function rewrite(text: string): string {
  let out = text.replaceAll(`"${upstream.origin}/`, `"${graphRoot}/`);
  if (newReason)
    out = out.replaceAll(
      '"methodUsabilityReason":"DisabledByPolicy"',
      `"methodUsabilityReason":${JSON.stringify(newReason)}`,
    );
  return out;
}

const proxy = createServer((req, res) => {
  const headers = { ...req.headers, host: upstream.host };
  const forward = httpRequest(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => {
        const raw = Buffer.concat(chunks);
        const json = /json/.test(String(answer.headers["content-type"] ?? ""));
        const body = json ? Buffer.from(rewrite(raw.toString("utf8"))) : raw;
        const out = { ...answer.headers, "content-length": String(body.byteLength) };
        delete out["transfer-encoding"];
        res.writeHead(answer.statusCode ?? 502, out);
        res.end(body);
      });
    },
  );
  forward.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});

await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const port = (proxy.address() as { port: number }).port;

const tokens = {
  GRAPH_TOKEN_APP: await mock.issueToken({
    app: "00000000-0000-0000-0000-00000000a11c",
    ...(noPolicyPermission ? { roles: defaultFixtures.apps[0]!.roles.filter((r) => !r.startsWith("Policy.")) } : {}),
  }),
  GRAPH_TOKEN_SELF: await mock.issueToken({ user: "nestor" }),
  GRAPH_TOKEN_ADMIN: await mock.issueToken({ user: "adele" }),
  GRAPH_TOKEN_EXPIRED: await mock.issueToken({ user: "megan", expiresInSeconds: -3600 }),
};
process.stdout.write(`${JSON.stringify({ graphUrl: `http://127.0.0.1:${port}/v1.0`, tokens })}\n`);

process.on("SIGTERM", () => {
  proxy.close();
  void mock.close().then(() => process.exit(0));
});
