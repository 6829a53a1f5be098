import { exchangeContext, exchangeRules } from "../src/contract/index.js";
import { distinctGetAndListExchanges, getBodyText, getExchange } from "./support/tap-exchange.js";
const rule = exchangeRules.find((r) => r.id === "odata-context")!;
const ex = [getExchange(JSON.parse(getBodyText)), ...distinctGetAndListExchanges(2).map((d) => d.exchange)];
for (const e of ex) {
  e.request.url = JSON.parse(JSON.stringify(e.request.url));
  const ctx = exchangeContext(e, {});
  const n = 200000; const t = performance.now();
  for (let i = 0; i < n; i++) rule.run(ctx);
  console.log(e.operation.operationId, ((performance.now() - t) / n * 1e6).toFixed(0), "ns");
}
