// `npm audit --omit=dev`: the package's runtime dependencies have no high or critical advisory.
// A failure to reach the registry fails the test with npm's reason. Only a registry that
// answers but refuses the audit endpoint itself (this workplace's registry mirror answers 405
// to audit's POST; nothing else, see test/support/audit-refusal.ts) turns the test into a skip, with that reason in its
// name: it never passes without an audit having run.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { auditRefusal } from "../support/audit-refusal.js";
import { repoRoot } from "../support/paths.js";

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number } };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string };
}

async function audit(): Promise<{ report: AuditReport; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["audit", "--omit=dev", "--json"], {
      cwd: repoRoot,
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { report: JSON.parse(stdout) as AuditReport, stderr };
  } catch (err) {
    // npm exits 1 both for findings and for failures; the JSON on stdout tells which.
    const e = err as { stdout?: string; stderr?: string; message: string };
    try {
      return { report: JSON.parse(e.stdout ?? "") as AuditReport, stderr: e.stderr ?? "" };
    } catch {
      return {
        report: { message: `npm audit printed no JSON: ${(e.stderr || e.message).split("\n")[0]}` },
        stderr: e.stderr ?? "",
      };
    }
  }
}

const { report, stderr } = await audit();
const refusedBy = auditRefusal(report);

describe("npm audit --omit=dev", () => {
  it.skipIf(refusedBy)(
    `has no high or critical advisory` +
      `${refusedBy ? ` (skipped: the registry refuses the audit endpoint: ${refusedBy})` : ""}`,
    () => {
      // No metadata = the audit did not run (unreachable registry, npm error): fail with npm's reason.
      expect(
        report.metadata?.vulnerabilities,
        `npm audit did not run: ${report.message ?? report.error?.summary ?? stderr.split("\n")[0]}`,
      ).toBeDefined();
      const severe = Object.entries(report.vulnerabilities ?? {})
        .filter(([, v]) => v.severity === "high" || v.severity === "critical")
        .map(([name, v]) => `${name} (${v.severity})`);
      expect(severe).toEqual([]);
      expect((report.metadata!.vulnerabilities!.high ?? 0) + (report.metadata!.vulnerabilities!.critical ?? 0)).toBe(0);
    },
  );
});
