/** The first line of every run, printed before the first request: what is checked, and where. */
import type { TargetDescription } from "../run/result.js";

export function runHeader(command: string, target: TargetDescription, checks: number): string {
  const where =
    target.kind === "replay"
      ? `the recording ${target.location}`
      : `${target.kind === "mock" ? "the embedded mock" : "live"} ` +
        `${target.location}${target.cloud ? ` (cloud ${target.cloud})` : ""}, ` +
        `${target.readOnly ? "read-only" : "writes allowed"}`;
  return `tap-contract ${command}: ${checks} check${checks === 1 ? "" : "s"} against ${where}`;
}
