// Bounded fuzzing of the replay parsers: whatever a recording holds, each entry becomes a
// recorded exchange or a one-line UserError naming where it is; nothing else is ever thrown.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readHar, recordedFromHar } from "../../conformance/replay/har.js";
import { readNdjson, recordedFromJson } from "../../conformance/replay/ndjson.js";
import { UserError } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "tap-fuzz-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A verdict on one call: ok, or the one-line UserError it threw; anything else fails the property. */
function judge(run: () => unknown, where: string): void {
  try {
    run();
  } catch (err) {
    expect(err, String(err)).toBeInstanceOf(UserError);
    expect((err as Error).message).not.toContain("\n");
    expect((err as Error).message).toContain(where);
  }
}

async function drain(iterable: AsyncIterable<unknown>, path: string): Promise<void> {
  try {
    for await (const _ of iterable) void _;
  } catch (err) {
    expect(err, String(err)).toBeInstanceOf(UserError);
    expect((err as Error).message).not.toContain("\n");
    expect((err as Error).message).toContain(path);
  }
}

// Shapes near a real exchange, so the fuzzer reaches past the first type check.
const headers = fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything());
const almostExchange = fc.record(
  {
    request: fc.oneof(
      fc.record(
        {
          method: fc.oneof(fc.constantFrom("GET", "POST", "DELETE"), fc.anything()),
          url: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
          headers,
          body: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    response: fc.oneof(
      fc.record(
        {
          status: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double(), fc.anything()),
          headers,
          body: fc.anything(),
          bodyText: fc.oneof(fc.string(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    startedAt: fc.anything(),
  },
  { requiredKeys: [] },
);
const harHeaders = fc.oneof(
  fc.array(fc.record({ name: fc.oneof(fc.string(), fc.anything()), value: fc.oneof(fc.string(), fc.anything()) })),
  fc.anything(),
);
const almostHarEntry = fc.record(
  {
    request: fc.oneof(
      fc.record(
        {
          method: fc.oneof(fc.constant("GET"), fc.anything()),
          url: fc.oneof(fc.webUrl(), fc.anything()),
          headers: harHeaders,
          postData: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    response: fc.oneof(
      fc.record(
        {
          status: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.anything()),
          headers: harHeaders,
          content: fc.record(
            { text: fc.oneof(fc.string(), fc.anything()), encoding: fc.oneof(fc.constant("base64"), fc.anything()) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    startedDateTime: fc.anything(),
  },
  { requiredKeys: [] },
);

describe("replay parsers under fuzzing", () => {
  it("an NDJSON entry of any shape is an exchange or a one-line UserError", () => {
    fc.assert(
      fc.property(fc.oneof(almostExchange, fc.anything()), (value) =>
        judge(() => recordedFromJson(value, "rec.ndjson: line 7"), "line 7"),
      ),
      { numRuns: 1000 },
    );
  });

  it("a HAR entry of any shape is an exchange, nothing (status 0), or a one-line UserError", () => {
    fc.assert(
      fc.property(fc.oneof(almostHarEntry, fc.anything()), (value) =>
        judge(() => recordedFromHar(value, "rec.har: entry 3"), "entry 3"),
      ),
      { numRuns: 1000 },
    );
  });

  it("an NDJSON file of arbitrary lines streams to its end or stops with a one-line error", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            almostExchange.map((v) => JSON.stringify(v) ?? "null"),
            fc.json(),
            fc.string(),
          ),
          { maxLength: 8 },
        ),
        async (lines) => {
          const path = join(dir, `f${n++}.ndjson`);
          writeFileSync(path, lines.join("\n"));
          await drain(readNdjson(path), path);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a HAR file of arbitrary text streams to its end or stops with a one-line error", async () => {
    let n = 0;
    const harText = fc.oneof(
      fc
        .array(fc.oneof(almostHarEntry, fc.anything()), { maxLength: 5 })
        .map((entries) => JSON.stringify({ log: { version: "1.2", entries } })),
      fc.json(),
      fc.string(),
      fc.string().map((s) => `{"log":{"entries":[${s}`),
    );
    await fc.assert(
      fc.asyncProperty(harText, async (text) => {
        const path = join(dir, `f${n++}.har`);
        writeFileSync(path, text);
        await drain(readHar(path), path);
      }),
      { numRuns: 150 },
    );
  });
});
