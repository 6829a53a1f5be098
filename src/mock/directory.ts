/** Lookups over the fixture principals: users by object id or UPN (case-insensitive), apps by client id. */
import type { FixtureApp, FixtureUser, MockFixtures } from "./fixtures.js";

export interface Directory {
  /** Every fixture user, in the fixtures' order. */
  readonly users: readonly FixtureUser[];
  /** A user by object id or userPrincipalName, case-insensitively; personal accounts included. */
  user(idOrUpn: string): FixtureUser | undefined;
  /** A user by its short fixture name, object id or UPN. */
  userByAnyName(name: string): FixtureUser | undefined;
  app(clientIdOrName: string): FixtureApp | undefined;
  /** Object ids of the groups a user (by object id) is a member of. */
  groupsOf(userId: string): readonly string[];
}

export function createDirectory(fixtures: MockFixtures): Directory {
  const users = new Map<string, FixtureUser>();
  const names = new Map<string, FixtureUser>();
  for (const u of fixtures.users) {
    users.set(u.id.toLowerCase(), u);
    users.set(u.userPrincipalName.toLowerCase(), u);
    names.set(u.name.toLowerCase(), u);
  }
  const apps = new Map<string, FixtureApp>();
  for (const a of fixtures.apps) {
    apps.set(a.clientId.toLowerCase(), a);
    apps.set(a.name.toLowerCase(), a);
  }
  const groups = new Map<string, string[]>();
  for (const g of fixtures.groups ?? []) {
    for (const m of g.members) {
      const u = names.get(m.toLowerCase()) ?? users.get(m.toLowerCase());
      if (!u) continue;
      groups.set(u.id.toLowerCase(), [...(groups.get(u.id.toLowerCase()) ?? []), g.id.toLowerCase()]);
    }
  }
  const none: readonly string[] = [];
  return {
    users: fixtures.users,
    groupsOf: (userId) => groups.get(userId.toLowerCase()) ?? none,
    user: (key) => users.get(key.toLowerCase()),
    userByAnyName: (key) => names.get(key.toLowerCase()) ?? users.get(key.toLowerCase()),
    app: (key) => apps.get(key.toLowerCase()),
  };
}
