/**
 * The client in a real browser, across origins: a page served from one 127.0.0.1 origin bundles
 * the client (esbuild) and calls the mock on another. Chromium enforces CORS, so this passes
 * only if the client has no Node built-ins and the mock answers preflights and exposes headers.
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { launchChromium, noBrowserReason } from "../support/chromium.js";
import { repoRoot } from "../support/paths.js";
import { bundleForBrowser, servePage, type PageServer } from "./support/page-server.js";

describe.skipIf(noBrowserReason)(
  `the client in Chromium against the mock on another origin${noBrowserReason ? ` (skipped: ${noBrowserReason})` : ""}`,
  () => {
    let mock: MockGraph;
    let page: PageServer;
    let context: BrowserContext;
    let tab: Page;
    const outside: string[] = [];
    const requested: string[] = [];

    beforeAll(async () => {
      const files = await bundleForBrowser(join(repoRoot, "test/browser/pages/cors-app.ts"));
      page = await servePage(files);
      mock = await startMockGraph({ port: 0 });
      context = await launchChromium();
      const allowed = new Set([page.origin, mock.url]);
      // No routing here: with any route registered, Playwright answers CORS preflights itself and
      // the mock's own answers would go untested (removing them then still passed). The page calls
      // only the two local origins it is given; every request the browser makes is recorded and
      // checked below. (Chromium runs with background networking off.)
      context.on("request", (request) => {
        const url = new URL(request.url());
        if (!allowed.has(url.origin)) outside.push(request.url());
        else requested.push(`${request.method()} ${url.pathname}`);
      });
      tab = await context.newPage();
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await page?.close();
      await mock?.close();
    });

    it("create, list, get, delete and a 403 work from the page, which reads request-id", async () => {
      const admin = mock.fixtures.apps.find((a) => a.name === "tap-admin-app")!;
      const reader = mock.fixtures.apps.find((a) => a.name === "user-read-app")!;
      const nestor = mock.fixtures.users.find((u) => u.name === "nestor")!;
      const inputs = {
        graphUrl: mock.graphUrl,
        adminToken: await mock.issueToken({ app: admin.clientId }),
        readerToken: await mock.issueToken({ app: reader.clientId }),
        user: nestor.id,
      };
      await tab.goto(`${page.origin}/#${encodeURIComponent(JSON.stringify(inputs))}`);
      await tab.waitForFunction(() => "tapResult" in window, undefined, { timeout: 30_000 });
      const result = (await tab.evaluate(
        () => (window as unknown as { tapResult: Promise<unknown> }).tapResult,
      )) as Record<string, any>;
      expect(result.thrown).toBeUndefined();
      expect(result.created).toEqual({ status: 201, hasPasscode: true });
      expect(result.listedIds).toEqual([result.createdId]);
      expect(result.got).toEqual({ id: result.createdId, passcode: null });
      expect(result.deleted).toBe(204);
      expect(result.forbidden).toEqual({ status: 403, code: "accessDenied" });
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.forbiddenRequestId).toMatch(/^[0-9a-f-]{36}$/);
      // The contract middleware was loaded in the page (a separate chunk) and found nothing wrong.
      expect(result.violations).toEqual([]);
      expect(requested.some((r) => r.startsWith("GET /chunk-"))).toBe(true);
      // The browser really preflighted the cross-origin calls.
      expect(outside).toEqual([]);
    }, 60_000);
  },
);
