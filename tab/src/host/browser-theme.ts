import type { HostTheme } from './host-context';

/**
 * Outside a Microsoft 365 host the tab follows the system: forced colors (Windows high contrast)
 * is the high-contrast theme, a dark preference the dark theme. `?theme=dark|contrast|default`
 * overrides both (handy for a browser bookmark).
 */
export function browserTheme(win: Pick<Window, 'matchMedia' | 'location'> = window): HostTheme {
  const asked = new URLSearchParams(win.location.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  if (win.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (win.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

/** Calls `handler` when the system's color preferences change; returns the unsubscribe. */
export function onBrowserThemeChange(handler: (theme: HostTheme) => void, win: Window = window): () => void {
  if (!win.matchMedia) return () => undefined;
  const queries = [win.matchMedia('(forced-colors: active)'), win.matchMedia('(prefers-color-scheme: dark)')];
  const listener = () => handler(browserTheme(win));
  for (const query of queries) query.addEventListener('change', listener);
  return () => {
    for (const query of queries) query.removeEventListener('change', listener);
  };
}
