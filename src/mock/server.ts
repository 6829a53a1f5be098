/** `startMockGraph()`: the core behind a real HTTP (or HTTPS) server on 127.0.0.1. */
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { UserError, describeSystemError } from "../errors.js";
import { createMockGraph, type MockGraphCore, type MockGraphOptions } from "./core.js";
import { envelopeFor, rawError } from "./http/envelope.js";
import { clientErrorListener, nodeListener } from "./http/node-adapter.js";

export interface StartOptions extends MockGraphOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve HTTPS with a generated self-signed certificate. */
  https?: boolean;
}

export interface MockGraph extends MockGraphCore {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `url + "/v1.0"`: the base URL to give Graph clients. */
  readonly graphUrl: string;
  /** `POST` here for tokens: `url/{tenant id}/oauth2/v2.0/token`. */
  readonly tokenUrl: string;
  /** `url/{tenant id}/discovery/v2.0/keys`. */
  readonly jwksUrl: string;
  /** With `https`: the PEM file of the self-signed certificate (a client's CA). */
  readonly certificatePath?: string;
  close(): Promise<void>;
}

export async function startMockGraph(options: StartOptions = {}): Promise<MockGraph> {
  const { port = 0, host = "127.0.0.1", https = false, ...coreOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`port must be an integer 0..65535, got ${port}`);
  const core = createMockGraph(coreOptions);
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let origin = "";
  const listener = nodeListener(core.handle, https ? "https" : "http", () => origin.replace(/^https?:\/\//, ""));
  const limits = { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 };
  let server: Server;
  let certificatePath: string | undefined;
  if (https) {
    // Loaded only for HTTPS: a plain HTTP mock (the usual one) never makes a certificate.
    const { selfSignedCertificate } = await import("./http/certificate.js");
    const tls = await selfSignedCertificate();
    certificatePath = tls.certPath;
    server = createHttpsServer({ key: tls.key, cert: tls.cert, ...limits }, listener) as unknown as Server;
  } else {
    server = createHttpServer(limits, listener);
  }
  server.on(
    "clientError",
    clientErrorListener((status, message) => {
      const env = envelopeFor({ method: "", origin: "", path: "", query: "", headers: {} }, core.clock.now());
      const res = rawError(env, status, "BadRequest", message);
      return { headers: res.headers, text: res.body ?? "" };
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(new UserError(`cannot listen on ${shownHost}:${port}: ${describeSystemError(err)}`));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `${https ? "https" : "http"}://${shownHost}:${address.port}`;
  const tenant = core.tenantId;
  let closing: Promise<void> | undefined;
  const mock: MockGraph = {
    fetch: core.fetch,
    handle: core.handle,
    tenantId: tenant,
    fixtures: core.fixtures,
    clock: core.clock,
    get policy() {
      return core.policy;
    },
    setPolicy: core.setPolicy,
    isTargeted: core.isTargeted,
    issueToken: core.issueToken,
    signIn: core.signIn,
    url: origin,
    graphUrl: `${origin}/v1.0`,
    tokenUrl: `${origin}/${tenant}/oauth2/v2.0/token`,
    jwksUrl: `${origin}/${tenant}/discovery/v2.0/keys`,
    certificatePath,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return mock;
}
