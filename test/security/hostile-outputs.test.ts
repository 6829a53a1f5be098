// Properties of what a run writes, one per hostile class (issue 19), each generated, bounded in
// count and time, and each failing before its fix:
// - secret-named values of any type keep the JSON report and the recording valid JSON, without the value;
// - a token the recording sent, echoed in simple encodings (base64, base64url, reversed, a long
//   part, percent-encoded, one character JSON-escaped) anywhere, reaches no output;
// - a secret under an odd key form (newline before the colon, escaped or look-alike key, single
//   quotes, HTML- or percent-encoded JSON, XML, base64 JSON), a secret header or a secret query
//   parameter reaches no output;
// - report size does not grow with body size;
// - the HTML report passes on no control character;
// - NDJSON with a byte order mark reads as HAR with one does;
// - a symbolic link planted in --out is never written through;
// - a token with a control character is refused up front.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../conformance/cli/index.js";
import { recordLine } from "../../conformance/replay/recorder.js";
import { operations } from "../../src/spec/index.js";
import { tempDir } from "../conformance/recordings.js";

const dir = tempDir();
let summaryEnv: string | undefined;
beforeAll(() => {
  summaryEnv = process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_STEP_SUMMARY;
});
afterAll(() => {
  if (summaryEnv !== undefined) process.env.GITHUB_STEP_SUMMARY = summaryEnv;
  rmSync(dir, { recursive: true, force: true });
});

const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";
const LIST = `https://graph.microsoft.com/v1.0/users/${USER}/authentication/temporaryAccessPassMethods`;
const GET = `${LIST}/${METHOD}`;
/** Characters no report escapes, so that a leak is seen as it is. */
const secretChars = [..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@$*+-_.~"];
const secret = fc.string({ unit: fc.constantFrom(...secretChars), minLength: 16, maxLength: 40 });
/** An opaque (not JWT) token: only its value tells it is one. */
const opaqueToken = fc.string({ unit: fc.constantFrom(...secretChars), minLength: 40, maxLength: 160 });

const tap = {
  id: METHOD,
  temporaryAccessPass: null,
  createdDateTime: "2026-01-01T00:00:00Z",
  startDateTime: "2026-01-01T00:00:00Z",
  lifetimeInMinutes: 60,
  isUsableOnce: false,
  isUsable: true,
  methodUsabilityReason: "EnabledByPolicy",
};

interface Line {
  request: { method: string; url: string; headers: Record<string, string> };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyText?: string };
}

const line = (over: Partial<Line["request"]>, response: Line["response"]): Line => ({
  request: { method: "GET", url: GET, headers: {}, ...over },
  response,
});

interface Run {
  code: number;
  /** stdout, stderr and every report file, concatenated. */
  output: string;
  files: Record<string, string>;
}

let runs = 0;
async function replay(text: string | Buffer, ext = "ndjson", extra: string[] = []): Promise<Run> {
  const n = runs++;
  const file = join(dir, `r${n}.${ext}`);
  const out = join(dir, `out${n}`);
  writeFileSync(file, text);
  let output = "";
  const capture = (chunk: unknown) => ((output += String(chunk)), true);
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  try {
    const code = await main([
      "replay",
      file,
      ...["--reporter", "console,json,junit,github,html", "--severity", "low", "--out", out, ...extra],
    ]);
    const files: Record<string, string> = {};
    for (const name of readdirSync(out)) files[name] = readFileSync(join(out, name), "utf8");
    return { code, output: output + Object.values(files).join("\n"), files };
  } finally {
    vi.restoreAllMocks();
    rmSync(file, { force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

const ndjson = (lines: Line[]) => `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
const quick = { numRuns: 15, seed: 20261202, interruptAfterTimeLimit: 40_000 };

describe("secret-named values of any type", () => {
  const value = fc.oneof(
    fc.integer({ min: 10_000_000, max: 2_000_000_000 }).map((n) => ({ shown: String(n), value: n })),
    fc.integer({ min: 10_000_000, max: 2_000_000_000 }).map((n) => ({ shown: String(n), value: [n, { n }] })),
    secret.map((s) => ({ shown: s, value: { inner: s, list: [s] } })),
  );
  const key = fc.constantFrom("temporaryAccessPass", "lastPassword", "client_secret", "passcode", "accessToken");
  it("keep the JSON report and the recording valid JSON, and never show the value", async () => {
    await fc.assert(
      fc.asyncProperty(key, value, async (k, v) => {
        const l = line(
          {},
          { status: 200, headers: { "content-type": "application/json" }, body: { ...tap, [k]: v.value } },
        );
        const run = await replay(ndjson([l]));
        expect([0, 1]).toContain(run.code);
        JSON.parse(run.files["tap-contract.json"]!);
        expect(run.output).not.toContain(v.shown);
        const operation = operations.find((o) => o.method === "GET" && o.path.endsWith("}"))!;
        const recorded = recordLine({ operation, params: {}, request: l.request, response: l.response });
        const parsed = JSON.parse(recorded) as Line;
        expect(recorded).not.toContain(v.shown);
        expect(Object.keys(parsed.response.body as object)).toContain(k);
      }),
      quick,
    );
  }, 60_000);
});

describe("a token the recording sent, echoed", () => {
  const form = fc.constantFrom("raw", "base64", "base64url", "reversed", "part", "percent", "escaped");
  const place = fc.constantFrom("body", "text", "header");
  const encode = (t: string, f: string): string =>
    f === "raw"
      ? t
      : f === "base64"
        ? Buffer.from(`Bearer ${t}`).toString("base64")
        : f === "base64url"
          ? Buffer.from(t).toString("base64url")
          : f === "reversed"
            ? [...t].reverse().join("")
            : f === "part"
              ? `…${t.slice(5, 5 + Math.max(20, Math.floor(t.length / 2)))}…`
              : f === "percent"
                ? [...t].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")
                : `${t.slice(0, 3)}\\u${t.charCodeAt(3).toString(16).padStart(4, "0")}${t.slice(4)}`;
  it("reaches no output in any of its forms", async () => {
    await fc.assert(
      fc.asyncProperty(opaqueToken, form, place, async (token, f, p) => {
        const echoed = encode(token, f);
        const sent = line(
          { headers: { authorization: `Bearer ${token}` } },
          {
            status: 200,
            headers: { "content-type": "application/json" },
            body: tap,
          },
        );
        const echo =
          p === "body"
            ? line(
                {},
                {
                  status: 200,
                  headers: { "content-type": "application/json" },
                  body: { ...tap, note: `you sent ${echoed}` },
                },
              )
            : p === "text"
              ? line({}, { status: 500, headers: { "content-type": "text/plain" }, bodyText: `failed for ${echoed}` })
              : line(
                  {},
                  {
                    status: 200,
                    headers: { "content-type": "application/json", "x-trace": echoed },
                    body: { ...tap, x: 1 },
                  },
                );
        const run = await replay(ndjson([sent, echo]));
        expect([0, 1]).toContain(run.code);
        expect(run.output).toMatch(/undocumented-properties|not-a-server-error/);
        for (const shown of [token, encode(token, f), token.slice(5, 37)])
          expect(run.output, `${f} in ${p}`).not.toContain(shown.replace(/^…|…$/g, ""));
      }),
      quick,
    );
  }, 60_000);
});

describe("odd key forms, secret headers and query parameters", () => {
  const forms: Array<(s: string) => Partial<Line["request"]> & { text?: string; headers?: Record<string, string> }> = [
    (s) => ({ text: `{"temporaryAccessPass"\n : "${s}"` }),
    (s) => ({ text: `{\\"password\\":\\"${s}\\"}` }),
    (s) => ({ text: `{'passcode': '${s}'}` }),
    (s) => ({ text: `{&quot;temporaryAccessPass&quot;:&quot;${s}&quot;}` }),
    (s) => ({ text: encodeURIComponent(JSON.stringify({ password: s })) }),
    (s) => ({ text: `<r><password>${s}</password></r>` }),
    (s) => ({ text: `{"t\u0435mporaryAccessPass": "${s}"` }),
    (s) => ({ text: `{"temporary_access_pass": "${s}"` }),
    (s) => ({ text: `{"lastPassword": "${s}"` }),
    (s) => ({ text: `{"\\u0074emporaryAccessPass": "${s}"` }),
    (s) => ({ text: `data: ${Buffer.from(JSON.stringify({ temporaryAccessPass: s })).toString("base64")}` }),
    (s) => ({ headers: { "x-functions-key": s } }),
    (s) => ({ headers: { "x-ms-client-secret": s } }),
    (s) => ({ headers: { "x-auth-token": s } }),
    (s) => ({ url: `${GET}?code=${s}` }),
    (s) => ({ url: `${GET}?a=1&sig=${s}` }),
  ];
  it("reach no output", async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.integer({ min: 0, max: forms.length - 1 }), async (s, i) => {
        const f = forms[i]!(s);
        const l =
          f.text !== undefined
            ? line({}, { status: 500, headers: { "content-type": "text/plain" }, bodyText: f.text })
            : line(
                { ...(f.url ? { url: f.url } : {}), ...(f.headers ? { headers: f.headers } : {}) },
                {
                  status: 500,
                  headers: { "content-type": "application/json", ...(f.headers ?? {}) },
                  body: { ...tap },
                },
              );
        const run = await replay(ndjson([l]));
        expect([0, 1]).toContain(run.code);
        expect(run.output).toContain("not-a-server-error");
        expect(run.output, `form ${i}`).not.toContain(s);
      }),
      { ...quick, numRuns: 32 },
    );
  }, 60_000);
});

describe("report size", () => {
  it("does not grow with the size of the bodies behind the findings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 12 }),
        fc.integer({ min: 20_000, max: 200_000 }),
        fc.boolean(),
        async (entries, size, wide) => {
          const lines = Array.from({ length: entries }, (_, i) => {
            const extra: Record<string, unknown> = {};
            if (wide) for (let k = 0; k < size / 100; k++) extra[`p${i}_${k}`] = "v".repeat(90);
            else extra[`long${i}`] = "x".repeat(size);
            return line(
              {},
              { status: 200, headers: { "content-type": "application/json" }, body: { ...tap, ...extra } },
            );
          });
          const run = await replay(ndjson(lines));
          expect(run.code).toBe(1);
          // About 20 KiB per sample at most, 5 samples per outcome, whatever each body weighs.
          expect(Buffer.byteLength(run.files["tap-contract.json"]!)).toBeLessThan(400_000);
          expect(Buffer.byteLength(run.files["report.html"]!)).toBeLessThan(600_000);
        },
      ),
      { ...quick, numRuns: 6 },
    );
  }, 90_000);
});

describe("the HTML report", () => {
  const control = fc
    .integer({ min: 0, max: 0x9f })
    .filter((c) => (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c >= 0x7f)
    .map((c) => String.fromCharCode(c));
  it("passes on no control character", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(control, { minLength: 1, maxLength: 6 }), async (chars) => {
        const odd = `a${chars.join("b")}c`;
        const run = await replay(
          ndjson([
            line({}, { status: 500, headers: { "content-type": "text/plain", "x-odd": odd }, bodyText: odd }),
            line({}, { status: 200, headers: { "content-type": "application/json" }, body: { ...tap, [odd]: odd } }),
          ]),
        );
        expect(run.files["report.html"]).toBeDefined();
        expect(run.files["report.html"]).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      }),
      quick,
    );
  }, 60_000);
});

describe("byte order marks", () => {
  it("are read the same in NDJSON as in HAR", async () => {
    const l = line({}, { status: 200, headers: { "content-type": "application/json" }, body: tap });
    const har = JSON.stringify({
      log: {
        version: "1.2",
        entries: [
          {
            request: { method: "GET", url: GET, headers: [] },
            response: {
              status: 200,
              headers: [{ name: "content-type", value: "application/json" }],
              content: { text: JSON.stringify(tap) },
            },
          },
        ],
      },
    });
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.integer({ min: 1, max: 3 }), async (crlf, copies) => {
        const body = Array.from({ length: copies }, () => JSON.stringify(l)).join(crlf ? "\r\n" : "\n");
        const plain = await replay(body);
        const bom = await replay(`\uFEFF${body}`);
        const harBom = await replay(`\uFEFF${har}`, "har");
        expect([0, 1]).toContain(plain.code);
        expect(bom.code).toBe(plain.code);
        expect(harBom.code).toBe(plain.code);
      }),
      { ...quick, numRuns: 4 },
    );
  }, 60_000);
});

describe("symbolic links in --out", () => {
  const names = fc.constantFrom("tap-contract.json", "report.html", "junit.xml", "summary.md", "(the directory)");
  it("are never written through", async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const n = runs++;
        const victim = join(dir, `victim${n}`);
        writeFileSync(victim, "keep me");
        const out = join(dir, `links${n}`);
        if (name === "(the directory)") {
          mkdirSync(`${victim}.d`);
          symlinkSync(`${victim}.d`, out);
        } else {
          mkdirSync(out);
          symlinkSync(victim, join(out, name));
        }
        const file = join(dir, `l${n}.ndjson`);
        writeFileSync(
          file,
          ndjson([line({}, { status: 200, headers: { "content-type": "application/json" }, body: tap })]),
        );
        let err = "";
        vi.spyOn(process.stdout, "write").mockImplementation(() => true);
        vi.spyOn(process.stderr, "write").mockImplementation((c) => ((err += String(c)), true));
        vi.spyOn(console, "error").mockImplementation((...a) => void (err += a.join(" ")));
        let code: number;
        try {
          code = await main(["replay", file, "--reporter", "console,json,junit,github,html", "--out", out]);
        } finally {
          vi.restoreAllMocks();
        }
        expect(readFileSync(victim, "utf8")).toBe("keep me");
        // Refused up front (2) for the directory; for one file, the run keeps its verdict (this one fails: 1).
        expect(code).toBe(name === "(the directory)" ? 2 : 1);
        expect(err).toMatch(/symbolic link/);
        if (name === "(the directory)") expect(readdirSync(`${victim}.d`)).toEqual([]);
        else {
          expect(lstatSync(join(out, name)).isSymbolicLink()).toBe(true);
          // The other reports are still written.
          const others = readdirSync(out).filter((f) => f !== name && !f.startsWith("."));
          expect(others.length).toBe(3);
          for (const f of others) expect(statSync(join(out, f)).size).toBeGreaterThan(0);
        }
      }),
      { ...quick, numRuns: 10 },
    );
  }, 60_000);
});

describe("a symbolic link planted where --record goes", () => {
  it("is refused before the run, and what it points to is left as it was", async () => {
    const victim = join(dir, "record-victim");
    writeFileSync(victim, "keep me");
    const link = join(dir, "record-link.ndjson");
    symlinkSync(victim, link);
    let err = "";
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation((c) => ((err += String(c)), true));
    vi.spyOn(console, "error").mockImplementation((...a) => void (err += a.join(" ")));
    let code: number;
    try {
      code = await main(["check", "--record", link, "--out", join(dir, "record-out")]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(code).toBe(2);
    expect(err).toMatch(/--record .*symbolic link/);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
  });
});

describe("a token with a control character", () => {
  const jwt = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from(
    JSON.stringify({ oid: USER, scp: "UserAuthenticationMethod.Read.All", tid: "t", exp: 4_000_000_000 }),
  ).toString("base64url")}.c2lnbmF0dXJl`;
  const control = fc.constantFrom("\r", "\n", "\r\n", "\u0000", "\u001b", "\u0085", "\t");
  it("is refused up front, in one line, and its tail reaches no output", async () => {
    await fc.assert(
      fc.asyncProperty(control, fc.integer({ min: 1, max: jwt.length - 1 }), async (c, at) => {
        const tail = "X-Injected-Header: forged-tail-value";
        vi.stubEnv("GRAPH_TOKEN_APP", `${jwt.slice(0, at)}${c}${jwt.slice(at)}${c}${tail}`);
        let err = "";
        vi.spyOn(process.stdout, "write").mockImplementation(() => true);
        vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
        vi.spyOn(console, "error").mockImplementation((...a) => void (err += `${a.join(" ")}\n`));
        let code: number;
        try {
          code = await main(["check", "--target", "http://127.0.0.1:9/v1.0", "--out", join(dir, "never")]);
        } finally {
          vi.restoreAllMocks();
          vi.unstubAllEnvs();
        }
        expect(code).toBe(2);
        expect(err).toMatch(/GRAPH_TOKEN_APP: the token holds a control character/);
        expect(err.trim().split("\n")).toHaveLength(1);
        expect(err).not.toContain("forged-tail");
      }),
      { ...quick, numRuns: 10 },
    );
  }, 60_000);
});
