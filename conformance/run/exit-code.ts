/**
 * The exit code of every run, decided here and nowhere else (README "Exit codes"): 0 all
 * passed, 1 a check failed or errored, 2 could not start or nothing was judged, 130/143
 * interrupted (after the cleanup).
 */

export type ExitCode = 0 | 1 | 2 | 130 | 143;

/** How a run was stopped from outside: the signal's name and the shell's exit code for it. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof signalExitCodes;

/** How a run ended, as facts; the code follows from them. */
export type RunEnd =
  | { kind: "could-not-start" }
  | { kind: "interrupted"; signal: StopSignal }
  /** A bug: never green, and not "could not start" either (the run may have sent requests). */
  | { kind: "crashed" }
  | {
      kind: "judged";
      /** A counted check failed or errored, an allowlist entry expired, or the test user was left changed. */
      failing: boolean;
      /** Every outcome skipped, or no request carried a usable token. */
      nothingJudged: boolean;
      /** A report could not be rendered or written: a passing run then is not green. */
      reportsFailed?: boolean;
    };

export function exitCodeOf(end: RunEnd): ExitCode {
  switch (end.kind) {
    case "could-not-start":
      return 2;
    case "interrupted":
      return signalExitCodes[end.signal];
    case "crashed":
      return 1;
    case "judged":
      if (end.failing) return 1;
      return end.nothingJudged || end.reportsFailed ? 2 : 0;
  }
}
