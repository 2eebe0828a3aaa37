import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from './cards/help-card.js';
import { parseCommand } from './commands/command-parser.js';

interface ManifestBot {
  scopes: string[];
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}
const manifest = JSON.parse(
  readFileSync(new URL('../teams-app/manifest/manifest.json', import.meta.url), 'utf8'),
) as { bots: ManifestBot[] };
const clock = { today: new Date('2026-05-13T10:00:00Z'), timeZone: 'Europe/Rome' };

describe('the manifest’s command list', () => {
  const [bot] = manifest.bots;
  const lists = bot?.commandLists ?? [];

  it('lists the commands of the help card, no more and no fewer, in every scope of the bot', () => {
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual([...(bot?.scopes ?? [])].sort());
    for (const list of lists)
      expect(list.commands.map((command) => command.title)).toEqual(BOT_COMMANDS.map((c) => c.title));
  });

  it('keeps within the manifest’s limits: 10 commands, titles of 32 and descriptions of 128 characters', () => {
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has each command understood as Teams sends it from the menu, or answered with what to add', () => {
    for (const { title } of BOT_COMMANDS) {
      const command = parseCommand(title, clock);
      if (command.kind === 'unknown') expect(command.problem, title).not.toBeNull();
    }
    for (const { usage } of BOT_COMMANDS) {
      const example = usage
        .replace('users|departments|destinations', 'users')
        .replace('[for <department|person>]', 'for Sales')
        .replace('<department>|company|nothing', 'company')
        .replace('[daily|weekly|monthly]', 'daily')
        .replace('<report>', 'cost')
        .replace('<alarm>', '12')
        .replace(/\[period\]/, 'last month')
        .replace(/\s*\[report\]/, '');
      expect(parseCommand(example, clock).kind, example).not.toBe('unknown');
    }
  });
});
