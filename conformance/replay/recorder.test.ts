import { describe, expect, it } from "vitest";
import { createExchange } from "../../test/conformance/exchange-fixtures.js";
import { recordedFromJson } from "./ndjson.js";
import { recordLine } from "./recorder.js";

describe("recordLine", () => {
  it("keeps the exchange, masks the token and the pass (same length), and reads back as NDJSON", () => {
    const exchange = createExchange("Q$wSrZ3R");
    exchange.request.headers.authorization = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl";
    const line = recordLine(exchange, new Date("2026-11-28T10:00:00Z"));
    expect(line.endsWith("\n")).toBe(true);
    expect(line).not.toContain("Q$wSrZ3R");
    expect(line).not.toContain("eyJ");
    const back = recordedFromJson(JSON.parse(line), "line 1");
    expect(back.request.headers.authorization).toBe("Bearer <redacted>");
    expect((back.response.body as { temporaryAccessPass: string }).temporaryAccessPass).toBe("********");
    expect(back.response.status).toBe(201);
    expect(back.startedAt).toBe("2026-11-28T10:00:00.000Z");
  });
});
