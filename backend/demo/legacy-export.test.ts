import { describe, expect, it } from 'vitest';
import { callRecordSchema } from '../domain/call-record.js';
import { NumberClassifier } from '../miner/number-classifier.js';
import { DEMO_COMPANY } from './demo-company.js';
import { legacyPbxExport } from './legacy-export.js';

const END = Date.UTC(2026, 2, 9, 13); // a Monday: the export covers the week before

describe("the old PBX's export", () => {
  it('is a week of warehouse calls as dialled, with a line cut short and one with a negative talk time', () => {
    const text = legacyPbxExport(DEMO_COMPANY, 1, END);
    expect(legacyPbxExport(DEMO_COMPANY, 1, END)).toBe(text);
    const lines = text.trimEnd().split('\n');
    const read = lines.map((line) => {
      try {
        return callRecordSchema.safeParse(JSON.parse(line)).success ? 'call' : 'not a call';
      } catch {
        return 'not JSON';
      }
    });
    expect(read.filter((kind) => kind === 'not JSON')).toHaveLength(1);
    expect(read.filter((kind) => kind === 'not a call')).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(30);

    const warehouse = new Set(
      DEMO_COMPANY.users.filter((user) => user.departmentCode === 'LOG-WH').map((user) => user.extension),
    );
    const classifier = new NumberClassifier(
      new Map(DEMO_COMPANY.sites.map((site) => [site.code, site.dialPlan])),
    );
    const classes = new Set<string>();
    for (const [index, line] of lines.entries()) {
      if (read[index] !== 'call') continue;
      const record = callRecordSchema.parse(JSON.parse(line));
      expect(record.source).toBe('legacy-pbx');
      expect(Date.parse(record.startedAt)).toBeLessThan(END);
      expect(Date.parse(record.startedAt)).toBeGreaterThan(END - 8 * 86_400_000);
      expect([1, 2, 3, 4, 5]).toContain(new Date(record.startedAt).getUTCDay());
      expect(warehouse.has(record.caller.number!)).toBe(true);
      classes.add(classifier.classify('MIL', record.callee.number!).destClass);
    }
    expect(classes).toEqual(new Set(['local', 'national', 'mobile']));
  });
});
