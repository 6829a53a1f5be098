/**
 * The stages of one Graph request where a contract-breaking scenario may act, in the order the
 * handler reaches them, and their composition for the scenarios in force. The faithful path
 * calls every stage; with no scenario each stage is the identity (or "nothing to change").
 */
import type { DenialReason } from "../../contract/authorize.js";
import type { FixtureUser } from "../fixtures.js";
import type { Envelope } from "../http/envelope.js";
import type { MockResponse } from "../http/exchange.js";
import type { PolicyChange, TapPolicy } from "../policy.js";
import type { ScenarioName } from "../scenarios.js";
import type { Caller } from "./authenticate.js";
import type { GraphCall, TenantState } from "./context.js";
import type { CreateContext } from "./create-body.js";
import type { Entity } from "./representation.js";
import { scenarioTable } from "./scenario-table.js";

/** A refusal a scenario may waive: authorization's, or the external guest rule of Create. */
export type Refusal = DenialReason | "externalGuest";

/** Who acts on whom. */
export interface Party {
  caller: Caller;
  target: FixtureUser | undefined;
}

/** What a Create does beside the body: the refusals waived, the passcode's length, whether older passes stay. */
export interface CreatePlan {
  waive: CreateContext["waive"];
  /** The policy's `defaultLength` when absent. */
  passcodeLength?: number;
  keepPrevious: boolean;
}

/** `methods`: the passes inside `GET …/authentication/methods`. */
export type ReadKind = "list" | "get" | "methods";

/** What a PATCH of the policy asked and what the faithful check decided. */
export interface PolicyWrite {
  before: Readonly<TapPolicy>;
  body: unknown;
  change: PolicyChange;
}

/** Each stage's effect, as a scenario declares it. */
export interface StageEffects {
  /** Before routing: an answer that replaces the request's. */
  beforeRouting: (env: Envelope) => MockResponse | undefined;
  /** The token was refused: a stand-in caller to go on with. */
  authentication: (state: TenantState) => Promise<Caller | undefined>;
  /** Authorization (or the guest rule) refused: the party to go on with. */
  authorization: (refusal: Refusal, party: Party, state: TenantState) => Party | undefined;
  /** After the user is resolved: an answer where the faithful mock may find no user or no pass. */
  lookup: (call: GraphCall, state: TenantState) => MockResponse | undefined;
  /** Create: how the pass is made. */
  create: (plan: CreatePlan) => CreatePlan;
  /** List, Get and the methods list: the passes returned. */
  read: (kind: ReadKind, items: Entity[]) => Entity[];
  /** The `@odata.context` of a pass answer, instead of the true one. */
  context: (call: GraphCall) => string | undefined;
  /** GET of the policy: the body returned. */
  policyRead: (body: Record<string, unknown>) => Record<string, unknown>;
  /** PATCH of the policy: what is kept and answered. */
  policyWrite: (write: PolicyWrite) => PolicyChange;
  /** The finished answer's envelope (status, headers, error body). */
  envelope: (res: MockResponse) => MockResponse;
}

export type StageName = keyof StageEffects;

/** One scenario: the stage where it applies and its effect there. */
export type Scenario = { [S in StageName]: { stage: S; effect: StageEffects[S] } }[StageName];

export type Stages = Readonly<StageEffects>;

const faithfulStages: Stages = {
  beforeRouting: () => undefined,
  authentication: async () => undefined,
  authorization: () => undefined,
  lookup: () => undefined,
  create: (plan) => plan,
  read: (_kind, items) => items,
  context: () => undefined,
  policyRead: (body) => body,
  policyWrite: (write) => write.change,
  envelope: (res) => res,
};
const faithful: Stages = Object.freeze(faithfulStages);

/** The stages with the effects of the scenarios in force, in the table's order. */
export function stagesFor(active: ReadonlySet<ScenarioName>): Stages {
  if (active.size === 0) return faithful;
  const effects = <S extends StageName>(stage: S): StageEffects[S][] =>
    (Object.keys(scenarioTable) as ScenarioName[])
      .filter((name) => active.has(name) && scenarioTable[name].stage === stage)
      .map((name) => scenarioTable[name].effect as StageEffects[S]);
  const firstOf =
    <A extends unknown[], R>(list: ((...args: A) => R | undefined)[]) =>
    (...args: A): R | undefined => {
      for (const f of list) {
        const r = f(...args);
        if (r !== undefined) return r;
      }
      return undefined;
    };
  const authentication = effects("authentication");
  const create = effects("create");
  const read = effects("read");
  const policyRead = effects("policyRead");
  const policyWrite = effects("policyWrite");
  const envelope = effects("envelope");
  return {
    beforeRouting: firstOf(effects("beforeRouting")),
    authentication: async (state) => {
      for (const f of authentication) {
        const caller = await f(state);
        if (caller) return caller;
      }
      return undefined;
    },
    authorization: firstOf(effects("authorization")),
    lookup: firstOf(effects("lookup")),
    create: (plan) => create.reduce((p, f) => f(p), plan),
    read: (kind, items) => read.reduce((out, f) => f(kind, out), items),
    context: firstOf(effects("context")),
    policyRead: (body) => policyRead.reduce((b, f) => f(b), body),
    policyWrite: (write) => policyWrite.reduce((change, f) => f({ ...write, change }), write.change),
    envelope: (res) => envelope.reduce((r, f) => f(r), res),
  };
}
