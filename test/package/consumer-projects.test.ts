// A consumer's project as npm makes it: `npm init -y` (npm 11 writes "type": "commonjs") and
// the same with "type": "module", each with the packed package, msw 2.15.0 or 3.0.5 (msw 3 needs
// Node 22.12+), TypeScript and @azure/identity. In each, tsc (module nodenext) type-checks the
// README's MSW snippet and its client snippet; the MSW snippet and a probe of unhandled requests
// then run with every DNS lookup blocked and recorded (test/support/block-dns-preload.mjs), so a
// request that would leave the machine is seen and never sent. A CommonJS project compiles
// `import` to `require`: the package loads through require(esm), and its `require` types resolve
// msw as the project's own `msw/node` does. The installs use npm's cache (--prefer-offline).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCopy } from "../support/fresh-copy.js";
import { repoRoot } from "../support/paths.js";
import { readmeBlocks } from "../support/readme-blocks.js";

const execFileAsync = promisify(execFile);
const repoPkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const pin = (name: string) => `${name}@${repoPkg.devDependencies[name]}`;

const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
const nodeRunsMsw3 = major > 22 || (major === 22 && minor >= 12);
const msw3Skip = `msw 3 needs Node 22.12+, this is Node ${process.versions.node}; CI runs it on Node 22 and 24`;

async function run(cmd: string, args: string[], cwd: string, timeout = 180_000) {
  try {
    return await execFileAsync(cmd, args, {
      cwd,
      encoding: "utf8",
      timeout,
      env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" },
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
  }
}

// The README's blocks, as a user copies them.
const blocks = readmeBlocks(readFileSync(join(repoRoot, "README.md"), "utf8"));
const mswSnippet = blocks.find((b) => b.lang === "ts" && b.code.includes('from "msw/node"'))!.code;
const clientSnippet = blocks.find(
  (b) => b.lang === "ts" && b.code.includes("new ClientSecretCredential(tenantId"),
)!.code;
// The client snippet names its tenant's ids; a user's code has them.
const clientPrelude = "declare const tenantId: string, clientId: string, clientSecret: string;";

// Requests no TAP handler serves, with the listen options the README gives; then with only msw 2's
// option name (which msw 3 ignores): Graph's and the identity platform's hosts still never leave.
const unhandledProbe =
  `
import { setupServer } from "msw/node";
import { createTapHandlers } from "graph-tap-contract/msw";
const { handlers } = createTapHandlers();
const server = setupServer(...handlers);
const outcome = (request: Promise<Response>) =>
  request.then(
    async (res) => {
      const { error } = (await res.json()) as { error?: string | { code?: string } };
      return { status: res.status, code: typeof error === "string" ? error : error?.code };
    },
    () => ({ failed: true }),
  );
const failUnhandled = { onUnhandledFrame: "error", onUnhandledRequest: "error" } as const;
server.listen(failUnhandled);
const graph = await outcome(fetch("https://graph.microsoft.com/v1.0/me/messages"));
const identity = await outcome(fetch("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/` +
  `devicecode", { method: "POST" }));
const china = await outcome(fetch("https://microsoftgraph.chinacloudapi.cn/v1.0/me"));
const otherHost = await outcome(fetch("https://example.com/"));
server.close();
server.listen(JSON.parse('{ "onUnhandledRequest": "error" }'));
const graphOldOption = await outcome(fetch("https://graph.microsoft.com/v1.0/me/messages"));
server.close();
console.log(JSON.stringify({ graph, identity, china, otherHost, graphOldOption }));
`;

/** The form a CommonJS file needs: top-level awaits inside an async function (a test body, say). */
function inCommonJs(code: string, prelude = ""): string {
  const lines = code.split("\n");
  const imports = lines.filter((l) => l.startsWith("import "));
  const body = lines.filter((l) => !l.startsWith("import "));
  return [
    ...imports,
    prelude,
    "async function main(): Promise<void> {",
    ...body,
    "}",
    "main().catch((err: unknown) => {",
    "  console.error(err);",
    "  process.exit(1);",
    "});",
    "",
  ].join("\n");
}

function asModule(code: string, prelude = ""): string {
  const lines = code.split("\n");
  return [
    ...lines.filter((l) => l.startsWith("import ")),
    prelude,
    ...lines.filter((l) => !l.startsWith("import ")),
  ].join("\n");
}

const work = mkdtempSync(join(tmpdir(), "tap-consumers-"));
let tarball = "";
let copy = "";

beforeAll(async () => {
  // Built and packed in a copy, so this file never races another test over the checkout's dist/.
  copy = freshCopy("tap-consumer-pack-");
  await run("npm", ["run", "build", "--silent"], copy);
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], copy);
  tarball = join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}, 420_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (copy) rmSync(copy, { recursive: true, force: true });
}, 120_000);

const preload = join(repoRoot, "test", "support", "block-dns-preload.mjs");

/** Runs a compiled file with DNS blocked; returns its stdout lines and the names it looked up. */
async function runBlocked(file: string, cwd: string) {
  const { stdout, stderr } = await run(process.execPath, ["--import", preload, file], cwd, 60_000);
  const line = stderr.split("\n").find((l) => l.startsWith("DNS-LOOKUPS "));
  expect(line, stderr).toBeDefined();
  return { lines: stdout.trim().split("\n"), lookups: JSON.parse(line!.slice("DNS-LOOKUPS ".length)) as string[] };
}

describe("the packed package in a consumer's project", () => {
  for (const type of ["commonjs", "module"] as const) {
    for (const msw of ["2.15.0", "3.0.5"]) {
      const title =
        `"type": "${type}", msw ${msw}: the README's snippets type-check and run, unhandled requests ` + `stay home`;
      if (msw.startsWith("3") && !nodeRunsMsw3) {
        it.skip(`${title} [skipped: ${msw3Skip}]`, () => undefined);
        continue;
      }
      it(title, async () => {
        const project = join(work, `${type}-msw${msw.split(".")[0]}`);
        mkdirSync(project);
        await run("npm", ["init", "-y"], project);
        const written = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { type?: string };
        // The premise of the CommonJS case: npm 11's default project.
        if (type === "commonjs") expect(written.type).toBe("commonjs");
        else await run("npm", ["pkg", "set", "type=module"], project);
        await run(
          "npm",
          [
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
            tarball,
            `msw@${msw}`,
            pin("typescript"),
            pin("@azure/identity"),
            pin("@types/node"),
          ],
          project,
          240_000,
        );

        const form = type === "commonjs" ? inCommonJs : asModule;
        writeFileSync(join(project, "msw-snippet.ts"), form(mswSnippet));
        writeFileSync(join(project, "client-snippet.ts"), form(clientSnippet, clientPrelude));
        writeFileSync(join(project, "unhandled.ts"), form(unhandledProbe));
        writeFileSync(
          join(project, "tsconfig.json"),
          JSON.stringify({
            compilerOptions: {
              module: "nodenext",
              target: "es2022",
              strict: true,
              skipLibCheck: false,
              types: ["node"],
              outDir: "out",
            },
            files: ["msw-snippet.ts", "client-snippet.ts", "unhandled.ts"],
          }),
        );
        await run(process.execPath, [join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "."], project);
        const compiled = readFileSync(join(project, "out", "msw-snippet.js"), "utf8");
        if (type === "commonjs") expect(compiled).toContain('require("graph-tap-contract/msw")');
        else expect(compiled).toContain('from "graph-tap-contract/msw"');

        const snippet = await runBlocked(join("out", "msw-snippet.js"), project);
        expect(snippet.lines).toEqual(["EnabledByPolicy", "DisabledByPolicy"]);
        expect(snippet.lookups).toEqual([]);

        const probe = await runBlocked(join("out", "unhandled.js"), project);
        expect(JSON.parse(probe.lines.at(-1)!)).toEqual({
          graph: { status: 501, code: "NotMocked" },
          identity: { status: 501, code: "not_mocked" },
          china: { status: 501, code: "NotMocked" },
          otherHost: { failed: true },
          graphOldOption: { status: 501, code: "NotMocked" },
        });
        expect(probe.lookups).toEqual([]);
      }, 360_000);
    }
  }
});
