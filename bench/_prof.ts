import { checkExchange } from "../src/contract/index.js";
import { distinctGetExchanges } from "./support/tap-exchange.js";
const d = distinctGetExchanges(4096);
for (let i = 0; i < 600000; i++) checkExchange(d[i & 4095]!.exchange);
