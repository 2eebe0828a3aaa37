import nodemailer from 'nodemailer';
import { NOTIFY_ENV_VARIABLES, readNotifySettings, type NotifySettings } from '../config/notify-settings.js';
import { redactUrl } from '../db/postgres/postgres-connection.js';
import { messageOf, notConfigured, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'mail';

/** The delivery settings are valid and, for SMTP, the server greets, takes EHLO and the login. */
export async function checkMail(settings: DoctorSettings): Promise<CheckResult> {
  let notify: NotifySettings;
  try {
    notify = readNotifySettings(settings.env);
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: messageOf(error),
      fix: 'correct the delivery settings named',
    };
  }
  if (notify.mailTransport === 'none') return notConfigured(NAME, NOTIFY_ENV_VARIABLES.mailTransport);
  if (notify.mailTransport === 'graph')
    return {
      name: NAME,
      status: 'ok',
      summary: `through Graph as ${notify.mailFrom} (Mail.Send is checked with the Graph credentials)`,
    };
  const where = redactUrl(notify.smtpUrl as string);
  const transport = nodemailer.createTransport({
    url: notify.smtpUrl as string,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  try {
    await transport.verify();
    return {
      name: NAME,
      status: 'ok',
      summary: `SMTP ${where} takes the connection and the login, from ${notify.mailFrom}`,
    };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return {
      name: NAME,
      status: 'fail',
      summary: `SMTP ${where}: ${messageOf(error)}`,
      fix:
        code === 535 || code === 534
          ? `check the user and password in ${NOTIFY_ENV_VARIABLES.smtpUrl}`
          : `check the host and port in ${NOTIFY_ENV_VARIABLES.smtpUrl} and that this machine may reach it`,
    };
  } finally {
    transport.close();
  }
}
