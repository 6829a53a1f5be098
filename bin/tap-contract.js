#!/usr/bin/env node
// The `tap-contract` bin. In a clone (the TypeScript sources beside it, tsx installed by
// `npm ci`) it runs the sources, so `npx tap-contract` works with no build step and never runs a
// stale build; in the published package (no sources) it runs the compiled CLI in dist/.
import { existsSync } from "node:fs";

const source = new URL("../conformance/cli/bin.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(new URL("../dist/conformance/cli/bin.js", import.meta.url).href);
}
