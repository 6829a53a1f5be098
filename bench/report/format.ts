/** Numbers as people read them in the tables. */
import type { Measurement } from "../support/results.js";
import { round } from "../support/stats.js";

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const r = round(value, 3);
  return Math.abs(r) >= 1000 ? Math.round(r).toLocaleString("en-US") : String(r);
}

export function formatMeasurement(m: Measurement | undefined): string {
  if (!m) return "";
  const extra = m.extra
    ? Object.entries(m.extra)
        .map(([k, v]) => `${k} ${formatNumber(v)}`)
        .join(", ")
    : "";
  return `${formatNumber(m.median)} ${m.unit}${extra ? ` (${extra})` : ""}`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? "n/a" : `${formatNumber(ratio)}x`;
}
