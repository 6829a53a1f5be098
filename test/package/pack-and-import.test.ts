// The package as users get it: build, `npm pack`, install the tarball into a fresh project in
// a temp folder, then import it from plain Node 20 ESM, type-check against it, run its bin,
// and prove that importing the client loads neither Ajv nor the spec.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const work = mkdtempSync(join(tmpdir(), "tap-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
  }
}

// Runs one ES module in the installed project and returns what it printed.
const app =
  `
import { createTapClient, unwrap, GraphError, clouds, tapCloud } from "graph-tap-contract";
import { startMockGraph, defaultFixtures } from "graph-tap-contract/mock";
import { checkExchange } from "graph-tap-contract/contract";
const mock = await startMockGraph();
try {
  const tap = createTapClient({ baseUrl: mock.graphUrl, credential: await mock.issueToken({ app: ` +
  `"00000000-0000-0000-0000-00000000a11c" }) });
  const nestor = defaultFixtures.users.find((u) => u.name === "nestor").id;
  const created = await unwrap(tap.create({ user: nestor, body: { lifetimeInMinutes: 60 } }));
  const listed = await unwrap(tap.list({ user: nestor }));
  const missing = await unwrap(tap.get({ user: nestor, id: "00000000-0000-4000-8000-000000000bad" })).catch((e) => e);
  console.log(JSON.stringify({
    passLength: created.temporaryAccessPass.length,
    listed: listed.value.map((m) => m.id === created.id),
    missing: missing instanceof GraphError ? missing.status : "not a GraphError",
    clouds: Object.keys(clouds),
    l5: tapCloud("usgov-l5").graphRoot,
    checkExchange: typeof checkExchange,
  }));
} finally {
  await mock.close();
}
`;

const typed = `
import { createTapClient, unwrap, type TemporaryAccessPassMethod, type TapError } from "graph-tap-contract";
import { startMockGraph } from "graph-tap-contract/mock";
const tap = createTapClient({ credential: async () => "token", cloud: "usgov-l4" });
export async function first(user: string): Promise<TemporaryAccessPassMethod | undefined> {
  const [pass] = (await unwrap(tap.list({ user }))).value;
  return pass;
}
export function describe(error: TapError): string {
  return \`\${error.status} \${error.error.code} \${error.requestId ?? ""}\`;
}
export const mock: typeof startMockGraph = startMockGraph;
// @ts-expect-error China has no TAP API
createTapClient({ credential: "t", cloud: "china" });
// @ts-expect-error the pass id is required
tap.get({ user: "me" });
// @ts-expect-error lifetimeInMinutes is a number
tap.create({ user: "nestor@contoso.onmicrosoft.com", body: { lifetimeInMinutes: "60" } });
`;

const loadLogger = `
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process._rawDebug("LOADED " + resolved.url);
  return resolved;
}\`));
`;

describe("the npm package", () => {
  it("packs, installs into a fresh project, imports from Node ESM, type-checks, runs its bin, and loads lean", () => {
    // Built here, then packed without scripts, so prepack does not build it again.
    run("npm", ["run", "build"], repoRoot);
    const packed = JSON.parse(
      run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], repoRoot),
    ) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = join(work, packed[0]!.filename);
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain("dist/src/index.js");
    expect(files).toContain("dist/generated/api.d.ts");
    expect(files).toContain("dist/conformance/cli/bin.js");
    expect(
      files.filter((f) => /\.test(-d)?\.(js|ts)$/.test(f) || f.startsWith("dist/docs") || f.startsWith("src/")),
    ).toEqual([]);

    const project = join(work, "app");
    run("mkdir", ["-p", project], work);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], project);

    writeFileSync(join(project, "app.mjs"), app);
    const out = JSON.parse(run(process.execPath, ["app.mjs"], project)) as Record<string, unknown>;
    expect(out).toEqual({
      passLength: 8,
      listed: [true],
      missing: 404,
      clouds: ["global", "usgov-l4", "usgov-l5", "china"],
      l5: "https://dod-graph.microsoft.us",
      checkExchange: "function",
    });

    writeFileSync(join(project, "typed.ts"), typed);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ["ES2023", "DOM"],
          types: ["node"],
          typeRoots: [join(repoRoot, "node_modules", "@types")],
        },
        files: ["typed.ts"],
      }),
    );
    run(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], project);

    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(run(join(project, "node_modules", ".bin", "tap-contract"), ["--version"], project).trim()).toBe(pkg.version);

    writeFileSync(join(project, "log-loads.mjs"), loadLogger);
    // The loader hook logs every resolved module on stderr.
    const { stderr: log } = spawnSync(
      process.execPath,
      ["--import", "./log-loads.mjs", "--input-type=module", "-e", 'await import("graph-tap-contract")'],
      {
        cwd: project,
        encoding: "utf8",
      },
    );
    const loaded = log.split("\n").filter((l) => l.startsWith("LOADED file:"));
    expect(loaded.some((l) => l.includes("graph-tap-contract/dist/src/client/create-tap-client.js"))).toBe(true);
    expect(loaded.filter((l) => /\/ajv|generated\/spec\.js|contract\/rules|contract-check/.test(l))).toEqual([]);
  }, 180_000);
});
