// Run in a child process (so that NODE_EXTRA_CA_CERTS can trust the mock's self-signed
// certificate): the README's app-credential example, with @azure/identity as users have it.
// argv: graph base URL, authority host (the mock's origin), tenant id, client id, client secret.
import { ClientSecretCredential } from "@azure/identity";
import { createTapClient, unwrap } from "../../../src/index.js";

const [graphUrl, authorityHost, tenantId, clientId, clientSecret] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const credential = new ClientSecretCredential(tenantId, clientId, clientSecret, {
  authorityHost,
  disableInstanceDiscovery: true,
});
const tap = createTapClient({ baseUrl: graphUrl, credential });
const user = process.argv[7] ?? "nestor@contoso.onmicrosoft.com";
const created = await unwrap(tap.create({ user, body: { lifetimeInMinutes: 60 } }));
const listed = await unwrap(tap.list({ user }));
process.stdout.write(
  JSON.stringify({
    passLength: created.temporaryAccessPass?.length,
    listed: listed.value.map((m) => m.id === created.id),
  }),
);
