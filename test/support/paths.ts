import { join, resolve } from "node:path";

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, "..", "..");

export const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
