/** What the Graph handlers share: the tenant's state and services, and one request's facts. */
import type { MockClock } from "../clock.js";
import type { Directory } from "../directory.js";
import type { FixtureUser } from "../fixtures.js";
import type { Envelope } from "../http/envelope.js";
import type { MockRequest } from "../http/exchange.js";
import type { TokenIssuer } from "../identity/issuer.js";
import type { TapPolicy } from "../policy.js";
import type { TapStore } from "../store.js";
import type { TapOperation } from "../../spec/index.js";
import type { Caller } from "./authenticate.js";
import type { Stages } from "./stages.js";

export interface TenantState {
  tenantId: string;
  directory: Directory;
  store: TapStore;
  clock: MockClock;
  policy: TapPolicy;
  issuer: TokenIssuer;
}

export interface GraphCall {
  req: MockRequest;
  env: Envelope;
  /** Where the scenarios in force act (each stage is the identity on the faithful path). */
  stages: Stages;
  operation: TapOperation;
  params: Record<string, string>;
  /** Path segments after the version, still percent-encoded (`["", "users", "x", …]`). */
  rawSegments: string[];
  /** The version segment as the request sent it. */
  version: string;
  /** A list's `$count` was asked for: answer the number of items as text. */
  count?: boolean;
  caller: Caller;
  /** The user the request is about (`/me` = the caller). */
  target: FixtureUser | undefined;
}
