/**
 * The embedded mock as a target: started in-process on an ephemeral port, with tokens minted
 * for whatever a probe needs, so every row of every permission table runs.
 */
import { directoryRoles } from "../../src/spec/index.js";
import {
  faultHeader,
  isExternalGuest,
  startMockGraph,
  type FaultPlan,
  type FixtureUser,
  type MockGraph,
  type TokenRequest,
} from "../../src/mock/index.js";
import type { Target } from "./target.js";
import { rolesSatisfy, type TokenGrant, type TokenSource, type TokenSpec } from "./tokens.js";

export interface MockTargetOptions {
  /** Contract-breaking scenarios applied to every request (the runner's own tests). */
  scenarios?: readonly string[];
  faults?: FaultPlan;
  /** Serve HTTPS with a self-signed certificate. */
  https?: boolean;
}

/** A permission that is not among `avoid`: for "token without a granting permission". */
function otherPermission(avoid: readonly string[]): string[] {
  const candidates = ["User.Read", "User.Read.All", "Directory.Read.All"];
  return [candidates.find((c) => !avoid.includes(c))!];
}

function permissionsFor(spec: TokenSpec): string[] {
  const p = spec.permissions;
  if ("exactly" in p) return [...p.exactly];
  if ("anyOf" in p) return [p.anyOf[0]!];
  return otherPermission(p.noneOf);
}

function roleIds(user: FixtureUser): string[] {
  return user.directoryRoles.map((key) => directoryRoles[key]?.templateId ?? "");
}

class MockTokens implements TokenSource {
  readonly #cache = new Map<string, Promise<string>>();
  constructor(private readonly mock: MockGraph) {}

  #user(spec: TokenSpec): FixtureUser | undefined {
    const users = this.mock.fixtures.users.filter((u) => Boolean(u.personal) === (spec.type === "delegatedPersonal"));
    if (spec.user && "is" in spec.user) {
      const wanted = spec.user.is;
      return users.find((u) => u.id === wanted);
    }
    const avoid = spec.user && "isNot" in spec.user ? spec.user.isNot : undefined;
    return users
      .filter((u) => u.id !== avoid)
      .find((u) => {
        const ids = roleIds(u);
        return spec.roles ? rolesSatisfy(ids, spec.roles) : ids.length === 0;
      });
  }

  async obtain(spec: TokenSpec): Promise<TokenGrant> {
    const permissions = permissionsFor(spec);
    const life = spec.expired ? { expiresInSeconds: -3600 } : {};
    let request: TokenRequest;
    if (spec.type === "application") {
      const app = this.mock.fixtures.apps[0];
      if (!app) return { skip: "the mock's fixtures have no application" };
      request = { app: app.clientId, roles: permissions, ...life };
    } else {
      const user = this.#user(spec);
      if (!user) return { skip: `the mock's fixtures have no user for ${spec.type} with these roles` };
      request = { user: user.id, scopes: permissions, ...life };
    }
    const key = JSON.stringify(request);
    let token = this.#cache.get(key);
    if (!token) {
      token = this.mock.issueToken(request);
      this.#cache.set(key, token);
    }
    const who = request.app ? `app ${request.app}` : `user ${request.user}`;
    const objectId =
      request.user ?? this.mock.fixtures.apps.find((a) => a.clientId === request.app)?.servicePrincipalId;
    return { token: await token, label: `mock token for ${who} with ${permissions.join(" ")}`, objectId };
  }
}

export async function startMockTarget(options: MockTargetOptions = {}): Promise<Target & { mock: MockGraph }> {
  const mock = await startMockGraph({
    port: 0,
    host: "127.0.0.1",
    https: options.https ?? false,
    ...(options.scenarios && options.scenarios.length > 0 ? { scenarios: { always: options.scenarios } } : {}),
    // Faithful unless asked otherwise: no drawn faults, only the one the throttle probe names.
    faults: options.faults ?? { rate: 0, byHeader: true },
  });
  const users = mock.fixtures.users;
  // A member without roles and without a pass: the one the lifecycle writes to and "self" probes sign in as.
  const inPolicy = (u: FixtureUser) => mock.isTargeted(u.id);
  const plain = users.find(
    (u) => !u.personal && u.directoryRoles.length === 0 && !u.tap && inPolicy(u) && !isExternalGuest(u),
  );
  // Whom an Authentication Administrator may not act on: a holder of a role only wider roles reach.
  const administrator = users.find(
    (u) => !u.personal && u.directoryRoles.some((k) => directoryRoles[k]?.reach !== "members"),
  );
  const guest = users.find((u) => !u.personal && isExternalGuest(u));
  // Outside the policy's targets (Joni, in the excluded group), and otherwise a user Create would serve.
  const untargeted = users.find(
    (u) => !u.personal && u.directoryRoles.length === 0 && !isExternalGuest(u) && !inPolicy(u),
  );
  return {
    mock,
    description: { kind: "mock", location: mock.graphUrl, readOnly: false },
    graphUrl: mock.graphUrl,
    tokens: new MockTokens(mock),
    subjects: {
      readUsers: users.filter((u) => u.tap).map((u) => u.id),
      methodIds: {},
      ...(plain ? { selfUser: plain.id, writeUser: plain.id } : {}),
      ...(administrator ? { administratorUser: administrator.id } : {}),
      ...(guest ? { guestUser: guest.id } : {}),
      ...(untargeted ? { untargetedUser: untargeted.id } : {}),
    },
    allowWrites: true,
    ...(options.faults ? {} : { throttleProbe: { [faultHeader]: "throttle-fractional" } }),
    exchangeOptions: {
      passLength: mock.policy.defaultLength,
      policy: { lengthRange: [mock.policy.defaultLength, mock.policy.defaultLength] },
    },
    close: () => mock.close(),
  };
}
