import { useEffect, useState } from 'react';
import { browserTheme, onBrowserThemeChange } from '../host/browser-theme';
import {
  connectToHost,
  notifyHostLoaded,
  onHostThemeChange,
  type HostInfo,
  type HostTheme,
} from '../host/host-context';

/** The host once connected (null until then) and its current theme, kept up to date. */
export function useHost(): { host: HostInfo | null; theme: HostTheme } {
  const [host, setHost] = useState<HostInfo | null>(null);
  const [theme, setTheme] = useState<HostTheme>(() => browserTheme());
  useEffect(() => {
    let stop = () => undefined as void;
    let cancelled = false;
    void connectToHost().then((connected) => {
      if (cancelled) return;
      setHost(connected);
      if (connected.kind === 'browser') {
        setTheme(browserTheme());
        stop = onBrowserThemeChange(setTheme);
      } else {
        setTheme(connected.theme);
        onHostThemeChange(setTheme);
      }
      notifyHostLoaded(connected);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
  return { host, theme };
}
