/**
 * The principals scenarios put in place of the ones Graph would refuse, chosen from the
 * fixtures by role (never by a default tenant's names), so any tenant works.
 */
import { isExternalGuest, type FixtureUser } from "../fixtures.js";
import { usabilityReason } from "../policy.js";
import { callerOf, type Caller } from "./authenticate.js";
import type { TenantState } from "./context.js";

/** Roles that may create a pass for a member who holds no role, weakest first. */
const passAdministrators: readonly string[] = [
  "authenticationAdministrator",
  "privilegedAuthenticationAdministrator",
  "globalAdministrator",
];

const isMember = (u: FixtureUser) => !u.personal && !isExternalGuest(u);

/** A member holding an administrator role over passes (an Authentication Administrator first), if any. */
export function passAdministrator(state: TenantState): FixtureUser | undefined {
  const members = state.directory.users.filter(isMember);
  for (const role of passAdministrators) {
    const found = members.find((u) => u.directoryRoles.includes(role));
    if (found) return found;
  }
  return undefined;
}

/** A signed-in Authentication Administrator (or a stronger role), for scenarios that skip the token check. */
export async function administratorCaller(state: TenantState): Promise<Caller | undefined> {
  const user = passAdministrator(state);
  if (!user) return undefined;
  const { claims } = await state.issuer.issue({ user: user.name });
  return callerOf(claims);
}

/** A member with a usable pass now, else one with any pass, else any member without a role. */
export function memberWithPass(state: TenantState): FixtureUser | undefined {
  const now = state.clock.now().getTime();
  const members = state.directory.users.filter(isMember);
  const passes = (u: FixtureUser) => state.store.list(u.id);
  return (
    members.find((u) =>
      passes(u).some(
        (m) => usabilityReason(m, state.policy, now, state.directory.groupsOf(u.id)) === "EnabledByPolicy",
      ),
    ) ??
    members.find((u) => passes(u).length > 0) ??
    members.find((u) => u.directoryRoles.length === 0)
  );
}
