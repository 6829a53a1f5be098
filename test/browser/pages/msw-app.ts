/**
 * The page of msw-worker.test.ts: app code that calls https://graph.microsoft.com/v1.0 through
 * this package's client, unchanged, while MSW's service worker answers from the mock's core
 * running in this page. Findings go to `window.tapResult`.
 */
import { setupWorker } from "msw/browser";
import { createTapClient } from "../../../src/index.js";
import { createTapHandlers } from "../../../src/msw/index.js";

async function run(): Promise<Record<string, unknown>> {
  const { handlers, mock } = createTapHandlers();
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });
  const admin = mock.fixtures.apps.find((a) => a.name === "tap-admin-app")!;
  const user = mock.fixtures.users.find((u) => u.name === "nestor")!.id;
  // The token comes from the identity platform's real host, answered by the same handlers.
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: admin.clientId,
    client_secret: mock.fixtures.clientSecret,
    scope: "https://graph.microsoft.com/.default",
  });
  const tokenResponse = await fetch(
    `https://login.microsoftonline.com/${mock.fixtures.tenant.domain}/oauth2/v2.0/token`,
    { method: "POST", body: form },
  );
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const client = createTapClient({ credential: token });
  const created = await client.create({ user, body: { lifetimeInMinutes: 60 } });
  const listed = await client.list({ user });
  const got = await client.get({ user, id: created.data?.id ?? "" });
  const deleted = await client.delete({ user, id: created.data?.id ?? "" });
  const after = await client.list({ user });
  return {
    baseUrl: client.baseUrl,
    tokenStatus: tokenResponse.status,
    created: created.response.status,
    odataContext: got.data?.["@odata.context" as keyof typeof got.data],
    listed: listed.data?.value.map((p) => p.id),
    createdId: created.data?.id,
    got: got.data?.id,
    deleted: deleted.response.status,
    after: after.data?.value.length,
    requestId: got.response.headers.get("request-id"),
  };
}

(window as unknown as { tapResult: Promise<unknown> }).tapResult = run().catch((err: unknown) => ({
  thrown: String(err),
}));
