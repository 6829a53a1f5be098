import { checkExchange } from "../src/contract/index.js";
import { distinctGetExchanges } from "../bench/support/tap-exchange.js";
const d = distinctGetExchanges(4096);
for (const x of d) { const v = checkExchange(x.exchange); if (v.length) { console.log(v); process.exit(1);} }
function time(label: string, fn: (i: number) => unknown) {
  for (let r = 0; r < 3; r++) { const t = performance.now(); for (let i = 0; i < 200000; i++) fn(i); const ms = performance.now() - t; if (r === 2) console.log(label, Math.round(200000 / ms * 1000), "ops/s"); }
}
time("check", (i) => checkExchange(d[i & 4095]!.exchange));
time("parse", (i) => JSON.parse(d[i & 4095]!.text));
