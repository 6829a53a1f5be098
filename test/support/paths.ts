import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, "..", "..");

/** `shared/` beside the checkout (the seed lives there); CI lays a copy of it beside the clone. */
export const sharedDir = [join(repoRoot, "..", "shared"), join(repoRoot, "shared")].find((d) => existsSync(d));

export const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
