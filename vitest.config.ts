import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{src,conformance,openapi,test,scripts,bench}/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**", "bench/.peers/**"],
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    restoreMocks: true,
    typecheck: { enabled: true, include: ["{src,test}/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
