/** The faithful mock of Graph's TAP API: public exports only. */
export { createMockGraph } from "./core.js";
export type { MockGraphCore, MockGraphOptions, SignInResult } from "./core.js";
export { startMockGraph } from "./server.js";
export type { MockGraph, StartOptions } from "./server.js";
export { defaultFixtures, consumerTenantId, isExternalGuest, publicClientId } from "./fixtures.js";
export type {
  FixtureApp,
  FixtureGroup,
  FixturePolicy,
  FixtureTap,
  FixtureUser,
  MockFixtures,
} from "./fixtures.js";
export { loadFixtures } from "./fixtures-file.js";
export type { MockClock, ClockOption } from "./clock.js";
export type { TokenRequest } from "./identity/issuer.js";
export type { TapPolicy, UsabilityReason } from "./policy.js";
export { faultHeader, faultKinds } from "./faults.js";
export type { FaultKind, FaultPlan } from "./faults.js";
export { scenarioNames, scenarioHeader } from "./scenarios.js";
export type { ScenarioName, ScenarioOption } from "./scenarios.js";
