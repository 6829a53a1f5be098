/**
 * Run by graph-sdk.test.ts in a child process (NODE_EXTRA_CA_CERTS trusts the mock's certificate):
 * Microsoft's own Graph client, unchanged, reads the tenant's TAP policy, PATCHes it, reads it
 * back (also by the key form), and gets a refused PATCH as its GraphError. Prints one JSON line.
 */
import { Client, GraphError } from "@microsoft/microsoft-graph-client";

const { MOCK_URL, MOCK_TOKEN } = process.env;
const client = Client.init({
  authProvider: (done) => done(null, MOCK_TOKEN!),
  baseUrl: `${MOCK_URL}/`,
  defaultVersion: "v1.0",
  customHosts: new Set([new URL(MOCK_URL!).hostname]),
});

const path = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const type = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";
const before = (await client.api(path).get()) as Record<string, unknown>;
const patched = (await client
  .api(path)
  .patch({ "@odata.type": type, isUsableOnce: true, maximumLifetimeInMinutes: 240 })) as unknown;
const after = (await client
  .api("/policies/authenticationMethodsPolicy/authenticationMethodConfigurations('TemporaryAccessPass')")
  .get()) as Record<string, unknown>;
let error: Record<string, unknown> | undefined;
try {
  await client.api(path).patch({ "@odata.type": type, minimumLifetimeInMinutes: 600 });
} catch (err) {
  const e = err as GraphError;
  error = { isGraphError: err instanceof GraphError, statusCode: e.statusCode, code: e.code, message: e.message };
}
console.log(JSON.stringify({ before, patched: patched ?? null, after, error }));
