/** `tap-contract token` through `main()`, with console output captured. */
import { vi } from "vitest";
import { main } from "../../../conformance/cli/index.js";

export async function runToken(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    const code = await main(["token", ...args]);
    return {
      code,
      stderr: err.mock.calls.map((c) => String(c[0])).join("\n"),
      stdout: log.mock.calls.map((c) => String(c[0])).join("\n"),
    };
  } finally {
    err.mockRestore();
    log.mockRestore();
  }
}
