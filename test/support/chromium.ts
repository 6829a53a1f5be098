import { accessSync, constants, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** CI as CI systems set it (`CI=true`, `CI=1`); `false`, `0` or empty is not CI. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "false" && value !== "0";
}

/** Chromium as `.ci/run` finds it: the first `chromium` or `chromium-browser` on PATH. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter).filter((d) => d !== "")) {
    for (const name of ["chromium", "chromium-browser"]) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Why the browser tests cannot run here, or undefined when they must run. In CI they must:
 * a missing browser there fails (in launchChromium), it never turns into a skip.
 */
export function browserSkipReason(env: NodeJS.ProcessEnv): string | undefined {
  return findChromium(env) || isCi(env)
    ? undefined
    : "Chromium is not on PATH (apt-get install -y chromium); CI installs it";
}

export const chromiumPath = findChromium(process.env);
export const noBrowserReason = browserSkipReason(process.env);

/** Debian's Chromium, headless, as root, with nothing that reaches out to the network. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!chromiumPath)
    throw new Error("Chromium is not on PATH (apt-get install -y chromium): in CI the browser tests must run");
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tap-chromium-")), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
