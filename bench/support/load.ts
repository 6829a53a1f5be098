/** HTTP load with autocannon against a server in another process: req/s and p99 latency. */
import autocannon from "autocannon";

export interface LoadFigure {
  reqPerSec: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<LoadFigure> {
  const r = await autocannon({ url, headers, duration: seconds, connections, pipelining: 1 });
  return { reqPerSec: r.requests.average, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}
