// Writes dist/cjs/: the package's declarations once more, in a folder whose package.json says
// "commonjs", for the `require` branch of `exports`. TypeScript resolves a dependency (msw) in
// the mode of the declaration that imports it: from these files `msw` resolves as a CommonJS
// file's `msw/node` does, so msw's handler types are the same declarations on both sides and
// `setupServer(...handlers)` type-checks in a CommonJS project too. At run time `require` loads
// the one ES module build (require(esm), Node 20.19+ and 22.12+), so there is one copy of the code.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const dist = resolve(import.meta.dirname, "..", "dist");
const out = join(dist, "cjs");
rmSync(out, { recursive: true, force: true });
for (const tree of ["src", "generated"]) {
  cpSync(join(dist, tree), join(out, tree), {
    recursive: true,
    filter: (source) => !/\.js$/.test(source),
  });
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
