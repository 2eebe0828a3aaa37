import cliProgress from 'cli-progress';
import { pino, type Logger } from 'pino';

/** A progress bar for one long piece of work. */
export interface Progress {
  update(done: number, detail?: string): void;
  stop(): void;
}

/**
 * How a command tells people what it is doing: on a terminal, plain lines and progress bars; to
 * a file or a service manager, one JSON log line per event (pino), which log collectors read.
 */
export interface Reporter {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  progress(label: string, total: number, unit: string): Progress;
}

/** A reporter for a terminal when `tty` is true, else JSON logs on `stream`. */
export function createReporter(options: {
  tty: boolean;
  stream?: NodeJS.WritableStream;
  level?: string;
}): Reporter {
  const stream = options.stream ?? process.stderr;
  return options.tty
    ? terminalReporter(stream)
    : jsonReporter(pino({ level: options.level ?? 'info', base: { name: 'ledgerline' } }, stream as never));
}

function terminalReporter(stream: NodeJS.WritableStream): Reporter {
  const line = (prefix: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields
      ? Object.entries(fields)
          .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join(' ')
      : '';
    stream.write(`${prefix}${message}${extra ? `  ${extra}` : ''}\n`);
  };
  return {
    info: (message, fields) => line('', message, fields),
    warn: (message, fields) => line('warning: ', message, fields),
    error: (message, fields) => line('error: ', message, fields),
    progress(label, total, unit) {
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {detail}`,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
      return {
        update: (done, detail = '') => bar.update(Math.min(done, total), { detail }),
        stop: () => bar.stop(),
      };
    },
  };
}

function jsonReporter(logger: Logger): Reporter {
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    progress(label, total, unit) {
      // Logs only at the start, every tenth of the way and at the end: enough to see it move.
      let nextStep = 0.1;
      logger.info({ total, unit }, `${label}: started`);
      return {
        update(done) {
          if (total > 0 && done / total >= nextStep) {
            logger.info({ done, total, unit }, `${label}: ${Math.floor((done / total) * 100)}%`);
            nextStep = Math.floor((done / total) * 10) / 10 + 0.1;
          }
        },
        stop: () => logger.info({ total, unit }, `${label}: finished`),
      };
    },
  };
}
