import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { appGraphClient, graphStatus, type AppToken } from './graph-requests.js';
import type { EmailContent, Notifier, SendResult } from './notifier.js';

/**
 * E-mail through Microsoft Graph `POST /users/{sender}/sendMail` with the app's own token
 * (the Mail.Send application permission, best limited to the sender's mailbox by an
 * application access policy); attachments as file attachments, nothing kept in Sent Items.
 */
export class GraphMailNotifier implements Notifier<EmailContent> {
  private readonly client: Client;

  constructor(
    graphUrl: string,
    private readonly token: AppToken,
    private readonly sender: string,
  ) {
    this.client = appGraphClient(graphUrl);
  }

  async send(recipient: string, content: EmailContent): Promise<SendResult> {
    const message = {
      subject: content.subject,
      body: { contentType: 'HTML', content: content.html },
      toRecipients: [{ emailAddress: { address: recipient } }],
      attachments: content.attachments.map((attachment) => ({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: attachment.filename,
        contentType: attachment.contentType,
        contentBytes: attachment.contentBase64,
      })),
    };
    try {
      await this.client
        .api(`/users/${encodeURIComponent(this.sender)}/sendMail`)
        .header('Authorization', `Bearer ${await this.token()}`)
        .post({ message, saveToSentItems: false });
      // Graph accepts with 202 and no body: the message has no id to keep until it is delivered.
      return { ok: true, delivery: { via: 'graph', from: this.sender, to: recipient } };
    } catch (error) {
      const hint =
        error instanceof GraphError && error.statusCode === 403
          ? ': the app needs the Mail.Send application permission for the sender'
          : '';
      return {
        ok: false,
        error: `Graph did not send the e-mail to ${recipient}${graphStatus(error)}${hint}: ${(error as Error).message}`,
      };
    }
  }
}
