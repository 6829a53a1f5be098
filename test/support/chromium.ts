import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Why the browser tests cannot run here, or undefined when they can. In CI they must run. */
export const noBrowserReason =
  chromiumPath || process.env.CI ? undefined : "Chromium is not installed (apt-get install -y chromium); CI installs it";

/** Debian's Chromium, headless, as root, with nothing that reaches out to the network. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!chromiumPath) throw new Error("Chromium not found at /usr/bin/chromium: apt-get install -y chromium");
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
