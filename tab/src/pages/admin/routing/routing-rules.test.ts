import { describe, expect, it } from 'vitest';
import { moveRule, newRule, ruleDrafts, rulesBody } from './routing-rules';

const stored = [
  { id: 2, priority: 20, siteId: null, trunk: null, prefix: '44', carrierId: 2 },
  { id: 1, priority: 10, siteId: 1, trunk: 'gw-mil-1', prefix: null, carrierId: 1 },
];

describe('routing rules', () => {
  it('lists the rules by priority and sends them back by priority, empty criteria as null', () => {
    const drafts = ruleDrafts(stored);
    expect(drafts.map((draft) => draft.priority)).toEqual(['10', '20']);
    expect(rulesBody([drafts[1]!, drafts[0]!])).toEqual({
      ok: true,
      rules: [
        { priority: 10, siteId: 1, trunk: 'gw-mil-1', prefix: null, carrierId: 1 },
        { priority: 20, siteId: null, trunk: null, prefix: '44', carrierId: 2 },
      ],
    });
  });

  it('adds a rule after the others and moves a rule by swapping priorities', () => {
    const drafts = ruleDrafts(stored);
    const added = newRule(drafts, 1);
    expect(added).toMatchObject({ priority: '30', carrierId: '1', siteId: '', prefix: '' });
    const moved = moveRule([...drafts, added], 2, -1);
    expect(moved.map((draft) => [draft.key, draft.priority])).toEqual([
      [0, '10'],
      [added.key, '20'],
      [1, '30'],
    ]);
    const same = moveRule(
      [
        { ...drafts[0]!, priority: '5' },
        { ...drafts[1]!, priority: '5' },
      ],
      1,
      -1,
    );
    expect(rulesBody(same)).toMatchObject({
      ok: true,
      rules: [{ carrierId: 2, priority: 4 }, { carrierId: 1 }],
    });
  });

  it('names the fields of each row it cannot send; a "+" before a prefix is dropped', () => {
    const drafts = ruleDrafts(stored);
    expect(
      rulesBody([
        { ...drafts[0]!, priority: 'first', prefix: '+39' },
        { ...drafts[1]!, prefix: '44a', carrierId: '' },
      ]),
    ).toEqual({
      ok: false,
      problems: { '0.priority': 'priority', '1.prefix': 'prefix', '1.carrierId': 'carrierId' },
    });
    expect(rulesBody([{ ...drafts[0]!, prefix: '+39' }])).toMatchObject({
      ok: true,
      rules: [{ prefix: '39' }],
    });
  });
});
