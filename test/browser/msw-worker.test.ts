/**
 * MSW in a real browser: the page registers MSW's service worker with `createTapHandlers()` and
 * its code calls https://graph.microsoft.com/v1.0 (and login.microsoftonline.com) through the
 * client with no base-URL change. Playwright refuses every request outside the page's origin, so
 * only the worker can have answered.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, noBrowserReason } from "../support/chromium.js";
import { repoRoot } from "../support/paths.js";
import { bundleForBrowser, servePage, type PageServer } from "./support/page-server.js";

describe.skipIf(noBrowserReason)(
  `MSW's service worker answers Graph's real host in Chromium` +
    `${noBrowserReason ? ` (skipped: ${noBrowserReason})` : ""}`,
  () => {
    let page: PageServer;
    let context: BrowserContext;
    let tab: Page;
    const refused: string[] = [];

    beforeAll(async () => {
      const files = await bundleForBrowser(join(repoRoot, "test/browser/pages/msw-app.ts"));
      files.set(
        "/mockServiceWorker.js",
        readFileSync(join(repoRoot, "node_modules/msw/lib/mockServiceWorker.js"), "utf8"),
      );
      page = await servePage(files);
      context = await launchChromium();
      const pageOrigin = page.origin;
      await context.route(
        (url) => url.origin !== pageOrigin,
        (route) => {
          refused.push(route.request().url());
          return route.abort();
        },
      );
      tab = await context.newPage();
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await page?.close();
    });

    it("the handlers answer the client's calls to https://graph.microsoft.com/v1.0 and the token " +
      "endpoint", async () => {
      await tab.goto(`${page.origin}/`);
      await tab.waitForFunction(() => "tapResult" in window, undefined, { timeout: 30_000 });
      const result = (await tab.evaluate(
        () => (window as unknown as { tapResult: Promise<unknown> }).tapResult,
      )) as Record<string, any>;
      expect(result.thrown).toBeUndefined();
      expect(result.baseUrl).toBe("https://graph.microsoft.com/v1.0");
      expect(result.tokenStatus).toBe(200);
      expect(result.created).toBe(201);
      expect(result.listed).toEqual([result.createdId]);
      expect(result.got).toBe(result.createdId);
      expect(result.odataContext).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/\$metadata#/);
      expect(result.deleted).toBe(204);
      expect(result.after).toBe(0);
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
      // Nothing reached the routing layer for another host: the worker answered everything.
      expect(refused).toEqual([]);
    }, 60_000);
  },
);
