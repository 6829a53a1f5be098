/**
 * Scenarios pick their stand-ins by role, not by the default tenant's names: with every user
 * renamed, each scenario answers every operation without a 5xx (but `server-error`'s planted one).
 */
import { describe, expect, it } from "vitest";
import { createMockGraph, defaultFixtures, scenarioNames, type MockFixtures } from "../../src/mock/index.js";

const rename = (name: string) => `renamed-${name}`;
const fixtures: MockFixtures = {
  ...defaultFixtures,
  users: defaultFixtures.users.map((u) => ({
    ...u,
    name: rename(u.name),
    userPrincipalName: u.personal ? u.userPrincipalName : `renamed.${u.userPrincipalName}`,
  })),
  groups: (defaultFixtures.groups ?? []).map((g) => ({ ...g, members: g.members.map(rename) })),
};

const admin = fixtures.users.find((u) => u.directoryRoles.includes("authenticationAdministrator"))!;
const withPass = fixtures.users.find((u) => u.tap && !u.personal)!;
const policyPath = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const taps = (id: string) => `/users/${id}/authentication/temporaryAccessPassMethods`;

describe("scenarios on a tenant whose users all have other names", () => {
  it("answers each scenario's requests without a 5xx", async () => {
    expect(fixtures.users.some((u) => defaultFixtures.users.some((d) => d.name === u.name))).toBe(false);
    for (const scenario of scenarioNames) {
      const core = createMockGraph({ fixtures, scenarios: { always: [scenario] } });
      const token = await core.issueToken({ user: admin.name });
      const app = await core.issueToken({ app: "tap-admin-app" });
      const requests: [string, string, string | undefined, unknown?][] = [
        ["GET", taps(withPass.id), token],
        ["GET", `${taps(withPass.id)}/${withPass.tap!.id}`, token],
        ["GET", `${taps(withPass.id)}/${crypto.randomUUID()}`, token],
        ["GET", `/users/${crypto.randomUUID()}/authentication/temporaryAccessPassMethods`, token],
        ["GET", `/users/${withPass.id}/authentication/methods`, token],
        ["POST", taps(withPass.id), token, {}],
        ["DELETE", `${taps(withPass.id)}/${crypto.randomUUID()}`, token],
        ["GET", taps(withPass.id), undefined],
        ["GET", "/me/authentication/temporaryAccessPassMethods", app],
        ["GET", policyPath, token],
        [
          "PATCH",
          policyPath,
          token,
          {
            "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
            minimumLifetimeInMinutes: 60,
          },
        ],
      ];
      for (const [method, path, bearer, body] of requests) {
        const headers: Record<string, string> = {};
        if (bearer) headers.authorization = `Bearer ${bearer}`;
        if (body !== undefined) headers["content-type"] = "application/json";
        const res = await core.fetch(
          new Request(`http://mock.test/v1.0${path}`, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        );
        const text = await res.text();
        if (scenario === "server-error") {
          expect(res.status, `${scenario} ${method} ${path}`).toBe(500);
          expect(JSON.parse(text).error.code).toBe("generalException");
        } else {
          expect(res.status, `${scenario} ${method} ${path}: ${text}`).toBeLessThan(500);
        }
      }
    }
  }, 60_000);
});
