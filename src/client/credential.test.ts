import { describe, expect, it, vi } from "vitest";
import { tokenSource, type TokenCredentialLike } from "./credential.js";
import { CredentialError, InvalidInputError } from "./errors.js";

const SCOPES = ["https://graph.microsoft.com/.default"];
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl";

describe("tokenSource", () => {
  it("sends a static token as it is, also offered as fixed (no await needed)", async () => {
    expect(await tokenSource("abc.def", SCOPES)()).toBe("abc.def");
    expect(tokenSource("abc.def", SCOPES).fixed).toBe("abc.def");
    expect(tokenSource(async () => "abc.def", SCOPES).fixed).toBeUndefined();
    expect(tokenSource({ getToken: async () => null }, SCOPES).fixed).toBeUndefined();
  });

  it("refuses an empty or unsendable static token without printing it", () => {
    expect(() => tokenSource("", SCOPES)).toThrow(/returned no token \(received an empty string\)/);
    const err = (() => {
      try {
        tokenSource("secret value\n", SCOPES);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(CredentialError);
    expect(err?.message).toMatch(/13 chars that cannot be sent/);
    expect(err?.message).not.toContain("secret value");
  });

  it("calls a token function with the scopes and the signal on every request", async () => {
    const fn = vi.fn(async () => "t1");
    const signal = new AbortController().signal;
    const source = tokenSource(fn, SCOPES);
    await source(signal);
    await source(signal);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenCalledWith({ scopes: SCOPES, signal });
  });

  it("keeps a failing credential's message but never a token in it", async () => {
    const source = tokenSource(async () => {
      throw new Error(`AADSTS7000215: Invalid client secret; last token was ${JWT} and Bearer abcdef123`);
    }, SCOPES);
    const err = (await source().then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(CredentialError);
    expect(err.message).toContain("AADSTS7000215: Invalid client secret");
    expect(err.message).toContain("https://graph.microsoft.com/.default");
    expect(err.message).not.toContain(JWT);
    expect(err.message).not.toContain("abcdef123");
    expect((err as Error & { cause?: unknown }).cause).toBeUndefined();
  });

  it("caches an Azure token until it nears expiry, and shares one refresh between callers", async () => {
    let now = 1_000_000;
    const getToken = vi.fn(async () => ({
      token: `tok${getToken.mock.calls.length}`,
      expiresOnTimestamp: now + 60 * 60_000,
    }));
    const source = tokenSource({ getToken } as TokenCredentialLike, SCOPES, () => now);
    expect(await Promise.all([source(), source(), source()])).toEqual(["tok1", "tok1", "tok1"]);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(getToken).toHaveBeenCalledWith(SCOPES, undefined);
    now += 54 * 60_000;
    expect(await source()).toBe("tok1");
    now += 2 * 60_000; // within five minutes of expiry
    expect(await source()).toBe("tok2");
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("uses refreshAfterTimestamp when the credential gives one", async () => {
    let now = 0;
    const getToken = vi.fn(async () => ({
      token: "t",
      expiresOnTimestamp: now + 3_600_000,
      refreshAfterTimestamp: now + 1000,
    }));
    const source = tokenSource({ getToken }, SCOPES, () => now);
    await source();
    now = 999;
    await source();
    expect(getToken).toHaveBeenCalledTimes(1);
    now = 1000;
    await source();
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("turns a null token into a CredentialError", async () => {
    const source = tokenSource({ getToken: async () => null }, SCOPES);
    await expect(source()).rejects.toThrow(/returned no token .* \(null\)/);
  });

  it("passes an abort through as the abort, not a credential failure", async () => {
    const controller = new AbortController();
    const source = tokenSource(
      {
        getToken: (_s, o) =>
          new Promise((_r, reject) =>
            o?.abortSignal?.addEventListener("abort", () => reject(new Error("aborted inside"))),
          ),
      },
      SCOPES,
    );
    const pending = source(controller.signal);
    controller.abort(new DOMException("stop", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: "stop" });
  });

  it("refuses something that is not a credential", () => {
    expect(() => tokenSource(42 as never, SCOPES)).toThrow(InvalidInputError);
    expect(() => tokenSource({} as never, SCOPES)).toThrow(/TokenCredential .* function .* token string/);
  });
});
