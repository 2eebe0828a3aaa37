import { describe, expect, it } from 'vitest';
import { browserTheme } from './browser-theme';

const browser = (search: string, matches: string[]) =>
  ({
    location: { search },
    matchMedia: (query: string) => ({ matches: matches.includes(query) }),
  }) as unknown as Window;

describe('the theme outside a host', () => {
  it('follows forced colors, then a dark preference, else light', () => {
    expect(browserTheme(browser('', []))).toBe('default');
    expect(browserTheme(browser('', ['(prefers-color-scheme: dark)']))).toBe('dark');
    expect(browserTheme(browser('', ['(prefers-color-scheme: dark)', '(forced-colors: active)']))).toBe(
      'contrast',
    );
  });

  it('lets ?theme= choose, and ignores a theme it does not know', () => {
    expect(browserTheme(browser('?theme=dark', []))).toBe('dark');
    expect(browserTheme(browser('?theme=contrast', ['(prefers-color-scheme: dark)']))).toBe('contrast');
    expect(browserTheme(browser('?theme=default', ['(prefers-color-scheme: dark)']))).toBe('default');
    expect(browserTheme(browser('?theme=neon', ['(prefers-color-scheme: dark)']))).toBe('dark');
  });
});
