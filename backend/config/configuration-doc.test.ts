import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_ONLY_VARIABLES, SETTINGS } from './settings-catalog.js';
import { renderSettingsTables } from './settings-table.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC = join(ROOT, 'docs', 'configuration.md');
const BEGIN = '<!-- settings: begin (made by backend/config/settings-table.ts) -->';
const END = '<!-- settings: end -->';

/** The source files of the backend and the bot, tests and test helpers left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.startsWith('test-')
      ? [path]
      : [];
  });
}

describe('docs/configuration.md', () => {
  it('holds the settings tables as the catalog makes them', () => {
    const doc = readFileSync(DOC, 'utf8');
    const table = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END)).trim();
    expect(doc).toContain(BEGIN);
    // Out of date: paste renderSettingsTables()'s text between the markers (then run prettier).
    expect(normalized(table)).toBe(normalized(renderSettingsTables()));
  });

  it('lists every LEDGERLINE_ variable the code reads', () => {
    const known = new Set([
      ...SETTINGS.map((setting) => setting.variable),
      ...Object.keys(ENVIRONMENT_ONLY_VARIABLES),
    ]);
    const doc = readFileSync(DOC, 'utf8');
    const missing: string[] = [];
    for (const file of [...sources(join(ROOT, 'backend')), ...sources(join(ROOT, 'bot'))])
      for (const [variable] of readFileSync(file, 'utf8').matchAll(/\bLEDGERLINE_[A-Z0-9_]*[A-Z0-9]\b/g))
        if (!known.has(variable) || !doc.includes(`\`${variable}\``))
          missing.push(`${variable} (${relative(ROOT, file)})`);
    expect([...new Set(missing)]).toEqual([]);
  });
});

/** A markdown table as prettier may pad it: cells trimmed, rules and padding ignored. */
function normalized(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim()))
            .join('|')
        : line.trim(),
    )
    .join('\n');
}
