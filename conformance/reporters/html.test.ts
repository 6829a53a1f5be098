// The HTML reporter: a real run against the mock with contract-breaking scenarios, rendered to
// one page, checked as text (self-contained, grouped, redacted) and opened in Chromium.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exchange } from "../../src/contract/index.js";
import { launchChromium, noBrowserReason } from "../../test/support/chromium.js";
import { repoRoot } from "../../test/support/paths.js";
import { allChecks } from "../checks/index.js";
import type { RunResult } from "../run/result.js";
import { runSuite } from "../run/run-suite.js";
import { startMockTarget } from "../targets/mock.js";
import { htmlReport, htmlReporter, receivedExpected } from "./html.js";

const outDir = join(repoRoot, "test", ".tmp", "html-report");
let result: RunResult;
let html: string;
const secrets = new Set<string>();
const tokens = new Set<string>();

function collect(value: unknown): void {
  if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "temporaryAccessPass" && typeof v === "string") secrets.add(v);
      else collect(v);
    }
  }
}

beforeAll(async () => {
  const target = await startMockTarget({ scenarios: ["secret-on-read", "usable-contradicts-reason"] });
  try {
    result = await runSuite(target, {
      checks: allChecks,
      severityThreshold: "medium",
      record(exchange: Exchange) {
        const auth = exchange.request.headers.authorization ?? exchange.request.headers.Authorization;
        if (auth) tokens.add(auth.replace(/^Bearer\s+/i, ""));
        collect(
          exchange.response.body ?? (exchange.response.bodyText ? safeParse(exchange.response.bodyText) : undefined),
        );
      },
    });
  } finally {
    await target.close();
  }
  html = htmlReporter.render(result, { color: false }).files![0]!.text;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "report.html"), html);
}, 60_000);

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe("the html reporter", () => {
  it("writes one file, report.html, for a failing run", () => {
    const out = htmlReporter.render(result, { color: false });
    expect(out.files?.map((f) => f.name)).toEqual(["report.html"]);
    expect(result.exitCode).toBe(1);
    expect(html).toContain("✗ Failed");
  });

  it("is self-contained: no script, no external stylesheet, font, image or link", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)="(?!#)/i);
    expect(html).toContain("default-src 'none'");
  });

  it("has a section for every selected check and a row for every operation", () => {
    for (const check of result.checks) expect(html).toContain(`id="check-${check}"`);
    for (const op of new Set(result.outcomes.map((o) => o.operation))) {
      const path = op.split(" ").slice(1).join(" ").replace(/\//g, "/<wbr>");
      expect(html).toContain(path);
    }
  });

  it("opens the failing checks and shows each failure's Received / Expected pair", () => {
    expect(html).toMatch(/<details class="check fail" id="check-secret-null-on-read" open>/);
    expect(html).toMatch(/<details class="check pass" id="check-not-a-server-error">/);
    expect(html).toMatch(
      /<div class="received"><span>Received<\/span><pre>temporaryAccessPass &lt;redacted: \d+ chars&gt;/,
    );
    expect(html).toContain('<div class="expected"><span>Expected</span>');
  });

  it("never shows a passcode the mock handed out, nor a bearer token", () => {
    expect(secrets.size).toBeGreaterThan(0);
    expect(tokens.size).toBeGreaterThan(0);
    for (const s of secrets) expect(html).not.toContain(s);
    for (const t of tokens) expect(html).not.toContain(t);
  });

  it("escapes what the server sent and redacts tokens in messages", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4In0.c2lnbmF0dXJlLXNlY3JldA";
    const hostile: RunResult = {
      ...result,
      outcomes: [
        {
          check: "content-type",
          title: "Wrong content type",
          severity: "medium",
          operation: "GET /me/x",
          status: "fail",
          violations: [
            {
              check: "content-type",
              title: "t",
              severity: "medium",
              operation: "GET /me/x",
              count: 1,
              message: `Received: "<script>alert(1)</script> Bearer ${jwt}"\nExpected: application/json`,
            },
          ],
        },
      ],
    };
    const page = htmlReport(hostile);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain(jwt);
  });

  it("shows the request and redacted response the run attached to a real failure", () => {
    const failing = result.outcomes.find((o) => o.check === "secret-null-on-read" && o.status === "fail");
    expect(failing?.exchange, "the runner attaches the first failing exchange").toBeDefined();
    const sample = failing!.exchange!;
    expect(sample.request.headers.authorization).toBe("<redacted>");
    expect(JSON.stringify(sample.response.body)).toMatch(/"temporaryAccessPass":"<redacted: \d+ chars>"/);
    const section = html.slice(
      html.indexOf('id="check-secret-null-on-read"'),
      html.indexOf('id="check-secret-on-create"'),
    );
    expect(section).toContain("<h5>Request</h5>");
    expect(section).toContain("<h5>Response</h5>");
    expect(section).toMatch(/authorization: &lt;redacted&gt;/);
    expect(section).toMatch(/&quot;temporaryAccessPass&quot;: &quot;&lt;redacted: \d+ chars&gt;&quot;/);
  });

  it("shows a failure's request and its redacted response when the result carries them", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ5eXl5In0.c2lnbmF0dXJlLXNlY3JldDI";
    const withExchange = {
      ...result,
      outcomes: [
        {
          check: "secret-null-on-read",
          title: "Passcode returned on read",
          severity: "critical" as const,
          operation: "GET /users/{user-id}/x",
          status: "fail" as const,
          violations: [
            {
              check: "secret-null-on-read",
              title: "t",
              severity: "critical" as const,
              operation: "GET /users/{user-id}/x",
              count: 1,
              message: "Received: <redacted: 8 chars>\nExpected: null",
              exchange: {
                request: {
                  method: "GET",
                  url: "https://graph.microsoft.com/v1.0/users/u1/x",
                  headers: { authorization: `Bearer ${jwt}` },
                },
                response: {
                  status: 200,
                  headers: { "content-type": "application/json" },
                  bodyText: JSON.stringify({ id: "m1", temporaryAccessPass: "Zq7!pW2x" }),
                },
              },
            },
          ],
        },
      ],
    } as unknown as RunResult;
    const page = htmlReport(withExchange);
    expect(page).toContain(
      "<h5>Request</h5><pre>GET https://graph.microsoft.com/v1.0/users/u1/x\nauthorization: &lt;redacted&gt;",
    );
    expect(page).toContain("HTTP 200");
    expect(page).toContain("&quot;temporaryAccessPass&quot;: &quot;&lt;redacted: 8 chars&gt;&quot;");
    expect(page).not.toContain("Zq7!pW2x");
    expect(page).not.toContain(jwt);
  });

  it("splits both message forms into their Received and Expected halves", () => {
    expect(receivedExpected("Received: 418\nExpected: 200, 404")).toEqual({
      rest: "",
      received: "418",
      expected: "200, 404",
    });
    expect(receivedExpected("a 200 body / Received: x / Expected: y")).toEqual({
      rest: "a 200 body /",
      received: "x",
      expected: "y",
    });
    expect(receivedExpected("no pair here")).toBeUndefined();
  });
});

describe.skipIf(noBrowserReason)(
  `the html report in Chromium${noBrowserReason ? ` (skipped: ${noBrowserReason})` : ""}`,
  () => {
    let context: BrowserContext;
    let tab: Page;
    const outside: string[] = [];

    beforeAll(async () => {
      context = await launchChromium();
      await context.route(/^(?!file:|data:|about:)/, (route) => {
        outside.push(route.request().url());
        return route.abort();
      });
      tab = await context.newPage();
      await tab.goto(pathToFileURL(join(outDir, "report.html")).href);
    }, 60_000);
    afterAll(async () => {
      await context?.close();
    });

    it("shows the verdict, the totals and the failing checks open, and keeps a screenshot", async () => {
      await expect(tab.getByText("✗ Failed").isVisible()).resolves.toBe(true);
      await expect(tab.locator(".card.fail b").innerText()).resolves.toBe(String(result.totals.fail));
      const failing = tab.locator("#check-secret-null-on-read");
      await expect(failing.locator(".received").first().isVisible()).resolves.toBe(true);
      // Passing checks stay closed: their outcomes are not visible until opened.
      await expect(tab.locator("#check-not-a-server-error li.outcome").first().isVisible()).resolves.toBe(false);
      await tab.screenshot({ path: join(outDir, "report.png") });
      await tab.locator("#check-not-a-server-error > summary").click();
      await expect(tab.locator("#check-not-a-server-error li.outcome").first().isVisible()).resolves.toBe(true);
      expect(outside).toEqual([]);
    });

    it("jumps from the attention list to a failing check", async () => {
      await tab.locator(".problems a", { hasText: "usable-matches-reason" }).click();
      expect(new URL(tab.url()).hash).toBe("#check-usable-matches-reason");
      await tab.locator("table.ops").screenshot({ path: join(outDir, "report-operations.png") });
    });
  },
);
