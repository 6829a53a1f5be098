// Makes every DNS lookup of a name other than localhost fail at once, and records it: a request
// that would leave the machine is seen (and stopped) before any packet goes out. Node's net and
// tls (so fetch, node:http and every client built on them) resolve names through dns.lookup.
import dns from "node:dns";

/** Blocks lookups; returns the names asked for so far and a restore function. */
export function blockDns() {
  const attempts = [];
  const { lookup } = dns;
  const { lookup: lookupPromise } = dns.promises;
  const local = (host) => host === "localhost" || host.endsWith(".localhost");
  const refusal = (host) =>
    Object.assign(new Error(`DNS lookup of ${host} blocked by the test: this request would have left the machine`), {
      code: "ENOTFOUND",
      hostname: host,
    });
  dns.lookup = function blockedLookup(host, ...rest) {
    if (local(String(host))) return lookup.call(this, host, ...rest);
    attempts.push(String(host));
    const callback = rest.at(-1);
    process.nextTick(() => callback(refusal(host)));
    return {};
  };
  dns.promises.lookup = async function blockedLookupPromise(host, ...rest) {
    if (local(String(host))) return lookupPromise.call(this, host, ...rest);
    attempts.push(String(host));
    throw refusal(host);
  };
  return {
    attempts,
    restore() {
      dns.lookup = lookup;
      dns.promises.lookup = lookupPromise;
    },
  };
}
