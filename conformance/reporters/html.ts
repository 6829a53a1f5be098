/**
 * One self-contained HTML page per run (inline CSS, no script, no external asset): the verdict
 * and totals first, then every check with its outcomes per operation, each failure with its
 * Received / Expected pair and, when the result carries it, the request and the (redacted)
 * response; then the same outcomes grouped by operation. Written to OUT/report.html.
 */
import type { ExchangeSample } from "../run/exchange-sample.js";
import type { Violation } from "../../src/contract/violation.js";
import type { Outcome, RunResult } from "../run/result.js";
import { redactHeaders as redactHeaderValues, redactText as redact, redactValue } from "../../src/contract/redact.js";
import { redactedResult, type Reporter } from "./reporter.js";
import { controlsShown } from "./escape.js";
import {
  byCheck,
  coverage,
  groupStatus,
  recordingLine,
  targetLine,
  totalsLine,
  verdictText,
  where,
} from "./summary.js";

type Status = ReturnType<typeof groupStatus>;

const statusText: Record<Status, string> = {
  pass: "passed",
  fail: "failed",
  error: "error",
  skip: "skipped",
  waived: "known deviation",
};

function esc(text: string): string {
  return controlsShown(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

function outcomeStatus(o: Outcome): Status {
  return o.status === "fail" && o.waived ? "waived" : o.status;
}

/** Split a `Received: … / Expected: …` message into its two halves, when it has them. */
export function receivedExpected(message: string): { received: string; expected: string; rest: string } | undefined {
  const m =
    /^([\s\S]*?)Received: ([\s\S]*?)\n\s*Expected: ([\s\S]*)$/.exec(message) ??
    /^([\s\S]*?)Received: ([\s\S]*?) \/ Expected: ([\s\S]*)$/.exec(message);
  if (!m) return undefined;
  return { rest: m[1]!.trim(), received: m[2]!.trim(), expected: m[3]!.trim() };
}

function redactHeaders(headers: Record<string, string> = {}): string {
  return Object.entries(redactHeaderValues(headers))
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
}

function bodyText(body: unknown, text: string | undefined): string {
  if (body !== undefined) return JSON.stringify(redactValue(body), null, 2);
  if (text === undefined || text === "") return "";
  try {
    return JSON.stringify(redactValue(JSON.parse(text)), null, 2);
  } catch {
    // Not JSON (truncated, malformed): passcodes are masked by key in the text; never more than a screenful.
    const clean = redact(text);
    return clean.length > 4000 ? `${clean.slice(0, 4000)}\n… (${clean.length - 4000} more characters)` : clean;
  }
}

/**
 * The exchange to show: a violation's own; the outcome's (its first failing exchange) only for
 * the outcome itself or its first violation, as it may belong to no other.
 */
function exchangeOf(v: Violation | undefined, o: Outcome): ExchangeSample | undefined {
  const own = (v as { exchange?: unknown } | undefined)?.exchange;
  const candidate =
    v === undefined || (own === undefined && o.violations[0] === v) ? (o as { exchange?: unknown }).exchange : own;
  const e = candidate as ExchangeSample | undefined;
  return e && typeof e.request?.method === "string" && typeof e.response?.status === "number" ? e : undefined;
}

/** `shown`: the samples already on the page for this outcome; one shown again is named, not repeated. */
function exchangeHtml(e: ExchangeSample | undefined, shown?: Set<ExchangeSample>): string {
  if (!e) return "";
  if (shown?.has(e)) return `<p class="meta">in the same exchange as above</p>`;
  shown?.add(e);
  const req = [
    `${e.request.method} ${e.request.url}`,
    redactHeaders(e.request.headers),
    e.request.body === undefined ? "" : `\n${bodyText(e.request.body, undefined)}`,
  ]
    .filter((s) => s !== "")
    .join("\n");
  const res = [
    `HTTP ${e.response.status}`,
    redactHeaders(e.response.headers),
    bodyText(e.response.body, e.response.bodyText),
  ]
    .filter((s) => s !== "")
    .join("\n");
  return (
    `<div class="exchange"><div><h5>Request</h5><pre>${esc(req)}</pre></div><div><h5>Response</h5><pre>` +
    `${esc(res)}</pre></div></div>`
  );
}

function messageHtml(message: string): string {
  const pair = receivedExpected(message);
  if (!pair) return `<pre class="plain">${esc(message)}</pre>`;
  return (
    (pair.rest ? `<p class="lead">${esc(pair.rest)}</p>` : "") +
    `<div class="pair"><div class="received"><span>Received</span><pre>${esc(pair.received)}</pre></div>` +
    `<div class="expected"><span>Expected</span><pre>${esc(pair.expected)}</pre></div></div>`
  );
}

function violationHtml(v: Violation & { count: number }, o: Outcome, shown: Set<ExchangeSample>): string {
  const meta = [
    v.instancePath ? `at <code>${esc(v.instancePath || "/")}</code>` : "",
    v.keyword ? `keyword <code>${esc(v.keyword)}</code>` : "",
    v.schemaPath ? `schema <code>${esc(v.schemaPath)}</code>` : "",
    v.count > 1 ? `seen ${v.count} times` : "",
  ].filter(Boolean);
  return (
    `<div class="violation">${messageHtml(v.message)}` +
    `${meta.length ? `<p class="meta">${meta.join(" · ")}</p>` : ""}${exchangeHtml(exchangeOf(v, o), shown)}</div>`
  );
}

function outcomeHtml(o: Outcome): string {
  const s = outcomeStatus(o);
  const tag = o.waived
    ? `<span class="tag">known deviation until ${esc(o.waived.expires)}: ${esc(o.waived.reason)}</span>`
    : o.belowThreshold
      ? `<span class="tag">below the severity threshold</span>`
      : "";
  const head =
    `<div class="outcome-head"><span class="pill ${s}">${statusText[s]}</span><code class="op">` +
    `${esc(where(o))}</code>${tag}` +
    `${o.exchanges ? `<span class="muted">${o.exchanges} exchange${o.exchanges === 1 ? "" : "s"}</span>` : ""}` +
    `</div>`;
  const shown = new Set<ExchangeSample>();
  if (o.status === "fail" && o.violations.length > 0)
    return `<li class="outcome ${s}">${head}${o.violations.map((v) => violationHtml(v, o, shown)).join("")}</li>`;
  if (o.status === "fail" || o.status === "error")
    return (
      `<li class="outcome ${s}">${head}${o.message ? messageHtml(o.message) : ""}` +
      `${exchangeHtml(exchangeOf(undefined, o))}</li>`
    );
  return (
    `<li class="outcome ${s}">${head}` +
    `${o.status === "skip" && o.message ? `<p class="muted why">${esc(o.message)}</p>` : ""}</li>`
  );
}

function counts(outcomes: readonly Outcome[]): Record<Status, number> {
  const c: Record<Status, number> = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const o of outcomes) c[outcomeStatus(o)]++;
  return c;
}

function countChips(c: Record<Status, number>): string {
  return (["fail", "error", "waived", "pass", "skip"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `<span class="chip ${s}">${c[s]} ${statusText[s]}</span>`)
    .join("");
}

function checkSection(check: string, outcomes: Outcome[]): string {
  const status = groupStatus(outcomes);
  const first = outcomes[0];
  const bad = status === "fail" || status === "error";
  // Problems first, then passes, then skips: the reader came for the problems.
  const order: Record<Status, number> = { error: 0, fail: 1, waived: 2, pass: 3, skip: 4 };
  const sorted = [...outcomes].sort((a, b) => order[outcomeStatus(a)] - order[outcomeStatus(b)]);
  return (
    `<details class="check ${status}" id="${anchor("check", check)}"${bad ? " open" : ""}>
<summary><span class="pill ${status}">${statusText[status]}</span><span class="check-id">${esc(check)}</span>` +
    `<span class="check-title">${esc(first?.title ?? "")}</span><span class="sev ${first?.severity ?? ""}">` +
    `${esc(first?.severity ?? "")}</span><span class="chips">${countChips(counts(outcomes))}</span></summary>
<ul class="outcomes">${sorted.map(outcomeHtml).join("\n")}</ul>
</details>`
  );
}

/** The failing and erroring checks as links, so the reader sees what is wrong before scrolling. */
function problems(result: RunResult): string {
  const bad = byCheck(result)
    .map(({ check, outcomes }) => ({
      check,
      status: groupStatus(outcomes),
      n: outcomes.filter((o) => o.status === "error" || (o.status === "fail" && !o.waived)).length,
    }))
    .filter((g) => g.status === "fail" || g.status === "error");
  if (bad.length === 0) return "";
  return (
    `<div class="problems"><b>${bad.length} check${bad.length === 1 ? "" : "s"} need` +
    `${bad.length === 1 ? "s" : ""} attention:</b> ${bad
      .map((g) => `<a class="chip ${g.status}" href="#${anchor("check", g.check)}">${esc(g.check)} · ${g.n}</a>`)
      .join(" ")}</div>`
  );
}

function operationTable(result: RunResult): string {
  const ops = new Map<string, Outcome[]>();
  for (const o of result.outcomes) ops.set(o.operation, [...(ops.get(o.operation) ?? []), o]);
  const rows = [...ops].map(([op, outcomes]) => {
    const c = counts(outcomes);
    const failing = [
      ...new Set(
        outcomes.filter((o) => o.status === "error" || (o.status === "fail" && !o.waived)).map((o) => o.check),
      ),
    ];
    const [method, ...path] = op.split(" ");
    const links = failing.map((id) => `<a href="#${anchor("check", id)}">${esc(id)}</a>`).join(", ");
    return (
      `<tr class="${groupStatus(outcomes)}"><td><span class="method ${esc((method ?? "").toLowerCase())}">` +
      `${esc(method ?? "")}</span> <code>${esc(path.join(" ")).replace(/\//g, "/<wbr>")}</code></td>` +
      `<td class="num">${c.pass}</td><td class="num fail">${c.fail || ""}</td><td class="num error">` +
      `${c.error || ""}</td><td class="num">${c.waived || ""}</td><td class="num muted">${c.skip || ""}</td>` +
      `<td>${links || '<span class="muted">none</span>'}</td></tr>`
    );
  });
  return (
    `<table class="ops"><thead><tr><th>operation</th><th>passed</th><th>failed</th><th>errors</th><th>` +
    `known deviations</th><th>skipped</th><th>failing checks</th></tr></thead><tbody>${rows.join("\n")}</tbody>` +
    `</table>`
  );
}

function bar(result: RunResult): string {
  const c = counts(result.outcomes);
  const total = Math.max(1, result.outcomes.length);
  return `<div class="bar" role="img" aria-label="${esc(totalsLine(result.totals))}">${(
    ["pass", "waived", "fail", "error", "skip"] as const
  )
    .filter((s) => c[s] > 0)
    .map((s) => `<span class="${s}" style="width:${((c[s] / total) * 100).toFixed(2)}%"></span>`)
    .join("")}</div>`;
}

const css = [
  "",
  ":root{--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--error:#8250df;" +
    "--error-bg:#fbefff;--skip:#6e7781;--skip-bg:#eaeef2;--waived:#9a6700;--waived-bg:#fff8c5;" +
    "--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--panel:#f6f8fa}",
  "*{box-sizing:border-box}body{margin:0;" +
    'font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);' +
    "background:#fff}",
  "main{max-width:1180px;margin:0 auto;padding:28px 32px 64px}",
  "header{display:flex;gap:24px;align-items:flex-start;justify-content:space-between;" +
    "border-bottom:1px solid var(--line);padding-bottom:20px}",
  "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:36px 0 12px}" +
    "h5{margin:0 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}",
  ".sub{color:var(--muted);margin:0}.sub code{font-size:13px}",
  ".verdict{font-size:20px;font-weight:700;padding:10px 22px;border-radius:10px;white-space:nowrap}" +
    ".verdict.ok{background:var(--pass-bg);color:var(--pass)}" +
    ".verdict.bad{background:var(--fail-bg);color:var(--fail)}",
  ".cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:20px 0 12px}",
  ".card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:#fff}" +
    ".card b{display:block;font-size:26px;line-height:1.1}" +
    ".card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}",
  ".card.zero b{color:#afb8c1}.card.pass b{color:var(--pass)}.card.fail b{color:var(--fail)}" +
    ".card.error b{color:var(--error)}.card.waived b{color:var(--waived)}.card.skip b{color:var(--skip)}",
  ".bar{display:flex;height:10px;border-radius:6px;overflow:hidden;background:var(--skip-bg)}" +
    ".bar span{display:block;height:100%}",
  ".bar .pass{background:var(--pass)}.bar .fail{background:var(--fail)}" +
    ".bar .error{background:var(--error)}.bar .waived{background:#d4a72c}.bar .skip{background:#afb8c1}",
  ".problems{margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px;align-items:center}" +
    ".problems b{margin-right:4px}" +
    ".problems a{text-decoration:none;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}",
  "nav{margin:14px 0 0;color:var(--muted)}nav a{color:#0969da;text-decoration:none;margin-right:14px}",
  ".expired{border:1px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:10px 14px;" +
    "margin-top:16px}",
  ".coverage{border:1px solid var(--line,#ddd);border-radius:8px;padding:6px 14px;margin:16px 0}" +
    ".coverage h2{margin:6px 0;font-size:16px}.critical-not-judged{color:var(--fail)}" +
    ".cleanup.bad{color:var(--fail)}.cleanup.ok{color:var(--pass)}",
  "details.check{border:1px solid var(--line);border-radius:10px;margin:10px 0;background:#fff;" + "overflow:hidden}",
  "details.check.fail,details.check.error{border-color:#ffcecb}",
  "details.check>summary{list-style:none;cursor:pointer;display:flex;align-items:center;gap:12px;" +
    "padding:10px 14px;background:var(--panel)}",
  "details.check>summary::-webkit-details-marker{display:none}",
  "details.check.fail>summary,details.check.error>summary{background:#fff5f5}",
  ".check-id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600}" +
    ".check-title{color:var(--muted);flex:1}",
  ".pill{display:inline-block;min-width:74px;text-align:center;font-size:12px;font-weight:600;" +
    "padding:2px 10px;border-radius:999px}",
  ".pill.pass{background:var(--pass-bg);color:var(--pass)}" +
    ".pill.fail{background:var(--fail-bg);color:var(--fail)}" +
    ".pill.error{background:var(--error-bg);color:var(--error)}" +
    ".pill.skip{background:var(--skip-bg);color:var(--skip)}" +
    ".pill.waived{background:var(--waived-bg);color:var(--waived)}",
  ".sev{font-size:11px;text-transform:uppercase;letter-spacing:.05em;border:1px solid var(--line);" +
    "border-radius:6px;padding:0 6px;color:var(--muted)}" +
    ".sev.critical{border-color:var(--fail);color:var(--fail)}" +
    ".sev.high{border-color:#bc4c00;color:#bc4c00}",
  ".chips{display:flex;gap:6px}.chip{font-size:12px;padding:1px 8px;border-radius:999px;" +
    "background:var(--skip-bg);color:var(--muted)}.chip.fail{background:var(--fail-bg);color:var(--fail)}" +
    ".chip.error{background:var(--error-bg);color:var(--error)}" +
    ".chip.pass{background:var(--pass-bg);color:var(--pass)}" +
    ".chip.waived{background:var(--waived-bg);color:var(--waived)}",
  "ul.outcomes{list-style:none;margin:0;padding:4px 14px 12px}",
  "li.outcome{padding:8px 0;border-top:1px solid #eaeef2}li.outcome:first-child{border-top:0}",
  ".outcome-head{display:flex;gap:10px;align-items:center;flex-wrap:wrap}.op{font-size:13px}",
  ".tag{font-size:12px;background:var(--waived-bg);color:var(--waived);border-radius:6px;" + "padding:1px 8px}",
  ".muted{color:var(--muted)}.why{margin:4px 0 0 86px;font-size:13px}",
  ".violation{margin:8px 0 4px 86px;border-left:3px solid var(--fail);padding:4px 0 4px 12px}",
  ".lead{margin:0 0 6px}",
  ".pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}",
  ".pair>div{border-radius:8px;padding:6px 10px}" +
    ".pair span{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em}",
  ".received{background:var(--fail-bg)}.received span{color:var(--fail)}" +
    ".expected{background:var(--pass-bg)}.expected span{color:var(--pass)}",
  "pre{margin:2px 0 0;white-space:pre-wrap;word-break:break-word;" +
    "font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}",
  "pre.plain{background:var(--panel);border-radius:8px;padding:8px 10px;margin:6px 0 0 86px}",
  ".meta{margin:6px 0 0;font-size:12px;color:var(--muted)}",
  ".exchange{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:8px}" +
    ".exchange>div{background:var(--panel);border:1px solid #eaeef2;border-radius:8px;padding:8px 10px;" +
    "max-height:360px;overflow:auto}",
  "table.ops{width:100%;border-collapse:collapse;border:1px solid var(--line);border-radius:10px;" + "overflow:hidden}",
  "table.ops th{background:var(--panel);text-align:left;font-size:12px;text-transform:uppercase;" +
    "letter-spacing:.04em;color:var(--muted);padding:8px 10px}",
  "table.ops td{border-top:1px solid #eaeef2;padding:8px 10px;vertical-align:top}" +
    "table.ops td:first-child code{font-size:12.5px}table.ops td:last-child{width:30%}" +
    "table.ops td.num{white-space:nowrap}table.ops td.num{text-align:right;width:64px}" +
    "table.ops td.fail{color:var(--fail);font-weight:600}" +
    "table.ops td.error{color:var(--error);font-weight:600}",
  "table.ops a{color:#0969da;text-decoration:none;font-family:ui-monospace,monospace;font-size:12.5px;" +
    "white-space:nowrap}",
  ".method{display:inline-block;min-width:58px;text-align:center;font-size:11px;font-weight:700;" +
    "border-radius:6px;padding:1px 6px;color:#fff;background:#57606a}.method.get{background:#0969da}" +
    ".method.post{background:#1a7f37}.method.delete{background:#cf222e}",
  "footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);" + "padding-top:12px}",
  "",
].join("\n");

/** What the verdict rests on, open at the top: checks judged, skipped by reason, critical checks not judged. */
function coverageSection(result: RunResult): string {
  const cov = coverage(result);
  const critical =
    cov.criticalNotJudged.length === 0
      ? "<p>Every critical check was judged.</p>"
      : `<p class="critical-not-judged"><b>Critical checks not judged:</b> ${cov.criticalNotJudged
          .map((id) => `<code>${esc(id)}</code>`)
          .join(", ")}</p>`;
  const reasons = cov.skipped.length
    ? `<ul>${cov.skipped
        .map(
          (s) =>
            `<li><b>${s.outcomes}</b> skipped: ${esc(s.reason)} <span class="sub">` +
            `(${esc(s.checks.join(", "))})</span></li>`,
        )
        .join("")}</ul>`
    : "";
  const cleanup = result.cleanup
    ? `<p class="cleanup ${result.cleanup.clean ? "ok" : "bad"}"><b>${esc(result.cleanup.line)}</b></p>`
    : "";
  return (
    `<section class="coverage" id="coverage"><h2>Coverage</h2>
<p><b>${cov.judged} of ${cov.checks} checks judged</b> (${cov.outcomesJudged} outcomes judged, ` +
    `${cov.outcomesSkipped} skipped).</p>
${critical}${reasons}${cleanup}</section>`
  );
}

export function htmlReport(result: RunResult): string {
  const ok = result.exitCode === 0;
  const verdict = ok ? "passed" : result.exitCode === 2 ? "nothing checked" : "failed";
  const c = counts(result.outcomes);
  const card = (s: Status | "total", n: number, label: string) =>
    `<div class="card ${n === 0 ? "zero" : s}"><b>${n}</b><span>${label}</span></div>`;
  const expired = result.expiredWaivers.length
    ? `<div class="expired"><b>Expired allowlist entries fail this run:</b><ul>${result.expiredWaivers
        .map(
          (w) =>
            `<li><code>${esc(w.check)}</code>${w.operation ? ` ${esc(w.operation)}` : ""}: expired ` +
            `${esc(w.expires)} (${esc(w.reason)})</li>`,
        )
        .join("")}</ul></div>`
    : "";
  const recording = result.recording ? ` · ${recordingLine(result.recording)}` : "";
  const page =
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>TAP contract conformance: ${verdict}</title><style>${css}</style></head>
<body><main>
<header><div><h1>TAP contract conformance</h1>
<p class="sub">${esc(targetLine(result))}</p>
<p class="sub">started ${esc(result.startedAt)} · ${(result.durationMs / 1000).toFixed(1)} s · ` +
    `${result.checks.length} checks · failures from severity <b>${esc(result.severityThreshold)}</b>` +
    ` up fail the run${esc(recording)}</p></div>
<div class="verdict ${ok ? "ok" : "bad"}">` +
    `${ok ? "✓ Passed" : result.exitCode === 2 ? "– Nothing checked" : "✗ Failed"}${
      verdictText(result).includes("(")
        ? `<br><small>${esc(verdictText(result).replace(/^[A-Z ]+ \(|\)$/g, ""))}</small>`
        : ""
    }</div></header>
${coverageSection(result)}
<section class="cards">${card("total", result.outcomes.length, "outcomes")}${card("pass", c.pass, "passed")}` +
    `${card("fail", c.fail, "failed")}${card("error", c.error, "errors")}` +
    `${card("waived", c.waived, "known deviations")}${card("skip", c.skip, "skipped")}</section>
${bar(result)}
${problems(result)}
${expired}
<nav><a href="#checks">By check</a><a href="#operations">By operation</a></nav>
<h2 id="checks">By check</h2>
${byCheck(result)
  .map(({ check, outcomes }) => checkSection(check, outcomes))
  .join("\n")}
<h2 id="operations">By operation</h2>
${operationTable(result)}
<footer>${esc(result.tool.name)} ${esc(result.tool.version)} · ${esc(totalsLine(result.totals))} · exit code ` +
    `${result.exitCode}. Tokens and passcodes are redacted: a pass is shown by its length only.</footer>
</main></body></html>
`;
  // The last pass over the built page escapes its markers: they land inside HTML.
  return redact(page, undefined, true);
}

export const htmlReporter: Reporter = {
  name: "html",
  description: "one self-contained HTML page, grouped by check and operation, written to OUT/report.html",
  render(result, env) {
    return { files: [{ name: "report.html", text: htmlReport(redactedResult(result, env)) }] };
  },
};
