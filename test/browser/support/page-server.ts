/** A page's own origin for the browser tests: an esbuild bundle of a page entry, served with its HTML on 127.0.0.1. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Bundle `entry` for browsers (ESM, split: dynamic imports stay separate files loaded on first use). */
export async function bundleForBrowser(entry: string): Promise<Map<string, string>> {
  const out = await build({
    entryPoints: { app: entry },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: "/bundle",
    write: false,
    logLevel: "silent",
  });
  return new Map(out.outputFiles.map((f) => [f.path.slice("/bundle".length), f.text]));
}

const types: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8" };

/** Serves `files` (path → text) and a page at `/` that loads `/app.js`; anything else is 404. */
export async function servePage(files: Map<string, string>): Promise<PageServer> {
  const all = new Map(files);
  all.set(
    "/",
    `<!doctype html><html><head><meta charset="utf-8"><title>tap page</title></head><body><script type="module" ` +
      `src="/app.js"></script></body></html>`,
  );
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://page").pathname;
    const body = all.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const ext = path === "/" ? ".html" : path.slice(path.lastIndexOf("."));
    res
      .writeHead(200, { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "no-store" })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
