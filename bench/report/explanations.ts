/**
 * Why a target was not reached, said once per target where we know the reason. Printed in
 * RESULTS.md only when that target was measured and missed, so the text never outlives the gap.
 */
import type { BenchResults } from "../support/results.js";

const contractCheck =
  "checkExchange runs every single-exchange rule on an already parsed body, and two of them carry most of the cost: the full JSON Schema validation (Ajv 2020 with allErrors and RFC 3339 date-time checks) and the clock rule, which parses the response's Date header and both timestamps; the table \"cost of each rule alone\" above shows each rule's share beside JSON.parse. JSON.parse of a 400-byte body is one native pass, so it is a hard limit to beat with 17 rules in JavaScript.";

const reasons: Record<string, string> = {
  "contract-check: at least as fast as JSON.parse of the same body": contractCheck,
  "contract-check: aim: twice as fast as JSON.parse": contractCheck,
  "mock-http: at least 60% of the bare node:http limit":
    "per request the mock does what the bare server skips: it routes against the spec's paths, looks the bearer token up in its verified-token cache and checks its claims against the permission table, resolves the user, computes usability from its clock, and writes Graph's envelope (request-id, client-request-id, Date, @odata.context) with a fresh JSON body. On this 2-core machine autocannon and the server share the CPU with everything else running, so the ratio moves with the load: compare the per-round samples in results.json.",
  "mock-http: at least 10x Prism":
    "Prism's throughput varies most from round to round on a loaded 2-core machine; compare the per-round samples in results.json.",
  "client-calls: within 1.15x of raw fetch per call":
    "the \"openapi-fetch alone\" row is the library underneath with none of our middleware: most of the gap is already there (it builds a Request object per call and runs its middleware chain), and the rest is our middleware (bearer, client-request-id, retry bookkeeping) and the size-capped body read. On loopback a raw fetch does little more than send and parse, so a few hundred microseconds weigh a lot; against Graph, where a call takes tens of milliseconds, the same overhead is well under 1%.",
  "client-cold: at least 5x faster than the Kiota SDK cold":
    "ours is within a few milliseconds of the limit, Node itself making one raw fetch: the ratio is bounded by Node's own start-up, which both processes pay. What separates us from Kiota is its import cost on top of that start-up; on a busy machine both grow and the ratio shrinks.",
};

export function explanations(results: BenchResults): string[] {
  const out: string[] = [];
  for (const c of results.comparisons) {
    for (const t of c.targets) {
      const why = reasons[`${c.id}: ${t.text}`];
      if (t.met === false && why) out.push(`Why (${c.title}, ${t.text}): ${why}`);
    }
  }
  return out;
}
