import { app } from '@microsoft/teams-js';

/** Where the tab runs: inside a Microsoft 365 host, or in a plain browser (demo mode, development). */
export type HostKind = 'teams' | 'outlook' | 'microsoft365' | 'sharepoint' | 'browser';

/** The host's three themes, as Teams names them. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** What the tab knows of where it is shown. */
export interface HostInfo {
  kind: HostKind;
  /** BCP 47 tag of the user's language and region, e.g. `it-IT`. */
  locale: string;
  theme: HostTheme;
  /** `content` for a tab's page, `settings` for a channel tab's configuration page. */
  frameContext: string | null;
  /** The signed-in user's UPN as the host reports it (for display only; the API decides). */
  userPrincipalName: string | null;
}

/** How long to wait for a host to answer before treating the page as a plain browser page. */
const HOST_TIMEOUT_MS = 4_000;

/**
 * Connects to the Microsoft 365 host (Teams, Outlook, the Microsoft 365 app, SharePoint) with
 * teams-js, or, when the page is not inside one, reports a plain browser.
 */
export async function connectToHost(
  browser: Pick<Window, 'parent' | 'opener' | 'navigator'> = window,
): Promise<HostInfo> {
  const framed = browser.parent !== (browser as unknown as Window) || Boolean(browser.opener);
  if (!framed) return browserHost(browser.navigator.language);
  try {
    await withTimeout(app.initialize(), HOST_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), HOST_TIMEOUT_MS);
    return {
      kind: hostKind(context.app.host.name, Boolean(context.sharePointSite)),
      locale: context.app.locale || browser.navigator.language,
      theme: hostTheme(context.app.theme),
      frameContext: context.page.frameContext ?? null,
      userPrincipalName: context.user?.userPrincipalName ?? null,
    };
  } catch {
    // A frame that is not a Microsoft 365 host (a preview, a portal): behave as a browser.
    return browserHost(browser.navigator.language);
  }
}

/** Calls `handler` whenever the user switches the host's theme. */
export function onHostThemeChange(handler: (theme: HostTheme) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(hostTheme(theme)));
}

/** Tells the host the tab has loaded (hides its loading indicator). */
export function notifyHostLoaded(host: HostInfo): void {
  if (host.kind !== 'browser') void app.notifySuccess().catch(() => undefined);
}

/** The host's name in teams-js terms, as one of ours. */
export function hostKind(name: string, sharePoint: boolean): HostKind {
  if (sharePoint) return 'sharepoint';
  const lower = name.toLowerCase();
  if (lower.startsWith('teams')) return 'teams';
  if (lower.startsWith('outlook')) return 'outlook';
  return 'microsoft365';
}

/** The host's theme name as one of the three; anything unknown is the light theme. */
export function hostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function browserHost(language: string): HostInfo {
  return {
    kind: 'browser',
    locale: language || 'en-US',
    theme: 'default',
    frameContext: null,
    userPrincipalName: null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
