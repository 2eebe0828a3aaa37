import autocannon from 'autocannon';

/** Latency of one URL under load, from every response's own time (not autocannon's buckets). */
export interface LatencyResult {
  name: string;
  requests: number;
  errors: number;
  non2xx: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

/**
 * Hammers one URL over HTTP with `connections` clients for `seconds` and reports the 50th, 95th
 * and 99th percentiles of the response times (autocannon's own summary has no 95th).
 */
export async function measureLatency(
  name: string,
  url: string,
  headers: Record<string, string>,
  options: { connections?: number; seconds?: number } = {},
): Promise<LatencyResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections: options.connections ?? 1, duration: options.seconds ?? 5 },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? NaN;
  return {
    name,
    requests: times.length,
    errors: result.errors,
    non2xx: result.non2xx,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    requestsPerSecond: Math.round(times.length / (options.seconds ?? 5)),
  };
}
