import { resolve } from "node:path";

/** The bench/ folder and the repository root. */
export const benchDir = resolve(import.meta.dirname, "..");
export const repoRoot = resolve(benchDir, "..");
