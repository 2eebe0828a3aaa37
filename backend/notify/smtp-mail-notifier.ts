import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailContent, Notifier, SendResult } from './notifier.js';

/** E-mail through an SMTP server (nodemailer), from the configured sender, one recipient at a time. */
export class SmtpMailNotifier implements Notifier<EmailContent> {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Well inside the outbox lease, so a stuck server never lets another worker send the same e-mail.
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(recipient: string, content: EmailContent): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: recipient,
        subject: content.subject,
        html: content.html,
        text: content.text,
        attachments: content.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.contentBase64, 'base64'),
        })),
      });
      return { ok: true, delivery: { messageId: info.messageId, to: recipient } };
    } catch (error) {
      const { responseCode: code, command } = error as { responseCode?: number; command?: string };
      return {
        ok: false,
        // A recipient refused with 5xx (no such mailbox) is refused for good; anything else may pass.
        permanent: code !== undefined && code >= 500 && (command ?? '').startsWith('RCPT'),
        error: `the SMTP server did not take the e-mail to ${recipient}${code ? ` (${code})` : ''}: ${(error as Error).message}`,
      };
    }
  }
}
