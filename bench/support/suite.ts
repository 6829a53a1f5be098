/** What every benchmark suite gets and gives back. */
import type { PeerGroup } from "./peers.js";
import type { Comparison, Table } from "./results.js";

export interface SuiteContext {
  quick: boolean;
  log: (line: string) => void;
  /** Peer groups installed and usable in this run. */
  peers: ReadonlySet<PeerGroup>;
}

export interface SuiteOutput {
  comparisons?: Comparison[];
  tables?: Table[];
  skipped?: string;
}

export interface Suite {
  id: string;
  title: string;
  /** Peer groups this suite measures against (installed by a full run). */
  peers?: readonly PeerGroup[];
  run(ctx: SuiteContext): Promise<SuiteOutput>;
}
