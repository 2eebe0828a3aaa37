import { describe, expect, it } from 'vitest';
import { connectToHost, hostKind, hostTheme } from './host-context';

describe('the host', () => {
  it('names Teams, Outlook, the Microsoft 365 app and SharePoint from teams-js', () => {
    expect(hostKind('Teams', false)).toBe('teams');
    expect(hostKind('TeamsModern', false)).toBe('teams');
    expect(hostKind('Outlook', false)).toBe('outlook');
    expect(hostKind('OutlookWin32', false)).toBe('outlook');
    expect(hostKind('Office', false)).toBe('microsoft365');
    expect(hostKind('Teams', true)).toBe('sharepoint');
  });

  it('knows the three themes and takes anything else for the light one', () => {
    expect(hostTheme('dark')).toBe('dark');
    expect(hostTheme('contrast')).toBe('contrast');
    expect(hostTheme('default')).toBe('default');
    expect(hostTheme('sepia')).toBe('default');
    expect(hostTheme(undefined)).toBe('default');
  });

  it('is a plain browser when the page is not in a frame, with the browser’s language', async () => {
    const page = { navigator: { language: 'it-IT' }, opener: null } as unknown as Window;
    (page as { parent: Window }).parent = page;
    expect(await connectToHost(page)).toEqual({
      kind: 'browser',
      locale: 'it-IT',
      theme: 'default',
      frameContext: null,
      userPrincipalName: null,
    });
  });
});
