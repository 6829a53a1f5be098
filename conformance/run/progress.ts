/** Events a run emits while it works, for the console's progress line. Reporters never need them. */
import type { Outcome } from "./result.js";

export type ProgressEvent =
  | { kind: "start"; checks: number }
  | { kind: "check"; check: string; index: number; of: number; outcomes: readonly Outcome[] }
  | { kind: "exchanges"; count: number };

export type ProgressHook = (event: ProgressEvent) => void;
