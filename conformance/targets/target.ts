/** What a run talks to: a base URL, a way to get tokens, whom to read and write, and limits. */
import type { CheckExchangeOptions } from "../../src/contract/index.js";
import type { TargetDescription } from "../run/result.js";
import type { TokenSource } from "./tokens.js";

export interface Subjects {
  /** Users (object id or UPN) whose passes are read: List, then Get of each listed pass. */
  readUsers: string[];
  /** Pass ids to Get besides the listed ones, by user. */
  methodIds: Record<string, string[]>;
  /** The signed-in user of "acting on self" probes (object id), when a token for one exists. */
  selfUser?: string;
  /** The user writes may create and delete passes for; writes need it and `allowWrites`. */
  writeUser?: string;
  /** A user holding a directory role, whom an Authentication Administrator may not act on. */
  administratorUser?: string;
  /** An external guest (`#EXT#` in the UPN), for whom Create is refused. */
  guestUser?: string;
  /** A user outside the TAP policy's targets, for whom Create is refused. */
  untargetedUser?: string;
}

export interface Target {
  description: TargetDescription;
  /** Base URL with the version segment, e.g. `https://graph.microsoft.com/v1.0`. */
  graphUrl: string;
  tokens: TokenSource;
  subjects: Subjects;
  /** Create and Delete probes run only when true (always for the mock). */
  allowWrites: boolean;
  /**
   * Request headers that make the target answer one read with 429, so that the throttling
   * rules are judged on a real throttled response. Only a target that can be told to
   * throttle (the embedded mock) has them; live Graph throttles when it will.
   */
  throttleProbe?: Record<string, string>;
  /** What the pure rules need to know about this service (policy, pass length). */
  exchangeOptions: CheckExchangeOptions;
  close(): Promise<void>;
}
