// Property: whatever string a caller passes as a user, the request either is refused before it
// is sent or reaches the server with that string, whole, in the one segment meant for it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTapClient, InvalidInputError } from "../../src/index.js";
import { json, samplePass, startLocalServer, type LocalServer } from "./support/local-server.js";

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url.includes("temporaryAccessPassMethods/")) return json(res, 200, samplePass);
    return json(res, 200, { "@odata.context": "x", value: [] });
  });
});
afterAll(() => server.close());

const tricky = fc.constantFrom(
  "/",
  "..",
  ".",
  "%",
  "%2e",
  "%2F",
  "#",
  "#EXT#",
  "?",
  "&",
  "'",
  '"',
  "\\",
  " ",
  "\t",
  "\n",
  "@",
  ";",
  "=",
  "+",
  "é",
  "😀",
  "\uD800",
  "\uDC00",
  "me",
);
const userIds = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join("")),
);

describe("path parameters", () => {
  it("never leave their segment (list, get)", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", retry: false });
    await fc.assert(
      fc.asyncProperty(userIds, fc.boolean(), async (userId, item) => {
        const before = server.received.length;
        const call = item ? tap.get({ user: userId, id: samplePass.id }) : tap.list({ user: userId });
        const outcome = await call.then(
          () => "sent",
          (e: unknown) => e,
        );
        if (outcome !== "sent") {
          // Refused: only for input no path can carry, and nothing was sent.
          expect(outcome).toBeInstanceOf(InvalidInputError);
          expect(userId.trim() === "" || userId === "." || userId === ".." || /[\uD800-\uDFFF]/.test(userId)).toBe(
            true,
          );
          expect(server.received.length).toBe(before);
          return;
        }
        expect(server.received.length).toBe(before + 1);
        const target = server.received.at(-1)!.url;
        expect(target).not.toMatch(/[?#]/);
        const segments = target.split("/");
        if (userId.toLowerCase() === "me") {
          expect(segments.slice(0, 3)).toEqual(["", "v1.0", "me"]);
          return;
        }
        const tail = item
          ? ["authentication", "temporaryAccessPassMethods", samplePass.id]
          : ["authentication", "temporaryAccessPassMethods"];
        expect(segments).toEqual(["", "v1.0", "users", segments[3], ...tail]);
        expect(decodeURIComponent(segments[3]!)).toBe(userId);
      }),
      { numRuns: 300 },
    );
  });

  it("send a pass id only when it is a GUID, and then unchanged", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", retry: false });
    const ids = fc.oneof(
      fc.uuid(),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.uuid().map((u) => `${u}/..`),
    );
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const before = server.received.length;
        const outcome = await tap.delete({ user: "me", id }).then(
          () => "sent",
          (e: unknown) => e,
        );
        const guid = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id);
        if (!guid) {
          expect(outcome).toBeInstanceOf(InvalidInputError);
          expect(server.received.length).toBe(before);
          return;
        }
        expect(outcome).toBe("sent");
        expect(server.received.at(-1)!.url).toBe(`/v1.0/me/authentication/temporaryAccessPassMethods/${id}`);
      }),
      { numRuns: 200 },
    );
  });
});
