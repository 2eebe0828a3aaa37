import cliProgress from 'cli-progress';
import { pino, type Logger } from 'pino';

/** A progress bar for one long piece of work. */
export interface Progress {
  /** Moves the bar to `done`; past the total, the total grows with it (an estimate was short). */
  update(done: number, detail?: string): void;
  stop(): void;
}

/**
 * How a command tells people what it is doing: on a terminal, plain lines and progress bars; to
 * a file or a service manager, one JSON log line per event (pino), which log collectors read.
 */
export interface Reporter {
  /** True on a terminal (bars and plain lines), false for JSON log lines. */
  readonly tty: boolean;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The error a command ends with, and one line per detail of it. */
  fatal(message: string, details?: readonly string[]): void;
  progress(label: string, total: number, unit: string): Progress;
}

/** A reporter for a terminal when `tty` is true, else JSON logs on `stream`. */
export function createReporter(options: {
  tty: boolean;
  stream?: NodeJS.WritableStream;
  level?: string;
}): Reporter {
  const stream = options.stream ?? process.stderr;
  const level = options.level ?? 'info';
  return options.tty
    ? terminalReporter(stream, level === 'debug' || level === 'trace')
    : jsonReporter(pino({ level, base: { name: 'ledgerline' } }, stream as never));
}

function terminalReporter(stream: NodeJS.WritableStream, verbose: boolean): Reporter {
  // While a bar is drawn, lines go above it through the bar's own log, so they do not tear it.
  let active: cliProgress.MultiBar | null = null;
  const write = (text: string) => (active ? active.log(text) : stream.write(text));
  const line = (prefix: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields
      ? Object.entries(fields)
          .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join(' ')
      : '';
    write(`${prefix}${message}${extra ? `  ${extra}` : ''}\n`);
  };
  return {
    tty: true,
    debug: (message, fields) => {
      if (verbose) line('', message, fields);
    },
    info: (message, fields) => line('', message, fields),
    warn: (message, fields) => line('warning: ', message, fields),
    error: (message, fields) => line('error: ', message, fields),
    fatal(message, details = []) {
      write(`ledgerline: ${message}\n${details.map((detail) => `  ${detail}\n`).join('')}`);
    },
    progress(label, total, unit) {
      active?.stop();
      const bars = new cliProgress.MultiBar(
        {
          stream,
          format: `${label} {bar} {percentage}% {value}/{total} ${unit}{detail}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
          formatValue: (value, _options, kind) =>
            kind === 'value' || kind === 'total' ? value.toLocaleString('en') : String(value),
        },
        cliProgress.Presets.shades_classic,
      );
      let size = total;
      const bar = bars.create(size, 0, { detail: '' });
      active = bars;
      return {
        update(done, detail = '') {
          if (done > size) bar.setTotal((size = done));
          bar.update(done, { detail: detail ? `, ${detail}` : '' });
        },
        stop() {
          bars.stop();
          if (active === bars) active = null;
        },
      };
    },
  };
}

function jsonReporter(logger: Logger): Reporter {
  return {
    tty: false,
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    fatal: (message, details = []) => logger.error(details.length > 0 ? { details } : {}, message),
    progress(label, total, unit) {
      // Logs only at the start, every tenth of the way and at the end: enough to see it move.
      let nextStep = 0.1;
      let done = 0;
      logger.info({ total, unit }, `${label}: started`);
      return {
        update(now) {
          done = now;
          if (total > 0 && done / total >= nextStep && done < total) {
            logger.info({ done, total, unit }, `${label}: ${Math.floor((done / total) * 100)}%`);
            nextStep = Math.floor((done / total) * 10) / 10 + 0.1;
          }
        },
        stop: () => logger.info({ done, total: Math.max(total, done), unit }, `${label}: finished`),
      };
    },
  };
}
