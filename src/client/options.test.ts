import { describe, expect, it } from "vitest";
import { spec } from "../spec/index.js";
import { clouds } from "../spec/clouds.js";
import type { CloudId } from "../spec/document.js";
import { InvalidInputError } from "./errors.js";
import { retryableStatuses } from "./middleware/retry.js";
import { resolveOptions } from "./options.js";
import type { TapCloudId } from "./types.js";

const credential = "t";

describe("resolveOptions", () => {
  it("defaults to the global cloud's v1.0 root, its .default scope and a 30 s timeout", () => {
    expect(resolveOptions({ credential })).toMatchObject({
      cloud: "global",
      baseUrl: "https://graph.microsoft.com/v1.0",
      basePath: "/v1.0",
      scopes: ["https://graph.microsoft.com/.default"],
      timeoutMs: 30_000,
    });
  });

  it("uses a national cloud's root and scope", () => {
    expect(resolveOptions({ credential, cloud: "usgov-l5" })).toMatchObject({
      baseUrl: "https://dod-graph.microsoft.us/v1.0",
      scopes: ["https://dod-graph.microsoft.us/.default"],
    });
  });

  it("refuses China with a message that says the API is not there", () => {
    expect(() => resolveOptions({ credential, cloud: "china" as TapCloudId })).toThrow(
      /Temporary Access Pass API is not available in the China operated by 21Vianet cloud/,
    );
  });

  it("refuses an unknown cloud, listing the known ones", () => {
    expect(() => resolveOptions({ credential, cloud: "mars" as TapCloudId })).toThrow(
      /unknown cloud "mars": expected one of global, usgov-l4, usgov-l5/,
    );
  });

  it.each([
    ["http://graph.example.com/v1.0", /uses http to a non-loopback host/],
    ["ftp://127.0.0.1/v1.0", /scheme ftp:/],
    ["not a url", /is not an absolute URL/],
    ["https://user:pw@graph.example.com/v1.0", /must not carry credentials/],
    ["https://graph.example.com/v1.0?x=1", /must not carry credentials, a query/],
  ])("refuses the base URL %j", (baseUrl, message) => {
    expect(() => resolveOptions({ credential, baseUrl })).toThrow(message);
    expect(() => resolveOptions({ credential, baseUrl })).toThrow(InvalidInputError);
  });

  it("never repeats a password from the base URL", () => {
    expect(() => resolveOptions({ credential, baseUrl: "http://user:hunter2@example.com/" })).toThrow(
      /^(?!.*hunter2)/s,
    );
  });

  it.each([
    "http://127.0.0.1:3000/v1.0/",
    "http://localhost:1/v1.0",
    "http://[::1]:8080/v1.0",
    "https://proxy.example.com/graph/v1.0",
  ])("accepts %j", (baseUrl) => {
    expect(resolveOptions({ credential, baseUrl }).baseUrl).toBe(baseUrl.replace(/\/$/, ""));
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses timeoutMs %d", (timeoutMs) => {
    expect(() => resolveOptions({ credential, timeoutMs })).toThrow(/timeoutMs must be a positive finite number/);
  });

  it.each([
    [{ retry: { maxRetries: -1 } }, /retry.maxRetries must be an integer from 0 to 100, received "-1"/],
    [{ retry: { maxRetries: 1.5 } }, /retry.maxRetries/],
    [{ retry: { maxDelayMs: Number.NaN } }, /retry.maxDelayMs must be a positive finite number/],
    [{ retry: { sleep: 5 } }, /retry.sleep must be a function/],
    [{ retry: true }, /retry must be false or an options object/],
    [{ fetch: "fetch" }, /fetch must be a function/],
    [{ contract: { onViolation: "log" } }, /contract must be/],
  ])("refuses %j", (extra, message) => {
    expect(() => resolveOptions({ credential, ...(extra as object) })).toThrow(message);
  });

  it("requires a credential", () => {
    expect(() => resolveOptions({} as never)).toThrow(/credential is required/);
  });
});

describe("apiVersion", () => {
  it("points the client at the cloud's beta root, Global only", () => {
    expect(resolveOptions({ credential, apiVersion: "beta" }).baseUrl).toBe("https://graph.microsoft.com/beta");
    expect(resolveOptions({ credential }).baseUrl).toBe("https://graph.microsoft.com/v1.0");
    expect(() => resolveOptions({ credential, cloud: "usgov-l4", apiVersion: "beta" })).toThrow(
      /apiVersion "beta" is documented for the global cloud only, not usgov-l4/,
    );
    expect(() => resolveOptions({ credential, apiVersion: "v2" as never })).toThrow(
      /apiVersion must be "v1.0" or "beta"/,
    );
  });
});

describe("the client's constants agree with the spec", () => {
  it("every server URL is a TAP cloud's graph root + /v1.0", () => {
    for (const server of spec.servers) {
      const apiVersion = server["x-version"] ?? "v1.0";
      expect(resolveOptions({ credential, cloud: server["x-cloud"] as TapCloudId, apiVersion }).baseUrl).toBe(
        server.url,
      );
    }
  });

  it("TapCloudId is exactly the clouds with the TAP API", () => {
    const available = (Object.keys(clouds) as CloudId[]).filter((id) => clouds[id].tapAvailable).sort();
    const typed: Record<TapCloudId, true> = { global: true, "usgov-l4": true, "usgov-l5": true };
    expect(Object.keys(typed).sort()).toEqual(available);
  });

  it("the retried statuses are those the spec documents with Retry-After", () => {
    const withRetryAfter = new Set<number>();
    for (const item of Object.values(spec.paths)) {
      for (const op of [item.get, item.post, item.delete]) {
        for (const [status, response] of Object.entries(op?.responses ?? {})) {
          const ref = (response as { $ref?: string }).$ref;
          const resolved = (ref ? spec.components.responses[ref.split("/").pop()!] : response) as {
            headers?: Record<string, unknown>;
          };
          if (resolved.headers && "Retry-After" in resolved.headers) withRetryAfter.add(Number(status));
        }
      }
    }
    expect([...withRetryAfter].sort()).toEqual([...retryableStatuses].sort());
  });
});
