/** bench/RESULTS.md: the tables of one run, the chart, the machine, and the gaps said plainly. */
import type { BenchResults, Comparison } from "../support/results.js";
import { formatMeasurement, formatRatio } from "./format.js";

const notReached = "❌ not reached";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function comparisonRows(c: Comparison): string[] {
  const peers = [
    ...c.peers.map(formatMeasurementLabelled),
    ...c.missing.map((m) => `${m.label}: not measured (${m.reason})`),
  ];
  const targets = c.targets.map(
    (t) =>
      `${t.text}: **${formatRatio(t.ratio)}** ` +
      `${t.met === null ? "(not measured)" : t.met ? "✅ reached" : "❌ not reached"}`,
  );
  return [
    `| ${cell(c.title)} | ${cell(`${c.ours.label}: ${formatMeasurement(c.ours)}`)} | ` +
      `${cell(c.limit ? formatMeasurementLabelled(c.limit) : "")} | ${cell(peers.join("; "))} | ` +
      `${cell(targets.join("; "))} |`,
  ];
}

function formatMeasurementLabelled(m: { label: string } & Parameters<typeof formatMeasurement>[0]): string {
  return `${m!.label}: ${formatMeasurement(m)}`;
}

export function resultsMarkdown(results: BenchResults, chartFile: string, gapNotes: string[]): string {
  const m = results.machine;
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${results.mode === "quick" ? " -- --quick" : ""}\` on ${results.startedAt} ` +
      `(${results.mode} run, ${Math.round(results.durationSeconds)} s). ` +
      "Every figure is the median of repeated runs, measured side by side in one process tree on one machine; raw " +
      "samples are in `results.json`. " +
      "Ratios are speed ratios: above 1x means ours is faster.",
    "",
    `**Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory (${m.freeMemoryGiB} GiB free at start), ` +
      `${m.os}, Node ${m.node}, load average at start ${m.loadAverage.join(" / ")}.`,
    "",
    `![Speed ratios against the limits and peers](${chartFile})`,
    "",
    "## Side by side",
    "",
    "| benchmark | ours | limit | peers | target: ratio |",
    "|---|---|---|---|---|",
    ...results.comparisons.flatMap(comparisonRows),
    "",
  ];
  for (const table of results.tables) {
    lines.push(
      `## ${table.title}`,
      "",
      `| ${table.columns.map(cell).join(" | ")} |`,
      `|${table.columns.map(() => "---").join("|")}|`,
    );
    for (const row of table.rows) lines.push(`| ${row.map((v) => cell(String(v))).join(" | ")} |`);
    lines.push("");
    for (const note of table.notes) lines.push(`- ${note}`);
    if (table.notes.length) lines.push("");
  }
  const notes = results.comparisons.filter((c) => c.notes.length > 0);
  if (notes.length) {
    lines.push("## How each was measured", "");
    for (const c of notes) {
      lines.push(`**${c.title}**`, "");
      for (const n of c.notes) lines.push(`- ${n}`);
      lines.push("");
    }
  }
  lines.push("## Targets not reached, and why", "");
  const unmet = [
    ...results.comparisons.flatMap((c) =>
      c.targets.filter((t) => t.met === false).map((t) => `${c.title}: ${t.text} (measured ${formatRatio(t.ratio)})`),
    ),
    // Targets that live in a table (a row's cell or a note) rather than in a comparison.
    ...results.tables.flatMap((t) => [
      ...t.rows
        .filter((row) => row.some((v) => String(v).includes(notReached)))
        .map(
          (row) =>
            `${t.title}: ${row
              .map(String)
              .filter((v) => v !== "")
              .join(", ")}`,
        ),
      ...t.notes.filter((n) => n.includes(notReached)).map((n) => `${t.title}: ${n}`),
    ]),
  ];
  const measured = results.comparisons.some((c) => c.targets.some((t) => t.met !== null));
  if (unmet.length === 0 && gapNotes.length === 0)
    lines.push(
      measured ? "Every target with a measurement was reached in this run." : "No target was measured in this run.",
      "",
    );
  for (const u of unmet) lines.push(`- ${u}`);
  for (const g of gapNotes) lines.push(`- ${g}`);
  if (results.skipped.length) {
    lines.push("", "## Not measured in this run", "");
    for (const s of results.skipped) lines.push(`- ${s.suite}: ${s.reason}`);
  }
  lines.push("");
  return lines.join("\n");
}
