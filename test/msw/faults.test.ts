/**
 * The MSW adapter carries the core's faults: a throttle is Graph's 429 with Retry-After, a dropped connection is a
 * network error.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultHeader } from "../../src/mock/index.js";
import { createTapHandlers } from "../../src/msw/index.js";

const { handlers, mock } = createTapHandlers({ faults: { rate: 0, byHeader: true }, clouds: ["global"] });
const server = setupServer(...handlers);
const url =
  `https://graph.microsoft.com/v1.0/users/${mock.fixtures.users[0]!.id}/authentication/` + `temporaryAccessPassMethods`;

// msw 3 reads onUnhandledFrame, msw 2 onUnhandledRequest (test/msw/msw3.test.ts runs this file under both).
const failUnhandled = { onUnhandledFrame: "error", onUnhandledRequest: "error" } as const;
beforeAll(() => server.listen(failUnhandled));
afterAll(() => server.close());

describe("faults through the MSW handlers", () => {
  it("throttle: 429 with Retry-After and Graph's envelope", async () => {
    const token = await mock.issueToken({ app: mock.fixtures.apps[0]!.clientId });
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, [faultHeader]: "throttle" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TooManyRequests");
  });

  it("drop: the fetch fails as on a closed connection", async () => {
    const failed = await fetch(url, { headers: { [faultHeader]: "drop" } }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(TypeError);
  });

  it(
    "clouds: only the chosen cloud's roots are served; another cloud's Graph root gets the 501 " + "NotMocked",
    async () => {
      const res = await fetch(url.replace("graph.microsoft.com", "graph.microsoft.us"));
      expect(res.status).toBe(501);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NotMocked");
    },
  );

  it("an unknown cloud or China is refused at creation", () => {
    expect(() => createTapHandlers({ clouds: ["china"] })).toThrow(/not available in the China/);
    expect(() => createTapHandlers({ clouds: ["mars" as never] })).toThrow(
      /unknown cloud "mars": expected one of global, usgov-l4, usgov-l5/,
    );
  });
});
