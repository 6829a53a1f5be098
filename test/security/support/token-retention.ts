// Runs every exchange rule over /me exchanges that carry a bearer token, drops them, and looks
// for the token in a heap snapshot: a rule that keeps a token (a cache keyed by the
// Authorization header) shows it there. Prints "retained: yes" or "retained: no".
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { checkExchange, type Exchange } from "../../../src/contract/index.js";
import { operationById } from "../../../src/spec/index.js";

// Built at run time so that the script's own source text is not what the snapshot finds.
const marker = ["RETAINED", "TOKEN", String(process.pid)].join("-");
const header = (i: number) => `Bearer eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.${marker}-${i}`;

function run(): void {
  for (let i = 0; i < 3; i++) {
    const exchange: Exchange = {
      operation: operationById("listMyTemporaryAccessPassMethods"),
      params: {},
      request: {
        method: "GET",
        url: `https://graph.microsoft.com/v1.0/me/authentication/temporaryAccessPassMethods?i=${i}`,
        headers: { authorization: header(i) },
      },
      response: {
        status: 200,
        headers: { "content-type": "application/json" },
        body: {
          "@odata.context":
            "https://graph.microsoft.com/v1.0/$metadata#users('x')/authentication/temporaryAccessPassMethods",
          value: [],
        },
      },
    };
    checkExchange(exchange);
  }
}

run();
const file = writeHeapSnapshot(join(tmpdir(), `tap-retention-${process.pid}.heapsnapshot`));
const text = readFileSync(file, "utf8");
rmSync(file, { force: true });
console.log(`retained: ${text.includes(`${marker}-`) ? "yes" : "no"}`);
