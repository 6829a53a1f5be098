import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { launchChromium, noBrowserReason } from "../support/chromium.js";
import { bin, repoRoot } from "../support/paths.js";

const run = promisify(execFile);
const outDir = join(repoRoot, "test", ".tmp", "docs");
const page = join(outDir, "index.html");

describe.skipIf(noBrowserReason)(
  `the docs page in Chromium, offline${noBrowserReason ? ` (skipped: ${noBrowserReason})` : ""}`,
  () => {
    let context: BrowserContext;
    let tab: Page;
    const outside: string[] = [];

    beforeAll(async () => {
      mkdirSync(outDir, { recursive: true });
      await run(bin("tsx"), ["scripts/build-docs.ts", page], { cwd: repoRoot });
      context = await launchChromium();
      // Offline: every request that is not the file itself is refused, and recorded.
      await context.route(/^(?!file:|data:|blob:|about:)/, (route) => {
        outside.push(`${route.request().resourceType()} ${route.request().url()}`);
        return route.abort();
      });
      tab = await context.newPage();
      await tab.goto(pathToFileURL(page).href);
    }, 60_000);

    /** Navigate as a reader would: the tag in the sidebar, then the operation; returns its section. */
    async function open(tag: string, operation: string, operationId: string): Promise<Locator> {
      const link = tab.getByText(operation, { exact: true }).first();
      if (!(await link.isVisible())) await tab.getByText(tag, { exact: true }).first().click();
      await link.click();
      const section = tab.locator(`[data-section-id="/${tag.toLowerCase()}/${operationId.toLowerCase()}"]`);
      await section.locator("h1, h2").filter({ hasText: operation }).first().waitFor();
      return section;
    }

    afterAll(async () => {
      await context?.close();
    });

    test("says the package's version", async () => {
      const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
      await expect(tab.locator("h1").first().innerText()).resolves.toContain(`(${version})`);
    });

    test("lists both GET operations of the seed, and routes to the /users one", async () => {
      const me = await open(
        "me.authentication",
        "Get my temporaryAccessPassAuthenticationMethod",
        "getMyTemporaryAccessPassMethod",
      );
      expect(new URL(tab.url()).hash).toBe("#/me.authentication/getmytemporaryaccesspassmethod");
      await expect(me.getByText("GET", { exact: true }).first().isVisible()).resolves.toBe(true);
      await open(
        "users.authentication",
        "Get temporaryAccessPassAuthenticationMethod",
        "getUserTemporaryAccessPassMethod",
      );
      expect(new URL(tab.url()).hash).toBe("#/users.authentication/getusertemporaryaccesspassmethod");
    });

    test("shows the GET operation's permission tables with the seed's least-privileged scopes and roles", async () => {
      const op = await open(
        "users.authentication",
        "Get temporaryAccessPassAuthenticationMethod",
        "getUserTemporaryAccessPassMethod",
      );
      await expect(op.getByRole("heading", { name: "Permissions acting on self" }).isVisible()).resolves.toBe(true);
      await expect(op.getByRole("heading", { name: "Permissions acting on other users" }).isVisible()).resolves.toBe(
        true,
      );
      const rows = await op.locator("table tr").allInnerTexts();
      expect(
        rows.some(
          (r) => r.startsWith("Delegated (work or school account)") && r.includes("UserAuthenticationMethod.Read\t"),
        ),
      ).toBe(true);
      expect(rows.some((r) => /^Application\tUserAuthenticationMethod\.Read\.All/.test(r))).toBe(true);
      await expect(op.getByText("Privileged Authentication Administrator").isVisible()).resolves.toBe(true);
      // The current merged Learn table beside the seed's, and Global Administrator among the roles.
      await expect(op.getByRole("heading", { name: /The current merged table/ }).isVisible()).resolves.toBe(true);
      expect(rows.some((r) => /^Delegated \(work or school account\)\tUserAuthMethod-TAP\.Read\t/.test(r))).toBe(true);
      expect(rows.some((r) => /^Application\tUserAuthMethod-TAP\.Read\.All\t/.test(r))).toBe(true);
      await expect(op.getByText("Global Administrator", { exact: true }).isVisible()).resolves.toBe(true);
    });

    test("shows the tenant policy's operations, their permission tables, roles and refusals", async () => {
      const get = await open(
        "policies.authenticationMethodsPolicy",
        "Get temporaryAccessPassAuthenticationMethodConfiguration",
        "getTemporaryAccessPassPolicy",
      );
      const readRows = await get.locator("table tr").allInnerTexts();
      expect(
        readRows.some((r) => /^Application\tPolicy\.Read\.All\tPolicy\.ReadWrite\.AuthenticationMethod/.test(r)),
      ).toBe(true);
      await expect(get.getByText("Global Reader", { exact: true }).first().isVisible()).resolves.toBe(true);
      const update = await open(
        "policies.authenticationMethodsPolicy",
        "Update temporaryAccessPassAuthenticationMethodConfiguration",
        "updateTemporaryAccessPassPolicy",
      );
      const rows = await update.locator("table tr").allInnerTexts();
      expect(rows.some((r) => /^Application\tPolicy\.ReadWrite\.AuthenticationMethod/.test(r))).toBe(true);
      await expect(
        update.getByText("Authentication Policy Administrator", { exact: true }).first().isVisible(),
      ).resolves.toBe(true);
      await expect(
        update
          .getByText(/The PATCH is atomic/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
    });

    test("shows the seed's response example, and a screenshot is kept", async () => {
      const op = await open(
        "users.authentication",
        "Get temporaryAccessPassAuthenticationMethod",
        "getUserTemporaryAccessPassMethod",
      );
      await op.getByText('"6f1967b7-15e8-4935-ac26-d50770ed07a7"').first().scrollIntoViewIfNeeded();
      const sample = op.getByText('"6f1967b7-15e8-4935-ac26-d50770ed07a7"').first();
      await expect(sample.isVisible()).resolves.toBe(true);
      await tab.screenshot({ path: join(outDir, "docs-get-operation.png") });
      // Redocly's "API docs by" badge is an <img> that hides itself when it cannot load; nothing
      // the page needs (script, style, font, data) may come from outside.
      expect(
        outside.filter((r) => !r.startsWith("image ")),
        outside.join(", "),
      ).toEqual([]);
    });
  },
);
