import { describe, expect, it } from 'vitest';
import { DialPlanError } from './compiled-dial-plan.js';
import { NumberClassifier, UnknownSiteError } from './number-classifier.js';
import { TEST_DIAL_PLANS } from './test-dial-plans.js';

const sites = new Map(Object.entries(TEST_DIAL_PLANS));

describe('NumberClassifier', () => {
  it('classifies with the dial plan of the site named', () => {
    const classifier = new NumberClassifier(sites);
    expect(classifier.classify('milan', '02 1234 5678')).toMatchObject({ destClass: 'local', country: 'IT' });
    expect(classifier.classify('london', '02 1234 5678')).toMatchObject({ destClass: 'unknown' });
    expect(classifier.classify('milan', '112').destClass).toBe('emergency');
    expect(classifier.classify('newYork', '112').destClass).toBe('emergency');
    expect(classifier.classify('newYork', '999').destClass).toBe('special');
  });

  it('returns the cached result on a repeat: equal, the same object, and frozen', () => {
    const classifier = new NumberClassifier(sites);
    const first = classifier.classify('milan', '+39 333 123 4567');
    const again = classifier.classify('milan', '+39 333 123 4567');
    expect(again).toBe(first);
    expect(again).toEqual({
      normalized: { kind: 'e164', e164: '+393331234567', extension: null },
      destClass: 'mobile',
      country: 'IT',
      lineType: 'MOBILE',
    });
    expect(Object.isFrozen(first) && Object.isFrozen(first.normalized)).toBe(true);
    expect(classifier.cachedCount).toBe(1);
  });

  it('caches per site: the same text at two sites is two entries', () => {
    const classifier = new NumberClassifier(sites);
    const milan = classifier.classify('milan', '0 02 1234 5678');
    const paris = classifier.classify('paris', '0 02 1234 5678');
    expect(milan.country).toBe('IT');
    expect(paris.country).not.toBe('IT');
    expect(classifier.cachedCount).toBe(2);
  });

  it('stays within its bound, evicting the least recently used entry', () => {
    const classifier = new NumberClassifier(sites, { cacheSizePerSite: 3 });
    const kept = classifier.classify('milan', '02 1234 5678');
    for (let i = 0; i < 50; i++) {
      classifier.classify('milan', `333 123 ${String(4500 + i)}`);
      classifier.classify('milan', '02 1234 5678'); // keeps it recently used
      expect(classifier.cachedCount).toBeLessThanOrEqual(3);
    }
    expect(classifier.classify('milan', '02 1234 5678')).toBe(kept);

    const evicted = classifier.classify('milan', '06 1234 5678');
    for (let i = 0; i < 3; i++) classifier.classify('milan', `333 765 ${String(4000 + i)}`);
    const recomputed = classifier.classify('milan', '06 1234 5678');
    expect(recomputed).not.toBe(evicted);
    expect(recomputed).toEqual(evicted);
    expect(classifier.cachedCount).toBe(3);
  });

  it('reads a party number first and its URI when the number is unreadable', () => {
    const classifier = new NumberClassifier(sites);
    expect(
      classifier.classifyParty('milan', { number: '2001', uri: 'sip:alice@contoso.com' }).normalized,
    ).toEqual({ kind: 'extension', extension: '2001' });
    expect(
      classifier.classifyParty('milan', { number: 'anonymous', uri: 'tel:+393331234567' }),
    ).toMatchObject({
      destClass: 'mobile',
      country: 'IT',
    });
    expect(classifier.classifyParty('milan', { number: null, uri: 'sip:bob@contoso.com' }).destClass).toBe(
      'internal',
    );
    expect(classifier.classifyParty('milan', { number: null, uri: null })).toMatchObject({
      normalized: { kind: 'unknown', raw: '' },
      destClass: 'unknown',
    });
  });

  it('refuses a site it has no dial plan for, naming it', () => {
    const classifier = new NumberClassifier(sites);
    expect(() => classifier.classify('tokyo', '112')).toThrow(UnknownSiteError);
    expect(() => classifier.classify('tokyo', '112')).toThrow('"tokyo"');
  });

  it('rejects a bad dial plan when built, naming the field', () => {
    const bad = (fields: object) => new Map([['x', { ...TEST_DIAL_PLANS.milan, ...fields }]]);
    expect(() => new NumberClassifier(bad({ country: 'XX' }))).toThrow(DialPlanError);
    expect(() => new NumberClassifier(bad({ internationalPrefix: '' }))).toThrow(/internationalPrefix/);
    expect(() => new NumberClassifier(bad({ outsideLineCode: 'nine' }))).toThrow(/outsideLineCode/);
    expect(() => new NumberClassifier(bad({ extensionRanges: [{ from: '2000', to: '299' }] }))).toThrow(
      /2000-299/,
    );
    expect(() => new NumberClassifier(bad({ localAreaCodes: ['0x'] }))).toThrow(/local area code/);
  });
});
