// Renders the Teams app icons from their SVG sources with Debian's Chromium:
//   node teams-app/icons/render-icons.mjs
// writes teams-app/manifest/color.png (192x192) and outline.png (32x32, white on transparent).
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const here = new URL('./', import.meta.url);
const manifestFolder = new URL('../manifest/', import.meta.url);
const icons = [
  { source: 'color.svg', target: 'color.png', size: 192, whiteOnly: false },
  { source: 'outline.svg', target: 'outline.png', size: 32, whiteOnly: true },
];

const browser = await chromium.launch({
  executablePath: process.env.LEDGERLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of icons) {
    const svg = await readFile(new URL(icon.source, here), 'utf8');
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    const shot = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    await page.close();
    const png = PNG.sync.read(shot);
    if (png.width !== icon.size || png.height !== icon.size)
      throw new Error(`${icon.source} rendered at ${png.width}x${png.height}, not ${icon.size}x${icon.size}`);
    // Anti-aliased edges keep their alpha; the outline's colour is made exactly white, as Teams asks.
    if (icon.whiteOnly)
      for (let i = 0; i < png.data.length; i += 4) {
        const alpha = png.data[i + 3] ?? 0;
        png.data.fill(alpha === 0 ? 0 : 255, i, i + 3);
      }
    await writeFile(new URL(icon.target, manifestFolder), PNG.sync.write(png, { colorType: 6 }));
    process.stdout.write(`${icon.target}: ${png.width}x${png.height}\n`);
  }
} finally {
  await browser.close();
}
