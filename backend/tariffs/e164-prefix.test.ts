import { describe, expect, it } from 'vitest';
import { normalizePrefix } from './e164-prefix.js';

describe('normalizePrefix', () => {
  it.each([
    ['39', '39'],
    ['+39', '39'],
    ['0039', '39'],
    ['+39 06', '3906'],
    ['0044-20', '4420'],
    ['(1) 212', '1212'],
    ['1.212', '1212'],
    ['393', '393'],
    ['123456789012345', '123456789012345'],
  ])('reads %j as %j', (text, expected) => {
    expect(normalizePrefix(text)).toBe(expected);
  });

  it.each(['', '+', '00', '06', '0', '+039', 'abc', '39a', '1234567890123456', '++39'])(
    'refuses %j',
    (text) => {
      expect(normalizePrefix(text)).toBeNull();
    },
  );
});
