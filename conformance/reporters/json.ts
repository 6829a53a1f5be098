/**
 * The machine report: the `RunResult` as JSON (see conformance/run/result.ts and the README for
 * the shape; `schemaVersion` changes only on a breaking change).
 */
import { redactText as redact } from "../../src/contract/redact.js";
import type { Reporter } from "./reporter.js";

export const jsonReporter: Reporter = {
  name: "json",
  description: "the whole result as JSON, written to OUT/tap-contract.json",
  render(result) {
    return { files: [{ name: "tap-contract.json", text: redact(`${JSON.stringify(result, null, 2)}\n`) }] };
  },
};
