import { describe, expect, it } from 'vitest';
import { languageOf, stringsFor } from './strings';

/** Every path to a string or function in a strings tree, with what it holds. */
function leaves(tree: unknown, path = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[path, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

describe('the strings', () => {
  it('speaks Italian to Italian locales and English to everyone else', () => {
    expect(languageOf('it-IT')).toBe('it');
    expect(languageOf('it-CH')).toBe('it');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
  });

  it('has every English string in Italian too, none of them empty', () => {
    const english = leaves(stringsFor('en'));
    const italian = new Map(leaves(stringsFor('it')));
    expect(english.length).toBeGreaterThan(20);
    for (const [path, value] of english) {
      const translated = italian.get(path);
      expect({ path, type: typeof translated }).toEqual({ path, type: typeof value });
      if (typeof translated === 'string')
        expect({ path, empty: translated.trim() === '' }).toEqual({ path, empty: false });
    }
    expect(italian.size).toBe(english.length);
  });
});
