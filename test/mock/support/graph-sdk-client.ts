/**
 * Run by graph-sdk.test.ts in a child process (so NODE_EXTRA_CA_CERTS can trust the mock's
 * self-signed certificate): Microsoft's own Graph client, unchanged, pointed at the mock.
 * Prints one JSON line with what it read and the error it got.
 */
import { Client, GraphError } from "@microsoft/microsoft-graph-client";

const { MOCK_URL, MOCK_TOKEN, USER_ID, METHOD_ID, MISSING_ID } = process.env;
const client = Client.init({
  authProvider: (done) => done(null, MOCK_TOKEN!),
  baseUrl: `${MOCK_URL}/`,
  defaultVersion: "v1.0",
  customHosts: new Set([new URL(MOCK_URL!).hostname]),
});

const base = `/users/${USER_ID}/authentication/temporaryAccessPassMethods`;
const read = (await client.api(`${base}/${METHOD_ID}`).get()) as Record<string, unknown>;
const listed = (await client.api(base).select("id,methodUsabilityReason").get()) as { value: unknown[] };
let error: Record<string, unknown> | undefined;
try {
  await client.api(`${base}/${MISSING_ID}`).get();
} catch (err) {
  const e = err as GraphError;
  error = {
    isGraphError: err instanceof GraphError,
    statusCode: e.statusCode,
    code: e.code,
    message: e.message,
    requestId: e.requestId,
  };
}
console.log(JSON.stringify({ read, listed, error }));
