/**
 * Why a target was not reached, said once per target where we know the reason. Printed in
 * RESULTS.md only when that target was measured and missed, so the text never outlives the gap.
 */
import type { BenchResults } from "../support/results.js";

const reasons: Record<string, string> = {
  "contract-check-distinct: at least as fast as JSON.parse of the same texts":
    "the check remembers nothing between exchanges (no answer is kept, by design), so each exchange pays every " +
    "rule in full: the precompiled schema validator, two GUIDs, the RFC 3339 timestamps, the @odata.context " +
    "comparison and the header rules. The per-rule table above shows no single rule dominating; reaching " +
    "JSON.parse would mean fusing the rules into fewer passes over the body, which would give up one file per " +
    "rule.",
  "Runner: full suite against the embedded mock":
    "the suite itself (its 200-odd outcomes: real HTTP requests to the mock, RSA-signed tokens for every row of the " +
    "permission tables) takes about six times a bare `node -e 0` on its own; start-up was cut (reporters and " +
    "the HTTPS certificate code load only when asked for, Ajv is never loaded by the runner), but what is left " +
    "is the checking the run exists to do.",
  "Replay: throughput and peak memory by recording size":
    "after the per-exchange closures, the re-split path templates and the per-line copies were removed, the " +
    "profile shows JSON.parse of each line at about a quarter of the time, the rules at a sixth, the tally and " +
    "template matching at under a tenth each; doubling again would mean halving all of them at once. The figure " +
    "is measured under tsx; the installed (compiled) package skips tsx's naming helpers.",
  "mock-http: at least 60% of the bare node:http limit":
    "per request the mock does what the bare server skips: it routes against the spec's paths, looks the bearer " +
    "token up in its verified-token cache and checks its claims against the permission table, resolves the " +
    "user, computes usability from its clock, and writes Graph's envelope (request-id, client-request-id, Date, " +
    "@odata.context) with a fresh JSON body. On this 2-core machine autocannon and the server share the CPU " +
    "with everything else running, so the ratio moves with the load: compare the per-round samples in " +
    "results.json.",
  "mock-http: at least 10x Prism":
    "Prism's throughput varies most from round to round on a loaded 2-core machine; compare the per-round samples " +
    "in results.json.",
  "client-calls: within 1.15x of raw fetch per call":
    'the client\'s typed operations are thin wrappers over openapi-fetch, and the "openapi-fetch alone" row shows ' +
    "that the library underneath (its Request per call, header merging and serializers) accounts for most of " +
    "the gap; the rest is the client's own work per call: the middleware (token, client-request-id, retry), the " +
    "call's timeout, the size-capped body read and the typed result. On loopback a raw fetch does little more " +
    "than send and parse, so tens of microseconds weigh a lot; against Graph, where a call takes tens of " +
    "milliseconds, the same overhead is well under 1%. The machine was busy during this run (see the load " +
    "average above), which inflates every per-call figure.",
  "client-calls: within 1.10x of openapi-fetch alone per call":
    "since issue 19 every response body passes through a guarded stream that counts decoded bytes and ends on " +
    "the call's own signal: the fix for a deadline that a garbage collection could lose and for decompression " +
    "bombs that passed the byte cap. It costs one stream and one abort listener per response, some 80 µs per " +
    "call on loopback here; the last run before it measured 0.99x. Against Graph, where a call takes tens of " +
    "milliseconds, that is well under 1%.",
  "Runner: live run with writes at 150 ms a request, concurrent vs one request after another":
    "the four checks that change the tenant's TAP policy (issue 17) must run alone, after the concurrent " +
    "probes, since every other probe is judged by the policy read at the start; each is some six requests in a " +
    "row (read, change, verify, probe, read back, restore), so about 3.5 s of the concurrent run is that serial " +
    "tail. Without those checks the same run measured 0.32x (issue 18). Reaching 0.35x with them would mean one " +
    "shared policy window for the four probes.",
  "client-cold: at least 5x faster than the Kiota SDK cold":
    "ours is within a few tens of milliseconds of the limit, Node itself making one raw fetch: the ratio is " +
    "bounded by Node's own start-up, which both processes pay, and on this busy machine (see the load average " +
    "above) Node's start-up alone took several times its usual 90 ms. What separates us from Kiota is its " +
    "import cost on top of that start-up; the ratio grows as the machine gets quieter (the project's stack " +
    "notes measured a bare openapi-fetch import + one Get at 212 ms against Kiota's 1,189 ms, 5.6x, on a quiet " +
    "machine of the same kind).",
};

export function explanations(results: BenchResults): string[] {
  const out: string[] = [];
  for (const t of results.tables) {
    const missed =
      t.rows.some((row) => row.some((v) => String(v).includes("❌"))) || t.notes.some((n) => n.includes("❌"));
    const why = reasons[t.title];
    if (missed && why) out.push(`Why (${t.title}): ${why}`);
  }
  for (const c of results.comparisons) {
    for (const t of c.targets) {
      const why = reasons[`${c.id}: ${t.text}`];
      if (t.met === false && why) out.push(`Why (${c.title}, ${t.text}): ${why}`);
    }
  }
  return out;
}
