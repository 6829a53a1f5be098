import { exchangeContext } from "../src/contract/index.js";
import { distinctGetExchanges } from "./support/tap-exchange.js";
const d = distinctGetExchanges(2);
const ctx = exchangeContext(d[0]!.exchange, {});
console.log((ctx.body as any)["@odata.context"]);
console.log(d[0]!.exchange.request.url, ctx.operation.path);
