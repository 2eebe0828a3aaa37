import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PipelineStatus } from '../reports/pipeline-status.js';

/** What `/metrics` reports, read when Prometheus scrapes: the pipeline's state and HTTP timings. */
export interface ServerMetrics {
  registry: Registry;
  /** Times one HTTP request; call the returned function when it is answered. */
  startRequest(method: string): (route: string, status: number) => void;
}

/**
 * A registry of Ledgerline's own (never prom-client's global one, so two servers in a process
 * do not collide): the process's default metrics, HTTP request durations and counts by route and
 * status, and pipeline gauges read from `status()` at each scrape: calls recorded (spool lines
 * the miner took in), calls stored by rating status, rejected lines, the spool backlog, miner
 * lag (age of the oldest file waiting), recorder lag (time since each source's checkpoint
 * moved) and the notification outbox by state.
 */
export function createServerMetrics(
  status: () => Promise<PipelineStatus>,
  now: () => number = Date.now,
): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ledgerline_' });
  const duration = new Histogram({
    name: 'ledgerline_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'ledgerline_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });

  // One read of the pipeline per scrape, shared by every gauge below.
  let snapshot: Promise<Awaited<ReturnType<typeof status>>> | null = null;
  const read = () => (snapshot ??= status().finally(() => setTimeout(() => (snapshot = null), 0)));
  const gauge = (
    name: string,
    help: string,
    fill: (gauge: Gauge, value: Awaited<ReturnType<typeof status>>) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        fill(this, await read());
      },
    });
  gauge(
    'ledgerline_calls_recorded',
    'Calls the recorders wrote to spool files that the miner has read.',
    (g, s) => g.set(s.recordedLines),
  );
  gauge(
    'ledgerline_calls_stored',
    'Calls stored in the billing database, by rating status (rated, unrated, free).',
    (g, s) => {
      g.set({ status: 'rated' }, s.calls.rated);
      g.set({ status: 'unrated' }, s.calls.unrated);
      g.set({ status: 'free' }, s.calls.free);
    },
    ['status'],
  );
  gauge('ledgerline_calls_unrated', 'Stored calls no tariff or route could price.', (g, s) =>
    g.set(s.calls.unrated),
  );
  gauge(
    'ledgerline_rejected_lines',
    'Spool lines rejected by the miner (kept in the rejects table).',
    (g, s) => g.set(s.rejectedLines),
  );
  gauge('ledgerline_spool_backlog_files', 'Spool files waiting for the miner.', (g, s) =>
    g.set(s.backlog.files),
  );
  gauge('ledgerline_spool_backlog_bytes', 'Size of the spool files waiting for the miner.', (g, s) =>
    g.set(s.backlog.bytes),
  );
  gauge(
    'ledgerline_spool_failed_files',
    'Spool files set aside in failed/ after failing again and again.',
    (g, s) => g.set(s.failedFiles.length),
  );
  gauge(
    'ledgerline_miner_lag_seconds',
    'Age of the oldest spool file waiting for the miner (0 when none waits).',
    (g, s) =>
      g.set(s.backlog.oldestAt === null ? 0 : Math.max(0, (now() - Date.parse(s.backlog.oldestAt)) / 1000)),
  );
  gauge(
    'ledgerline_recorder_lag_seconds',
    'Time since each recorder source last moved its checkpoint.',
    (g, s) => {
      for (const recorder of s.recorders)
        g.set({ source: recorder.source }, Math.max(0, (now() - Date.parse(recorder.updatedAt)) / 1000));
    },
    ['source'],
  );
  gauge(
    'ledgerline_outbox_messages',
    'Notification messages in the outbox, by state (pending, sending, sent, failed).',
    (g, s) => {
      for (const [state, count] of Object.entries(s.outbox)) g.set({ status: state }, count);
    },
    ['status'],
  );
  gauge('ledgerline_last_call_timestamp_seconds', 'Start of the newest stored call (Unix time).', (g, s) =>
    g.set(s.lastCallAt === null ? 0 : Date.parse(s.lastCallAt) / 1000),
  );

  return {
    registry,
    startRequest(method) {
      const end = duration.startTimer({ method });
      return (route, statusCode) => {
        const labels = { method, route, status: String(statusCode) };
        end(labels);
        requests.inc(labels);
      };
    },
  };
}
