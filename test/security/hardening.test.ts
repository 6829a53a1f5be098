// One test per finding of the hostile-input review (issue 10): a passcode in a body that is not
// JSON, long URLs, distinct $select sets, deep nesting and oversized entries, server strings in
// reports, partial masking, and the token command. Each failed on the code before the fix.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allChecks } from "../../conformance/checks/index.js";
import { runToken } from "./support/run-token.js";
import { matchRecorded } from "../../conformance/replay/recorded.js";
import { runSuite } from "../../conformance/run/run-suite.js";
import { startMockTarget } from "../../conformance/targets/mock.js";
import { fastRetry } from "../conformance/run-mock.js";
import { recordLine } from "../../conformance/replay/recorder.js";
import { replayRecording } from "../../conformance/replay/replay.js";
import { terminalText } from "../../conformance/reporters/escape.js";
import { loadReporters, reporterNames, type ReporterName } from "../../conformance/reporters/index.js";
import type { Reporter } from "../../conformance/reporters/reporter.js";
import type { RunResult } from "../../conformance/run/result.js";
import { sampleOf } from "../../conformance/run/exchange-sample.js";
import { schemaValidator, validateResponseBody } from "../../src/contract/schemas.js";
import { redactText, redactValue, tooDeep } from "../../src/contract/redact.js";
import { operationById } from "../../src/spec/index.js";
import type { Exchange } from "../../src/contract/index.js";
import { createExchange, getExchange, listExchange, ORIGIN, pass, USER } from "../conformance/exchange-fixtures.js";
import { tempDir, writeFile } from "../conformance/recordings.js";
import { repoRoot } from "../support/paths.js";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = "Zq9#mPass77";
let files = 0;

/** An exchange as one NDJSON recording line. */
const line = (e: Exchange) => JSON.stringify({ request: e.request, response: e.response });

async function replayText(text: string, ext = "ndjson"): Promise<RunResult> {
  return replayRecording(writeFile(dir, `r${files++}.${ext}`, text), {
    checks: allChecks,
    severityThreshold: "medium",
  });
}

/** Everything every reporter writes for a result, in colour and without. */
const allReporters = await loadReporters(reporterNames);
const reporters = Object.fromEntries(reporterNames.map((name, i) => [name, allReporters[i]!])) as Record<
  ReporterName,
  Reporter
>;

function allReports(result: RunResult): string {
  return allReporters
    .flatMap((reporter) =>
      [false, true].flatMap((color) => {
        const out = reporter.render(result, { color });
        return [out.stdout ?? "", out.stepSummary ?? "", ...(out.files ?? []).map((f) => f.text)];
      }),
    )
    .join("\n");
}

/** A Create answered 201 with a body cut off in the middle: raw text that holds the pass. */
function truncatedCreate(): Exchange {
  const e = createExchange(SECRET);
  const text = JSON.stringify(e.response.body);
  e.response = {
    status: 201,
    headers: e.response.headers,
    bodyText: text.slice(0, text.indexOf(SECRET) + SECRET.length),
  };
  return e;
}

describe("1. a passcode in a body that is not valid JSON", () => {
  it("is masked by key in every report of a replay", async () => {
    const malformed = createExchange(SECRET);
    malformed.response = {
      status: 201,
      headers: malformed.response.headers,
      bodyText: `${JSON.stringify(malformed.response.body)}}`,
    };
    const result = await replayText([line(truncatedCreate()), line(malformed)].join("\n"));
    expect(result.outcomes.some((o) => o.check === "response-schema" && o.status === "fail")).toBe(true);
    const reports = allReports(result);
    expect(reports).toContain("temporaryAccessPass");
    expect(reports).not.toContain(SECRET);
  });

  it("is masked (same length) in the recording, in a sample, and in text that is JSON inside JSON", () => {
    const recorded = recordLine(truncatedCreate());
    expect(recorded).not.toContain(SECRET);
    expect(recorded).toContain("*".repeat(SECRET.length));
    expect(JSON.stringify(sampleOf(truncatedCreate()))).not.toContain(SECRET);
    const nested = JSON.stringify(JSON.stringify({ bodyText: `{"temporaryAccessPass":"${SECRET}","id":"x"}` }));
    expect(redactText(nested)).not.toContain(SECRET);
    expect(redactText(`grant_type=password&password=${SECRET}&client_secret=${SECRET}`)).not.toContain(SECRET);
  });

  it("the mock's own malformed-json fault: no pass it created reaches the recording or a report", async () => {
    const target = await startMockTarget({ faults: { kinds: ["malformed-json"], rate: 1 } });
    const passes = new Set<string>();
    const lines: string[] = [];
    try {
      const result = await runSuite(target, {
        checks: allChecks.filter((c) =>
          ["response-schema", "secret-on-create", "create-replaces-previous"].includes(c.id),
        ),
        severityThreshold: "medium",
        retry: fastRetry,
        record: (e) => {
          for (const m of (e.response.bodyText ?? "").matchAll(/"temporaryAccessPass":"([^"]+)"/g)) passes.add(m[1]!);
          lines.push(recordLine(e));
        },
      });
      expect(passes.size).toBeGreaterThan(0);
      const written = `${lines.join("")}\n${allReports(result)}`;
      for (const p of passes) expect(written).not.toContain(p);
    } finally {
      await target.close();
    }
  });
});

describe("3. one long URL", () => {
  const longPath = `${ORIGIN}/${"a/".repeat(32_000)}v1.0/users/${USER}/authentication/temporaryAccessPassMethods`;

  it("is matched in time linear in its length (only the last few segments can match)", () => {
    expect(matchRecorded("GET", longPath)?.operation.operationId).toBe("listUserTemporaryAccessPassMethods");
  });

  it("is skipped in replay and counted in the report, named", async () => {
    const e = listExchange();
    e.request.url = longPath;
    const result = await replayText([line(e), line(listExchange())].join("\n"));
    expect(result.recording).toMatchObject({ exchanges: 2, ignored: 0, skipped: 1 });
    expect(result.recording?.firstSkipped).toMatch(/exchange 1: a URL of \d+ characters/);
    expect(allReports(result)).toContain("1 skipped over the replay limits");
  });
});

describe("4. distinct $select sets", () => {
  it("compile no validator: the one precompiled full validator judges every selection", () => {
    const get = operationById("getUserTemporaryAccessPassMethod");
    const body = { id: pass().id, isUsable: true };
    const validator = schemaValidator("TemporaryAccessPassAuthenticationMethod");
    for (let i = 0; i < 200; i++) {
      const selected = [
        "id",
        "isUsable",
        ...["startDateTime", "lifetimeInMinutes", "isUsableOnce", "createdDateTime"].filter((_, b) => i & (1 << b)),
        `unknown${i}`,
      ];
      // Properties selected but absent are missing: only those are reported.
      const missing = validateResponseBody(get, 200, body, selected).map((f) => f.message);
      expect(missing.length).toBe(selected.length - 2 - 1);
    }
    expect(schemaValidator("TemporaryAccessPassAuthenticationMethod")).toBe(validator);
    // Still judged: a selected property must be there and of its type.
    expect(validateResponseBody(get, 200, body, ["id", "isUsable"])).toEqual([]);
    expect(validateResponseBody(get, 200, { id: body.id }, ["id", "isUsable"]).map((f) => f.keyword)).toContain(
      "required",
    );
  });

  it("names outside the documented properties are reported by undocumented-properties", async () => {
    const e = getExchange({ id: pass().id, isUsable: true });
    e.request.url += "?$select=id,isUsable,favouriteColour";
    const result = await replayText(line(e));
    const outcome = result.outcomes.find((o) => o.check === "undocumented-properties" && o.status === "fail");
    expect(outcome?.message).toContain('$select names undocumented properties: "favouriteColour"');
    expect(result.outcomes.find((o) => o.check === "response-schema")?.status).toBe("pass");
  });
});

describe("5. deep nesting and oversized entries", () => {
  const deep = (n: number): unknown => {
    let node: unknown = SECRET;
    for (let i = 0; i < n; i++) node = { temporaryAccessPas: node, x: [1] };
    return node;
  };

  it("redaction and samples cut a body nested 20,000 deep instead of overflowing the stack", () => {
    const body = deep(20_000);
    expect(JSON.stringify(redactValue(body))).toContain(tooDeep);
    const e = getExchange(body);
    expect(JSON.stringify(sampleOf(e))).toMatch(/<nested deeper than \d+ levels>/);
    expect(recordLine(e)).toContain(tooDeep);
  });

  it(
    "redaction of text costs linear time, also on runs built to make a pattern retry (a quadratic one would time " +
      "out)",
    () => {
      const hostile = [
        '"password":"' + "\\".repeat(1_000_000),
        "eyJ".repeat(300_000) + ".",
        "-eyJ".repeat(250_000) + ".",
        'temporaryAccessPass:"'.repeat(50_000),
        "Bearer ".repeat(100_000),
      ];
      for (const text of hostile) expect(redactText(text).length).toBeGreaterThan(0);
      expect(terminalText(`${"\n".repeat(1_000_000)}x\n::error::x`)).toMatch(/\nx\n\\::error::x$/);
      expect(redactText(`x eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl y`)).toBe("x <redacted token> y");
    },
  );

  it(
    "replay skips and counts an NDJSON line nested too deep, or over the byte cap, and a HAR entry over " + "it",
    async () => {
      const deepText = `${'{"a":['.repeat(20_000)}1${"]}".repeat(20_000)}`;
      const tooDeepLine =
        `{"request":${JSON.stringify(getExchange().request)},"response":{"status":200,"headers":{},` +
        `"body":${deepText}}}`;
      const big = getExchange(pass({ padding: "x".repeat(2 * 1024 * 1024) }));
      const result = await replayText([tooDeepLine, line(big), line(getExchange())].join("\n"));
      expect(result.recording).toMatchObject({ exchanges: 3, skipped: 2 });
      expect(result.recording?.firstSkipped).toMatch(/line 1 \(entry 1\): nested deeper than 64 levels/);

      const entry = (e: Exchange) => ({
        request: { method: e.request.method, url: e.request.url, headers: [] },
        response: { status: e.response.status, headers: [], content: { text: JSON.stringify(e.response.body) } },
      });
      const har = await replayText(
        JSON.stringify({ log: { version: "1.2", entries: [entry(big), entry(getExchange())] } }),
        "har",
      );
      expect(har.recording).toMatchObject({ exchanges: 2, skipped: 1 });
      expect(har.recording?.firstSkipped).toMatch(/entry 1: larger than 1048576 bytes/);
    },
  );
});

describe("6. server strings in reports", () => {
  const hostile =
    "x\n::error title=forged::pwned\r\n\u001b[2J\u001b]8;;https://" +
    "evil.test\u0007\n```\n\u0000\u0008\u000b\u001f\u007f\u0085\ud800\udfff\ufffe\uffff\u202e";
  let result: RunResult;

  beforeAll(async () => {
    const e = getExchange({ "@odata.context": `${ORIGIN}/v1.0/$metadata#${hostile}`, ...pass(), [hostile]: 1 });
    result = await replayText(line(e));
    expect(result.outcomes.filter((o) => o.status === "fail").map((o) => o.check)).toEqual(
      expect.arrayContaining(["odata-context", "undocumented-properties"]),
    );
  });

  it("console: no control character, no line a CI log would run as a command", () => {
    const plain = reporters.console!.render(result, { color: false }).stdout!;
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]|\p{Cs}/u);
    expect(plain.split("\n").filter((l) => /^\s*(::|##)/.test(l))).toEqual([]);
    const coloured = reporters.console!.render(result, { color: true }).stdout!;
    expect(coloured.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("GitHub: every stdout line is one of the reporter's own annotations; the summary's fence holds", () => {
    const out = reporters.github!.render(result, { color: false });
    const lines = out.stdout!.trimEnd().split("\n");
    const own = result.outcomes.filter((o) => o.status === "fail" || o.status === "error").length;
    expect(lines).toHaveLength(own);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) title=[^\n]*::[^\n\r\u001b]*$/);
    const summary = out.stepSummary!;
    // The hostile line of three backticks sits between an opening and a closing fence longer than it.
    const lines2 = summary.split("\n");
    const hostileAt = lines2.findIndex((l) => l.trim() === "```");
    const open = lines2.slice(0, hostileAt).findLastIndex((l) => /^\s*`{4,}\s*$/.test(l));
    expect(hostileAt).toBeGreaterThan(0);
    expect(open).toBeGreaterThanOrEqual(0);
    const close = lines2.findIndex((l, i) => i > hostileAt && l.trim() === lines2[open]!.trim());
    expect(close).toBeGreaterThan(hostileAt);
    expect(summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("JUnit: well-formed XML for every code point class", () => {
    const xml = reporters.junit!.render(result, { color: false }).files![0]!.text;
    expect(XMLValidator.validate(xml)).toBe(true);
    // XML 1.0's Char production: what the validator above does not check, and parsers reject.
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(xml).toContain("\\u{1B}[2J");
  });
});

describe("7. masking of credentials in recordings", () => {
  it("masks every credential header, whatever its form, and Set-Cookie in responses", () => {
    const e = getExchange();
    e.request.headers = {
      authorization: `opaque-${SECRET}`,
      "proxy-authorization": `Basic ${SECRET}`,
      cookie: `session=${SECRET}`,
      "x-note": "fine",
    };
    e.response.headers = { ...e.response.headers, "set-cookie": `session=${SECRET}; HttpOnly` };
    const recorded = recordLine(e);
    expect(recorded).not.toContain(SECRET);
    expect(recorded).toContain('"proxy-authorization":"Basic <redacted>"');
    expect(recorded).toContain('"x-note":"fine"');
  });

  it("no rule keeps a /me request's token in memory after the check", () => {
    const script = join(repoRoot, "test/security/support/token-retention.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("retained: no");
  });
});

describe("8. the token command", () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? "");
      req.resume();
      if (req.url?.includes("/redirect/")) {
        res
          .writeHead(307, {
            location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/elsewhere/oauth2/v2.0/token`,
          })
          .end();
      } else if (req.url?.includes("/huge/")) {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = `{"access_token":"${"a".repeat(64 * 1024)}`;
        for (let i = 0; i < 64; i++) res.write(chunk);
        res.end('"}');
      } else res.writeHead(200, { "content-type": "application/json" }).end('{"access_token":"elsewhere-token"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("never follows a redirect with the client secret in the body", async () => {
    const out = await runToken(["--url", url, "--tenant", "redirect", "--app", "some-app", "--secret", SECRET]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/redirect \(HTTP 307\); not followed/);
    expect(seen.some((u) => u.startsWith("/elsewhere/"))).toBe(false);
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });

  it("reads the answer only up to a cap", async () => {
    const out = await runToken(["--url", url, "--tenant", "huge", "--app", "some-app"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/more than 65536 bytes/);
    expect(out.stdout).toBe("");
  });
});
