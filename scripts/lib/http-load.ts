// HTTP load on one page with autocannon, the latencies recorded by this script as well: autocannon's
// own histogram gives p50, p97.5 and p99 but no p95, so every response's time (autocannon's
// `response` event: from the request written to the response read, in ms) is kept and the
// percentiles are computed from that list, nearest rank.
import autocannon from "autocannon";

/** Nearest-rank percentile of ascending `sorted` (q in 0..1). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentilesOf(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export interface LoadResult extends Percentiles {
  connections: number;
  /** Requests per second each connection is held to (a person who reads between pages); none: back to back. */
  rate: number | null;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Autocannon's own figures, to compare with ours. */
  autocannon: { p50: number; p97_5: number; p99: number; averageRps: number };
}

function once(
  opts: { url: string; cookie: string; connections: number; rate?: number },
  seconds: number,
  record?: number[],
): Promise<autocannon.Result> {
  const { url, cookie, connections, rate } = opts;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie }, ...(rate ? { connectionRate: rate } : {}) },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (record)
      instance.on("response", (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) record.push(ms);
      });
  });
}

/**
 * `warmup` seconds of the same load first (not recorded: compiled routes, caches, the planner,
 * the pools), then `seconds` recorded. Requests/s is the recorded responses over the duration.
 */
export async function loadPage(opts: {
  url: string;
  cookie: string;
  connections: number;
  rate?: number;
  seconds: number;
  warmup: number;
}): Promise<LoadResult> {
  if (opts.warmup > 0) await once(opts, opts.warmup);
  const latencies: number[] = [];
  const result = await once(opts, opts.seconds, latencies);
  return {
    connections: opts.connections,
    rate: opts.rate ?? null,
    seconds: opts.seconds,
    ...percentilesOf(latencies),
    requests: latencies.length,
    requestsPerSecond: latencies.length / opts.seconds,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      averageRps: result.requests.average,
    },
  };
}
