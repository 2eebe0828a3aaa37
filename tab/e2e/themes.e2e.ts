import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eRunForFile } from './tab-session';

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

/** Signs an employee in with the browser set up as given, and reads what the dashboard is painted with. */
async function painted(options: BrowserContextOptions, path = '/dashboard'): Promise<Painted> {
  const tab = await run.open(options);
  try {
    await tab.goto(path);
    await tab.signIn('employee');
    return await tab.page.evaluate(() => {
      const provider = document.querySelector('.fui-FluentProvider');
      const style = provider ? getComputedStyle(provider) : null;
      return {
        theme: document.documentElement.dataset.theme,
        background: style?.backgroundColor ?? '',
        foreground: style?.color ?? '',
        tokens: {
          background: style?.getPropertyValue('--colorNeutralBackground1').trim() ?? '',
          foreground: style?.getPropertyValue('--colorNeutralForeground1').trim() ?? '',
        },
      };
    });
  } finally {
    await tab.close();
  }
}

describe('themes outside Teams follow the system', () => {
  let light: Painted;
  beforeAll(async () => {
    light = await painted({ colorScheme: 'light' });
  });

  it('a light system gets the light theme', () => {
    expect(light.theme).toBe('default');
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(light.tokens).toEqual({ background: '#ffffff', foreground: '#242424' });
  });

  it('a dark system gets the dark theme, painted other than light', async () => {
    const dark = await painted({ colorScheme: 'dark' });
    expect(dark.theme).toBe('dark');
    expect(dark.background).not.toBe(light.background);
    expect(dark.foreground).not.toBe(light.foreground);
    expect(dark.tokens.background).not.toBe(light.tokens.background);
  });

  it('forced colors (Windows high contrast) get the high-contrast theme, painted other than light', async () => {
    const contrast = await painted({ forcedColors: 'active' });
    expect(contrast.theme).toBe('contrast');
    expect(contrast.tokens).toEqual({ background: '#000000', foreground: '#ffffff' });
  });

  it('?theme= in the address overrides the system', async () => {
    const dark = await painted({ colorScheme: 'light' }, '/dashboard?theme=dark');
    expect(dark.theme).toBe('dark');
    const contrast = await painted({ colorScheme: 'dark' }, '/dashboard?theme=contrast');
    expect(contrast.theme).toBe('contrast');
    expect(contrast.background).toBe('rgb(0, 0, 0)');
    expect(contrast.foreground).toBe('rgb(255, 255, 255)');
  });
});
