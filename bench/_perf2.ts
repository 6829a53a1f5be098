import { checkExchange, exchangeRuleIds } from "../src/contract/index.js";
import { distinctGetExchanges } from "./support/tap-exchange.js";
const d = distinctGetExchanges(4096);
function time(fn: (i: number) => unknown) {
  let best = 0;
  for (let r = 0; r < 3; r++) { const t = performance.now(); for (let i = 0; i < 50000; i++) fn(i); const ms = performance.now() - t; best = Math.max(best, 50000 / ms * 1000); }
  return Math.round(1e9 / best);
}
console.log("none", time((i) => checkExchange(d[i & 4095]!.exchange, { rules: [] })));
for (const id of exchangeRuleIds) console.log(id, time((i) => checkExchange(d[i & 4095]!.exchange, { rules: [id] })));
console.log("all", time((i) => checkExchange(d[i & 4095]!.exchange)));
console.log("parse", time((i) => JSON.parse(d[i & 4095]!.text)));
