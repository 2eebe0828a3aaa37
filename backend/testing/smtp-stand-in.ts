import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** One part of a received e-mail: its type, file name (attachments) and decoded content. */
export interface ReceivedPart {
  contentType: string;
  filename: string | null;
  content: Buffer;
}

/** An e-mail the stand-in took, with its envelope and what its MIME says. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The leaf parts (text, HTML, attachments), in order. */
  parts: ReceivedPart[];
  raw: string;
}

/**
 * An SMTP server on 127.0.0.1 for tests (the `smtp-server` package): plain SMTP with AUTH PLAIN or
 * LOGIN for one user, every accepted e-mail kept with its parts decoded; `refuseNext` makes it
 * answer the next recipients with a temporary (4xx) or permanent (5xx) refusal.
 */
export class SmtpStandIn {
  readonly received: ReceivedMail[] = [];
  private refusals: number[] = [];
  private readonly server: SMTPServer;

  private constructor(
    readonly user: string,
    readonly password: string,
  ) {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === this.user && auth.password === this.password
          ? callback(null, { user: auth.username })
          : callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
      onRcptTo: (_address, _session, callback) => {
        const code = this.refusals.shift();
        if (code === undefined) return callback();
        callback(Object.assign(new Error(`Mailbox unavailable (${code})`), { responseCode: code }));
      },
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const { headers, body } = splitHeaders(raw);
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: headers.get('subject') ?? '',
            parts: leafParts(headers, body),
            raw,
          });
          callback();
        });
      },
    });
  }

  /** Starts one on a free port of 127.0.0.1. */
  static async start(user = 'ledgerline', password = 'smtp-secret'): Promise<SmtpStandIn> {
    const standIn = new SmtpStandIn(user, password);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** `smtp://user:password@127.0.0.1:port`, as LEDGERLINE_SMTP_URL takes it. */
  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${port}`;
  }

  /** Refuses the next `count` recipients with `code` (e.g. 451: try again later). */
  refuseNext(count: number, code = 451): void {
    this.refusals.push(...Array.from({ length: count }, () => code));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function splitHeaders(text: string): { headers: Map<string, string>; body: string } {
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leafParts(headers: Map<string, string>, body: string): ReceivedPart[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    return sections
      .filter((section) => !section.startsWith('--'))
      .flatMap((section) => {
        const part = splitHeaders(section.replace(/^\r?\n/, ''));
        return leafParts(part.headers, part.body);
      });
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const content =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          )
        : Buffer.from(body, 'utf8');
  const disposition = headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return [{ contentType: contentType.split(';')[0]!.trim().toLowerCase(), filename, content }];
}
