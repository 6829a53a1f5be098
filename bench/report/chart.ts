/**
 * An SVG bar chart of every target ratio on a log scale: how many times faster (or slower) we
 * are than the limit or the peer, with the target marked. No scripts, no external fonts.
 */
import type { BenchResults } from "../support/results.js";
import { formatRatio } from "./format.js";

const WIDTH = 900;
const LABEL_W = 400;
const VALUE_W = 90;
const BAR_W = WIDTH - LABEL_W - VALUE_W - 20;
const ROW_H = 40;
const TOP = 60;
// The axis spans 0.1x .. 100x (Prism sits far right, the limits near 1x).
const MIN_LOG = -1;
const MAX_LOG = 2;

function x(ratio: number): number {
  const clamped = Math.min(Math.max(Math.log10(ratio), MIN_LOG), MAX_LOG);
  return LABEL_W + ((clamped - MIN_LOG) / (MAX_LOG - MIN_LOG)) * BAR_W;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function ratioChart(results: BenchResults): string {
  const rows = results.comparisons.flatMap((c) =>
    c.targets.map((t) => ({ title: c.title, target: t.text, ratio: t.ratio, atLeast: t.atLeast, met: t.met })),
  );
  const height = TOP + rows.length * ROW_H + 36;
  const short = (text: string, max: number) => escapeText(text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="600" fill="#1f2328">Speed relative to the limit or the peer ` +
      `(log scale; right of 1x = ours is faster)</text>`,
    `<text x="16" y="43" fill="#57606a">bar = measured ratio (median), black tick = target; green = reached, ` +
      `orange = not reached (${results.mode} run, ${escapeText(results.startedAt.slice(0, 16).replace("T", " "))} ` +
      `UTC)</text>`,
  ];
  for (const tick of [0.1, 0.5, 1, 2, 5, 10, 100]) {
    const tx = x(tick).toFixed(1);
    out.push(
      `<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${TOP + rows.length * ROW_H}" ` +
        `stroke="${tick === 1 ? "#8c959f" : "#eaeef2"}" stroke-width="${tick === 1 ? 1.5 : 1}"/>`,
    );
    out.push(
      `<text x="${tx}" y="${TOP + rows.length * ROW_H + 16}" text-anchor="middle" fill="#57606a">${tick}x</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    if (i % 2 === 0) out.push(`<rect x="8" y="${y}" width="${WIDTH - 16}" height="${ROW_H}" fill="#f6f8fa"/>`);
    out.push(`<text x="16" y="${y + 17}" fill="#1f2328" font-weight="600">${short(row.title, 58)}</text>`);
    out.push(`<text x="16" y="${y + 32}" fill="#57606a">${short(row.target, 64)}</text>`);
    const valueX = WIDTH - 16;
    if (row.ratio !== null) {
      const start = x(1);
      const end = x(row.ratio);
      const fill = row.met ? "#2da44e" : "#d4761c";
      out.push(
        `<rect x="${Math.min(start, end).toFixed(1)}" y="${y + 12}" ` +
          `width="${Math.max(Math.abs(end - start), 2).toFixed(1)}" height="16" rx="3" fill="${fill}"/>`,
      );
      out.push(
        `<text x="${valueX}" y="${y + 25}" text-anchor="end" font-weight="600" ` +
          `fill="${fill}">${escapeText(formatRatio(row.ratio))}</text>`,
      );
    } else {
      out.push(`<text x="${valueX}" y="${y + 25}" text-anchor="end" fill="#57606a">not measured</text>`);
    }
    const tx = x(row.atLeast).toFixed(1);
    out.push(`<line x1="${tx}" y1="${y + 7}" x2="${tx}" y2="${y + 33}" stroke="#1f2328" stroke-width="2"/>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
