import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();

/**
 * The theme the tab chose, the colors its Fluent provider is painted with, and the theme's own
 * color tokens. Under forced colors the browser paints with the system's colors whatever the page
 * asks, so there the tokens tell which theme the tab applied.
 */
interface Painted {
  theme: string | undefined;
  background: string;
  foreground: string;
  tokens: { background: string; foreground: string };
}

const LIGHT_TOKENS = { background: '#ffffff', foreground: '#242424' };

describe('themes outside Teams follow the system', () => {
  let tab: TabPage;
  let light: Painted;

  /** What the tab is painted with once it shows `theme`. */
  async function painted(theme: string): Promise<Painted> {
    await tab.page.waitForFunction((name) => document.documentElement.dataset.theme === name, theme);
    return tab.page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.fui-FluentProvider') as Element);
      return {
        theme: document.documentElement.dataset.theme,
        background: style.backgroundColor,
        foreground: style.color,
        tokens: {
          background: style.getPropertyValue('--colorNeutralBackground1').trim(),
          foreground: style.getPropertyValue('--colorNeutralForeground1').trim(),
        },
      };
    });
  }

  beforeAll(async () => {
    tab = await run.openSignedIn('employee', '/dashboard', { colorScheme: 'light' });
    light = await painted('default');
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('a light system gets the light theme', () => {
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(light.tokens).toEqual(LIGHT_TOKENS);
  });

  it('a system turning dark turns the tab dark, painted other than light', async () => {
    await tab.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await painted('dark');
    expect(dark.background).not.toBe(light.background);
    expect(dark.foreground).not.toBe(light.foreground);
    expect(dark.tokens.background).not.toBe(light.tokens.background);
  });

  it('forced colors (Windows high contrast) get the high-contrast theme', async () => {
    await tab.page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    const contrast = await painted('contrast');
    expect(contrast.tokens).toEqual({ background: '#000000', foreground: '#ffffff' });
    await tab.page.emulateMedia({ forcedColors: 'none' });
    expect((await painted('default')).tokens).toEqual(LIGHT_TOKENS);
  });

  it('?theme= in the address overrides the system', async () => {
    await tab.goto('/dashboard?theme=dark');
    expect((await painted('dark')).background).not.toBe(light.background);
    await tab.page.emulateMedia({ colorScheme: 'dark' });
    await tab.goto('/dashboard?theme=contrast');
    const contrast = await painted('contrast');
    expect(contrast.background).toBe('rgb(0, 0, 0)');
    expect(contrast.foreground).toBe('rgb(255, 255, 255)');
  });
});
