/**
 * Per-call time of the typed client's Get beside a raw fetch of the same URL (the limit) and
 * openapi-fetch alone (the library the client wraps), all in this process against the same bare
 * node:http server in a child process.
 */
import createClient from "openapi-fetch";
import type { paths } from "../../generated/api.js";
import { createTapClient } from "../../src/index.js";
import { startChild, tsNode } from "../support/child.js";
import { evaluate, type Measurement } from "../support/results.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";

const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";

async function perCallMicros(calls: number, one: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await one();
  return Number(process.hrtime.bigint() - start) / 1e3 / calls;
}

export const clientCallsSuite: Suite = {
  id: "client-calls",
  title: "Client per-call time against a local server",
  async run({ quick, log }) {
    const [command, args] = tsNode("bench/servers/bare-http.ts");
    const server = await startChild(command, args);
    try {
      const origin = server.ready[0]!;
      const url = `${origin}/v1.0/users/${USER}/authentication/temporaryAccessPassMethods/${METHOD}`;
      const tap = createTapClient({ baseUrl: `${origin}/v1.0`, credential: "bench-token" });
      const ours = async () => {
        const { data } = await tap.get({ user: USER, id: METHOD });
        if (!data) throw new Error("client-calls: the client got no data");
      };
      // openapi-fetch with none of our middleware: how much of any gap is the library underneath.
      const bare = createClient<paths>({ baseUrl: `${origin}/v1.0` });
      const plain = async () => {
        const { data } = await bare.GET(
          "/users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
          {
            params: {
              path: { "user-id": USER, "temporaryAccessPassAuthenticationMethod-id": METHOD },
              header: { "client-request-id": crypto.randomUUID() },
            },
            headers: { authorization: "Bearer bench-token" },
          },
        );
        if (!data) throw new Error("client-calls: openapi-fetch got no data");
      };
      const raw = async () => {
        const res = await fetch(url, {
          headers: { authorization: "Bearer bench-token", "client-request-id": crypto.randomUUID() },
        });
        if (res.status !== 200) throw new Error(`client-calls: raw fetch got ${res.status}`);
        return res.json();
      };
      const calls = quick ? 200 : 1_000;
      const rounds = quick ? 3 : 9;
      const samples = { ours: [] as number[], raw: [] as number[], plain: [] as number[] };
      const contenders: Array<[keyof typeof samples, () => Promise<unknown>]> = [
        ["ours", ours],
        ["raw", raw],
        ["plain", plain],
      ];
      for (let i = 0; i < (quick ? 1 : 2); i++) for (const [, fn] of contenders) await perCallMicros(calls, fn);
      for (let r = 0; r < rounds; r++) {
        // Rotate which goes first: keep-alive sockets and GC debt even out.
        for (let k = 0; k < contenders.length; k++) {
          const [name, fn] = contenders[(r + k) % contenders.length]!;
          samples[name].push(await perCallMicros(calls, fn));
        }
      }
      log(
        `client-calls: ours ${median(samples.ours).toFixed(1)} µs, openapi-fetch alone ` +
          `${median(samples.plain).toFixed(1)} µs, raw fetch ${median(samples.raw).toFixed(1)} µs per call`,
      );
      const m = (label: string, s: number[]): Measurement => ({
        label,
        unit: "µs/call",
        better: "lower",
        median: median(s),
        samples: s,
      });
      return {
        comparisons: [
          evaluate(
            {
              id: "client-calls",
              title: "Client: per-call time of a Get",
              ours: m("createTapClient().get()", samples.ours),
              limit: m("raw fetch + res.json()", samples.raw),
              peers: [m("openapi-fetch alone (no middleware)", samples.plain)],
              missing: [],
              notes: [
                `${calls} sequential calls per round, ${rounds} rounds rotating which goes first, against a bare ` +
                  `node:http server in a child process (loopback, keep-alive).`,
                "The client's get() is a thin wrapper over its openapi-fetch client: it sends through the bearer, " +
                  "client-request-id and retry middleware, with the call's timeout, reads the body with its size " +
                  "cap and builds the typed result; the raw fetch sends the same headers and parses the JSON; " +
                  "openapi-fetch alone is the library underneath with no middleware, given the same headers.",
              ],
            },
            [
              { against: "raw fetch + res.json()", atLeast: 1 / 1.15, text: "within 1.15x of raw fetch per call" },
              {
                against: "openapi-fetch alone (no middleware)",
                atLeast: 1 / 1.1,
                text: "within 1.10x of openapi-fetch alone per call",
              },
            ],
          ),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
