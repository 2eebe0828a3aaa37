import { describe, expect, it } from 'vitest';
import { intervalsOf, parseIncrements, shorthandOf } from './price-increments.js';

describe('parseIncrements', () => {
  it.each([
    ['60/60', { first: 60, next: 60 }],
    ['30/6', { first: 30, next: 6 }],
    ['1/1', { first: 1, next: 1 }],
    ['60/1', { first: 60, next: 1 }],
    [' 30 / 6 ', { first: 30, next: 6 }],
    ['60', { first: 60, next: 60 }],
    [60, { first: 60, next: 60 }],
  ])('reads %j', (text, expected) => {
    expect(parseIncrements(text)).toEqual(expected);
  });

  it.each(['60/0', '0/60', '0', '', 'abc', '60/60/60', '30-6', '1.5/1', -1])('refuses %j', (text) => {
    expect(parseIncrements(text)).toBeNull();
  });
});

describe('intervalsOf and shorthandOf', () => {
  it('makes one interval when both blocks are equal', () => {
    expect(intervalsOf({ first: 60, next: 60 }, 20_000)).toEqual([
      { fromSec: 0, incrementSec: 60, pricePerMinute: 20_000 },
    ]);
  });

  it('makes a first block then the next ones for 30/6 and "first minute then per second"', () => {
    expect(intervalsOf({ first: 30, next: 6 }, 12_500)).toEqual([
      { fromSec: 0, incrementSec: 30, pricePerMinute: 12_500 },
      { fromSec: 30, incrementSec: 6, pricePerMinute: 12_500 },
    ]);
    expect(intervalsOf({ first: 60, next: 1 }, 1)).toEqual([
      { fromSec: 0, incrementSec: 60, pricePerMinute: 1 },
      { fromSec: 60, incrementSec: 1, pricePerMinute: 1 },
    ]);
  });

  it('turns every shorthand back into itself', () => {
    for (const text of ['60/60', '30/6', '1/1', '60/1', '10/10']) {
      const increments = parseIncrements(text)!;
      expect(shorthandOf(intervalsOf(increments, 7))).toEqual({ increments: text, pricePerMinute: 7 });
    }
  });

  it('gives null for intervals that need writing out', () => {
    const at = (fromSec: number, incrementSec: number, pricePerMinute = 5) => ({
      fromSec,
      incrementSec,
      pricePerMinute,
    });
    expect(shorthandOf([])).toBeNull();
    expect(shorthandOf([at(0, 60), at(60, 1, 6)])).toBeNull(); // two prices
    expect(shorthandOf([at(0, 30), at(60, 6)])).toBeNull(); // first stretch is two blocks
    expect(shorthandOf([at(0, 60), at(60, 60)])).toBeNull(); // would read back as one interval
    expect(shorthandOf([at(0, 60), at(60, 1), at(120, 6)])).toBeNull();
  });
});
