// Builds the published docs: one self-contained HTML page (Redoc, inlined) that works
// offline. The permission tables are rendered into each operation's description from
// x-permissions, so the page shows them without a second copy in the spec.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TapOpenApiDocument } from "../src/spec/document.js";
import { isUserTable } from "../src/spec/operations.js";
import { permissionMarkdown, tenantPermissionMarkdown } from "./docs/permission-markdown.js";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, process.argv[2] ?? "dist/docs/index.html");
const redocly = join(root, "node_modules", ".bin", "redocly");
const work = mkdtempSync(join(tmpdir(), "tap-docs-"));

function redoclyRun(args: string[]): void {
  try {
    execFileSync(redocly, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const e = err as { stderr?: Buffer };
    const text = (e.stderr?.toString() ?? "")
      .split("\n")
      .filter((l) => !/[║╔╚]|Node\.js 20|^\s*$/.test(l))
      .join("\n");
    throw new Error(`redocly ${args[0]} failed:\n${text}`);
  }
}

/**
 * Redoc's sidebar badge ("API docs by Redocly") loads its logo from Redocly's CDN, the one thing
 * the inlined page fetched from another origin: the logo becomes an inline SVG, so the page
 * works offline and keeps the attribution. A Redoc release that moves the logo fails the build
 * here instead of the page quietly reaching out again.
 */
function withoutRemoteAssets(html: string): string {
  const logos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
  for (const url of logos) {
    if (!html.includes(url))
      throw new Error(`build-docs: Redoc no longer references ${url}; check what the page fetches`);
  }
  const badge = (text: string, width: number) =>
    `data:image/svg+xml,${encodeURIComponent(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
        `<text x="0" y="12" font-family="sans-serif" font-size="12" fill="currentColor">${text}</text></svg>`,
    )}`;
  return html.replaceAll(logos[0]!, badge("Redocly", 52)).replaceAll(logos[1]!, badge("R", 10));
}

try {
  const bundled = join(work, "openapi.json");
  redoclyRun(["bundle", "openapi/openapi.yaml", "-o", bundled]);
  const doc = JSON.parse(readFileSync(bundled, "utf8")) as TapOpenApiDocument;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of [item.get, item.post, item.patch, item.delete]) {
      // `$batch` has no table of its own: each inner request is authorized as itself.
      if (!op?.["x-permissions"]) continue;
      const subject = path.startsWith("/me/") ? "me" : "users";
      const table = op["x-permissions"];
      const roles = doc["x-directory-roles"];
      const permissions = isUserTable(table)
        ? permissionMarkdown(table, subject, roles)
        : tenantPermissionMarkdown(table, roles);
      op.description = `${op.description}\n\n${permissions}`;
    }
  }
  // The page documents this package's release of the contract: its version, not the spec's own counter.
  doc.info.version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  writeFileSync(bundled, JSON.stringify(doc));
  mkdirSync(resolve(out, ".."), { recursive: true });
  redoclyRun([
    "build-docs",
    bundled,
    "--inlineBundle",
    "-o",
    out,
    "--title",
    "Microsoft Graph TAP API (v1.0) contract",
  ]);
  writeFileSync(out, withoutRemoteAssets(readFileSync(out, "utf8")));
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
