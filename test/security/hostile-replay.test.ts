// Property: whatever a recording holds (deep nesting, huge and odd strings, invalid UTF-16 and
// UTF-8, long URLs, wrong types, secrets in every place a secret goes), `tap-contract replay`
// ends with exit 0, 1 or 2, prints no stack, and writes no secret to any output (stdout,
// stderr, every report file). Entries are batched: over 10,000 entries in 40 replays.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import { tempDir } from "../conformance/recordings.js";

const dir = tempDir();
let summaryEnv: string | undefined;
beforeAll(() => {
  // The github reporter appends to this file when it is set: keep the test's summary in its own directory.
  summaryEnv = process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_STEP_SUMMARY;
});
afterAll(() => {
  if (summaryEnv !== undefined) process.env.GITHUB_STEP_SUMMARY = summaryEnv;
  rmSync(dir, { recursive: true, force: true });
});

const ORIGIN = "https://graph.microsoft.com";
const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";
/** A pass's alphabet without the characters a report escapes (&, <, >), so a leak is seen as it is. */
const secretChars = [..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%*+=?"];
const secret = fc.string({ unit: fc.constantFrom(...secretChars), minLength: 12, maxLength: 48 });

/** Strings a hostile server or recording would send. */
const oddPiece = fc.constantFrom(
  "\n",
  "\r\n",
  "\u001b[31m",
  "\u001b]8;;x\u0007",
  "::error::forged",
  "##[error]x",
  "```",
  "\ud800",
  "\udfff",
  "\u0000",
  "\u0085",
  "\u202e",
  "%0A",
  "<b>",
  "&amp;",
  "]]>",
  "|",
  "x",
  "é",
  "😀",
  "\ufffe",
);
const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: oddPiece, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => "z".repeat(n)) },
);
/** Rarely, a string over the replay's byte cap per entry (1 MiB). */
const huge = fc.integer({ min: 1_048_000, max: 1_100_000 }).map((n) => "h".repeat(n));

/** Percent-encoding that never throws (a lone surrogate becomes U+FFFD's bytes); half the time the text goes in raw. */
const enc = (text: string, raw: boolean) =>
  raw
    ? text
    : [...Buffer.from(text, "utf8")]
        .map((b) =>
          /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).padStart(2, "0")}`,
        )
        .join("");

/** A URL: a TAP path behind any prefix (sometimes tens of thousands of segments), with odd parts and a $select. */
const url = fc
  .record({
    prefix: fc.oneof(
      { weight: 20, arbitrary: fc.constant("/v1.0") },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `/${"p/".repeat(n)}v1.0`) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((n) => `/${"p/".repeat(n)}v1.0`) },
    ),
    subject: fc.oneof(
      fc.constant("/me"),
      fc.constant(`/users/${USER}`),
      fc.tuple(oddString, fc.boolean()).map(([s, raw]) => `/users/${enc(s.slice(0, 300), raw)}`),
    ),
    method: fc.option(
      fc.oneof(
        fc.constant(METHOD),
        fc.tuple(oddString, fc.boolean()).map(([s, raw]) => enc(s.slice(0, 100), raw)),
      ),
    ),
    select: fc.option(
      fc.array(
        fc.oneof(
          fc.constantFrom("id", "isUsable", "temporaryAccessPass"),
          oddString.map((s) => s.slice(0, 50)),
        ),
        { maxLength: 6 },
      ),
    ),
  })
  .map(
    ({ prefix, subject, method, select }) =>
      `${ORIGIN}${prefix}${subject}/authentication/temporaryAccessPassMethods${method !== null ? `/${method}` : ""}` +
      `${select ? `?$select=${enc(select.join(","), false)}` : ""}`,
  );

const DEEP = "__deep__";
/** A body: a pass (with its secret, or null), a list, an error, any JSON, or a placeholder for deep nesting. */
function body(s: string) {
  const method = fc.record(
    {
      id: fc.oneof(fc.constant(METHOD), oddString),
      temporaryAccessPass: fc.oneof(fc.constant(s), fc.constant(null)),
      createdDateTime: fc.oneof(fc.constant("2026-11-28T10:00:00Z"), oddString),
      startDateTime: fc.constant("2026-11-28T10:00:00Z"),
      lifetimeInMinutes: fc.oneof(fc.integer(), oddString),
      isUsableOnce: fc.boolean(),
      isUsable: fc.oneof(fc.boolean(), oddString),
      methodUsabilityReason: fc.oneof(fc.constant("EnabledByPolicy"), oddString),
      "@odata.context": fc.oneof(
        fc.constant(`${ORIGIN}/v1.0/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods/$entity`),
        oddString,
      ),
    },
    { requiredKeys: ["temporaryAccessPass"] },
  );
  const withOddKey = fc.tuple(method, oddString, fc.jsonValue({ maxDepth: 2 })).map(([m, k, v]) => ({ ...m, [k]: v }));
  return fc.oneof(
    { weight: 4, arbitrary: withOddKey },
    {
      weight: 2,
      arbitrary: fc
        .array(withOddKey, { maxLength: 3 })
        .map((value) => ({ "@odata.context": `${ORIGIN}/v1.0/$metadata#users`, value })),
    },
    { weight: 1, arbitrary: fc.record({ error: fc.record({ code: oddString, message: oddString }) }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.constant(DEEP) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        { weight: 1, arbitrary: huge.map((h) => ({ huge: h })) },
        { weight: 19, arbitrary: fc.constant(null) },
      ),
    },
  );
}

/** Where a secret may sit in the request headers, in every form a credential header takes. */
const credentialHeaders = (s: string) =>
  fc
    .subarray([
      ["authorization", `Bearer ${s}`],
      ["authorization", s],
      ["Proxy-Authorization", `Basic ${s}`],
      ["cookie", `session=${s}; other=1`],
    ] as Array<[string, string]>)
    .map((pairs) => Object.fromEntries(pairs));

/** One exchange with a secret in its secret places only, and any text in the others. */
const exchange = secret.chain((s) =>
  fc.record({
    secret: fc.constant(s),
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("GET", "POST", "DELETE") },
      { weight: 1, arbitrary: oddString },
    ),
    url: fc.oneof({ weight: 8, arbitrary: url }, { weight: 1, arbitrary: oddString }),
    requestHeaders: credentialHeaders(s),
    status: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(200, 201, 204, 400, 403, 404, 429, 500) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
    ),
    responseHeaders: fc.dictionary(
      fc.oneof(fc.constantFrom("content-type", "request-id", "date", "retry-after", "set-cookie"), oddString),
      oddString,
      { maxKeys: 4 },
    ),
    setCookie: fc.boolean(),
    body: body(s),
    // A body that is not JSON: cut off anywhere after the pass, or with the pass inside another form.
    bodyText: fc.option(
      fc.constantFrom(
        `{"id":"${METHOD}","temporaryAccessPass":"${s}`,
        `{"temporaryAccessPass": "${s}", "x": }`,
        `grant_type=client_credentials&client_secret=${s}&scope=x`,
        `access_token=${s}`,
        `{"error":"x","password":"${s}"`,
      ),
    ),
    depth: fc.integer({ min: 70, max: 5_000 }),
    startedAt: fc.option(oddString),
  }),
);
type Generated = typeof exchange extends fc.Arbitrary<infer T> ? T : never;

function deepText(n: number): string {
  return `${'{"a":['.repeat(n)}1${"]}".repeat(n)}`;
}

/** The response body as text, with the deep placeholder expanded. */
function bodyJson(g: Generated): string {
  const text = JSON.stringify(g.body) ?? "null";
  return text === JSON.stringify(DEEP) ? deepText(g.depth) : text;
}

function ndjsonLine(g: Generated): string {
  const headers = { ...g.responseHeaders, ...(g.setCookie ? { "set-cookie": `sid=${g.secret}; HttpOnly` } : {}) };
  const request = JSON.stringify({ method: g.method, url: g.url, headers: g.requestHeaders });
  const response =
    g.bodyText !== null
      ? JSON.stringify({ status: g.status, headers, bodyText: g.bodyText })
      : `{"status":${g.status},"headers":${JSON.stringify(headers)},"body":${bodyJson(g)}}`;
  return (
    `{"request":${request},"response":${response}` +
    `${g.startedAt !== null ? `,"startedAt":${JSON.stringify(g.startedAt)}` : ""}}`
  );
}

function harEntry(g: Generated, i: number): string {
  const pairs = (h: Record<string, string>) =>
    JSON.stringify(Object.entries(h).map(([name, value]) => ({ name, value })));
  const headers = { ...g.responseHeaders, ...(g.setCookie ? { "set-cookie": `sid=${g.secret}; HttpOnly` } : {}) };
  const text = g.bodyText ?? bodyJson(g);
  // Every third body base64-encoded, as browsers do with some.
  const content = i % 3 === 0 ? { text: Buffer.from(text).toString("base64"), encoding: "base64" } : { text };
  const request =
    `{"method":${JSON.stringify(g.method)},"url":${JSON.stringify(g.url)},"headers":` + `${pairs(g.requestHeaders)}}`;
  const response =
    g.bodyText === null && i % 3 !== 0
      ? `{"status":${g.status},"headers":${pairs(headers)},"content":{"text":${JSON.stringify(bodyJson(g))}}}`
      : `{"status":${g.status},"headers":${pairs(headers)},"content":${JSON.stringify(content)}}`;
  return (
    `{"startedDateTime":${JSON.stringify(g.startedAt ?? "2026-11-28T10:00:00Z")},"request":${request},` +
    `"response":${response}}`
  );
}

/** Entries of the wrong types: the replay stops there with one line naming the entry. */
const wrongEntry = fc.oneof(
  fc.constant('{"request":5,"response":{}}'),
  fc.constant('{"request":{"method":"GET","url":"x"},"response":{"status":"200"}}'),
  fc.constant('{"request":{"method":"GET","url":"x","headers":{"a":1}},"response":{"status":200}}'),
  fc.constant("[1,2,3]"),
  fc.constant('{"request": {"method": "GET"'),
);

/** One replay in four ends on a wrong entry (after all the others were read). */
const maybeWrong = fc.tuple(fc.nat(3), wrongEntry).map(([n, w]) => (n === 0 ? w : null));

/** A file's text, as bytes: sometimes with bytes that are not UTF-8. */
function withBadUtf8(text: string, bad: boolean): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (!bad) return bytes;
  // A stray 0xFF inside the last JSON string of the first line (a place where any byte may sit).
  const at = bytes.indexOf(0x22, Math.floor(bytes.length / 2));
  return at === -1
    ? bytes
    : Buffer.concat([bytes.subarray(0, at + 1), Buffer.from([0xff, 0xfe]), bytes.subarray(at + 1)]);
}

interface Outcome {
  code: number;
  output: string;
}

async function replay(file: string, out: string): Promise<Outcome> {
  let output = "";
  const capture = (chunk: unknown) => ((output += String(chunk)), true);
  const log = vi.spyOn(console, "log").mockImplementation(capture);
  const error = vi.spyOn(console, "error").mockImplementation(capture);
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture);
  try {
    const code = await main(["replay", file, "--reporter", "console,json,junit,github,html", "--out", out]);
    for (const name of readdirSync(out)) output += readFileSync(join(out, name), "utf8");
    return { code, output };
  } finally {
    log.mockRestore();
    error.mockRestore();
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

let entries = 0;
let runs = 0;
const codes: number[] = [];

function judge(result: Outcome, secrets: string[]): void {
  codes.push(result.code);
  expect([0, 1, 2]).toContain(result.code);
  expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(result.output).not.toContain("unexpected error");
  for (const s of secrets) expect(result.output, `secret ${JSON.stringify(s)} in the output`).not.toContain(s);
}

/** Writes one generated recording, replays it with every reporter, and judges what came out. */
async function replayOnce(
  ext: "ndjson" | "har",
  generated: Array<{ secret: string }>,
  text: (n: number) => string | Uint8Array,
): Promise<void> {
  const n = runs++;
  const file = join(dir, `h${n}.${ext}`);
  const out = join(dir, `out${n}`);
  mkdirSync(out);
  writeFileSync(file, text(n));
  entries += generated.length;
  judge(
    await replay(file, out),
    generated.map((g) => g.secret),
  );
  rmSync(file);
  rmSync(out, { recursive: true });
}

describe("replay under hostile recordings", () => {
  it("NDJSON: exit 0, 1 or 2, no stack, no secret, for thousands of entries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(exchange, { minLength: 250, maxLength: 270 }),
        maybeWrong,
        fc.boolean(),
        async (generated, wrong, bad) => {
          await replayOnce("ndjson", generated, (n) =>
            withBadUtf8([...generated.map(ndjsonLine), ...(wrong ? [wrong] : [])].join("\n"), bad && n % 5 === 0),
          );
        },
      ),
      { numRuns: 20, seed: 20261130 },
    );
  }, 120_000);

  it("HAR: exit 0, 1 or 2, no stack, no secret, for thousands of entries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exchange, { minLength: 250, maxLength: 270 }), maybeWrong, async (generated, wrong) => {
        const list = [...generated.map(harEntry), ...(wrong ? [wrong] : [])];
        await replayOnce(
          "har",
          generated,
          () => `{"log":{"version":"1.2","creator":{"name":"fuzz","version":"1"},"entries":[${list.join(",")}]}}`,
        );
      }),
      { numRuns: 20, seed: 20261130 },
    );
  }, 120_000);

  it("covered at least 10,000 entries in bounded memory", () => {
    expect(entries).toBeGreaterThanOrEqual(10_000);
    // Most replays read their whole file and judged it (a wrong entry stops one with exit 2).
    expect(codes.filter((c) => c === 1).length).toBeGreaterThan(codes.length / 2);
    // Generous: the replays stream; what is left is the generated data and the test runner.
    expect(process.memoryUsage().rss).toBeLessThan(2 * 1024 ** 3);
  });
});
