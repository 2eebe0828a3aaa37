import { describe, expect, it } from 'vitest';
import { readNotifySettings } from './notify-settings.js';
import { readServerSettings } from './server-settings.js';

describe('the delivery settings', () => {
  it('send no e-mail unless a transport is chosen, and try a message 8 times', () => {
    expect(readNotifySettings({})).toEqual({ mailTransport: 'none', maxAttempts: 8 });
  });

  it('take Graph or SMTP with a sender', () => {
    expect(
      readNotifySettings({ LEDGERLINE_MAIL_TRANSPORT: 'graph', LEDGERLINE_MAIL_FROM: 'billing@contoso.com' }),
    ).toMatchObject({ mailTransport: 'graph', mailFrom: 'billing@contoso.com' });
    const smtp = readNotifySettings({
      LEDGERLINE_MAIL_TRANSPORT: 'smtp',
      LEDGERLINE_MAIL_FROM: 'billing@contoso.com',
      LEDGERLINE_SMTP_URL: 'smtp://user:pass@mail.contoso.com:587',
      LEDGERLINE_OUTBOX_MAX_ATTEMPTS: ' 3 ',
    });
    expect(smtp).toMatchObject({ smtpUrl: 'smtp://user:pass@mail.contoso.com:587', maxAttempts: 3 });
    expect(Object.isFrozen(smtp)).toBe(true);
  });

  it('name the variable that is wrong or missing', () => {
    expect(() => readNotifySettings({ LEDGERLINE_MAIL_TRANSPORT: 'pigeon' })).toThrow(
      'LEDGERLINE_MAIL_TRANSPORT: must be none, graph or smtp',
    );
    expect(() => readNotifySettings({ LEDGERLINE_MAIL_TRANSPORT: 'graph' })).toThrow(
      'LEDGERLINE_MAIL_FROM: required to send e-mail',
    );
    expect(() =>
      readNotifySettings({ LEDGERLINE_MAIL_TRANSPORT: 'smtp', LEDGERLINE_MAIL_FROM: 'billing@contoso.com' }),
    ).toThrow('LEDGERLINE_SMTP_URL: required when the transport is smtp');
    expect(() =>
      readNotifySettings({
        LEDGERLINE_MAIL_TRANSPORT: 'smtp',
        LEDGERLINE_MAIL_FROM: 'billing',
        LEDGERLINE_SMTP_URL: 'http://mail.contoso.com',
      }),
    ).toThrow(/LEDGERLINE_MAIL_FROM: must be an e-mail address; LEDGERLINE_SMTP_URL: must be smtp:/);
    expect(() => readNotifySettings({ LEDGERLINE_OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(
      'LEDGERLINE_OUTBOX_MAX_ATTEMPTS: must be 1 to 100',
    );
  });

  it('are read like the server settings, whose errors name their variable too', () => {
    expect(readServerSettings({})).toEqual({ maskDigits: 3 });
    expect(() => readServerSettings({ LEDGERLINE_MASK_DIGITS: '11' })).toThrow(
      'server settings are not valid: LEDGERLINE_MASK_DIGITS: must be 0 to 10',
    );
  });
});
