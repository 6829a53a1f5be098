/**
 * The page of cors.test.ts, bundled for the browser: this package's client, served from one
 * origin, calling the mock on another. Its inputs come in the URL fragment; its findings go to
 * `window.tapResult` for the test to read.
 */
import { createTapClient, type TapClient } from "../../../src/index.js";

interface Inputs {
  graphUrl: string;
  adminToken: string;
  readerToken: string;
  user: string;
}

async function run(inputs: Inputs): Promise<Record<string, unknown>> {
  const violations: string[] = [];
  const client: TapClient = createTapClient({
    baseUrl: inputs.graphUrl,
    credential: inputs.adminToken,
    contract: { onViolation: (found) => violations.push(...found.map((v) => v.check)) },
  });
  const created = await client.create({ user: inputs.user, body: { lifetimeInMinutes: 60 } });
  if (!created.data) return { failed: "create", error: created.error?.error };
  const listed = await client.list({ user: inputs.user });
  const got = await client.get({ user: inputs.user, id: created.data.id });
  const deleted = await client.delete({ user: inputs.user, id: created.data.id });
  const reader = createTapClient({ baseUrl: inputs.graphUrl, credential: inputs.readerToken, retry: false });
  const forbidden = await reader.create({ user: inputs.user, body: {} });
  return {
    created: { status: created.response.status, hasPasscode: typeof created.data.temporaryAccessPass === "string" },
    listedIds: listed.data?.value.map((p) => p.id),
    got: { id: got.data?.id, passcode: got.data?.temporaryAccessPass },
    createdId: created.data.id,
    deleted: deleted.response.status,
    forbidden: { status: forbidden.response.status, code: forbidden.error?.error.code },
    requestId: got.response.headers.get("request-id"),
    clientRequestId: got.response.headers.get("client-request-id"),
    forbiddenRequestId: forbidden.response.headers.get("request-id"),
    violations,
  };
}

const inputs = JSON.parse(decodeURIComponent(location.hash.slice(1))) as Inputs;
(window as unknown as { tapResult: Promise<unknown> }).tapResult = run(inputs).catch((err: unknown) => ({
  thrown: String(err),
}));
