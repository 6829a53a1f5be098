/**
 * A hostile Graph for redaction tests: the mock behind a proxy on 127.0.0.1 that repeats every
 * secret it sees in the ways a careless or hostile service would. The bearer token of each
 * request (without "Bearer", base64, base64url, reversed, a long part of it, one character
 * JSON-escaped) and the last passcode a Create returned (in a header, another property, an error
 * message, percent-encoded) come back in headers and bodies; 404s come back as an HTML page
 * that holds them too. It records every token and passcode it saw, for the test to look for.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";

export interface EchoGraph {
  graphUrl: string;
  mock: MockGraph;
  /** Every bearer token and passcode that went through. */
  seen: { tokens: Set<string>; passes: Set<string> };
  close(): Promise<void>;
}

const reversed = (s: string) => [...s].reverse().join("");
/** The secret with its fifth character as a JSON `\uXXXX` escape (in JSON text). */
const oneEscaped = (s: string) => `${s.slice(0, 4)}\\u${s.charCodeAt(4).toString(16).padStart(4, "0")}${s.slice(5)}`;

function echoes(token: string | undefined, pass: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (token) {
    out.echoToken = token;
    out.echoBase64 = Buffer.from(`Bearer ${token}`).toString("base64");
    out.echoBase64Url = Buffer.from(token).toString("base64url");
    out.echoReversed = reversed(token);
    out.echoPart = `part ${token.slice(12, 72)} of it`;
  }
  if (pass) {
    out.note = `the pass you were given is ${pass}, keep it`;
    out.lastPassword = 5;
    out.passcodes = [pass, { value: pass }];
  }
  return out;
}

export async function startEchoGraph(): Promise<EchoGraph> {
  const mock = await startMockGraph({ port: 0, host: "127.0.0.1" });
  const upstream = new URL(mock.graphUrl);
  const seen = { tokens: new Set<string>(), passes: new Set<string>() };
  let lastPass: string | undefined;
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization;
    const token = auth?.replace(/^Bearer\s+/i, "") || undefined;
    if (token) seen.tokens.add(token);
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          const status = answer.statusCode ?? 502;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(answer.headers))
            if (typeof v === "string" && k !== "content-length" && k !== "transfer-encoding") headers[k] = v;
          let text = Buffer.concat(chunks).toString("utf8");
          let body: Record<string, unknown> | undefined;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = undefined;
          }
          if (typeof body?.temporaryAccessPass === "string") {
            lastPass = body.temporaryAccessPass;
            seen.passes.add(lastPass);
          }
          if (token) {
            headers["x-echo"] = token;
            headers["x-functions-key"] = token;
          }
          if (lastPass) headers["x-your-pass"] = lastPass;
          if (status === 404) {
            headers["content-type"] = "text/html";
            text =
              `<html><body><p>not found for ${token ? oneEscaped(token) : ""}</p>` +
              `<pre>{&quot;temporaryAccessPass&quot;: &quot;${lastPass ?? ""}&quot;}</pre>` +
              `<a href="/x?code=${encodeURIComponent(lastPass ?? "x")}&amp;sig=${token?.slice(-30) ?? ""}">again</` +
              `a></body></html>`;
          } else if (body && !Array.isArray(body)) {
            const err = body.error as { message?: string } | undefined;
            if (err && typeof err.message === "string")
              err.message += ` (token ${token ?? ""}, pass ${lastPass ?? ""})`;
            const extra = echoes(token, lastPass);
            // One character JSON-escaped: written into the text, so the parsed value is the secret itself.
            text = JSON.stringify({ ...body, ...extra }).replace(
              /"echoToken":"([^"]*)"/,
              (_all, t: string) => `"echoToken":"${oneEscaped(t)}"`,
            );
          }
          res.writeHead(status, headers);
          res.end(text);
        });
      },
    );
    forward.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    graphUrl: `http://127.0.0.1:${port}/v1.0`,
    mock,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    },
  };
}
