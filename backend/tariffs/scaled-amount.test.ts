import { describe, expect, it } from 'vitest';
import { parseScaledAmount, type AmountUnit } from './scaled-amount.js';

const units: AmountUnit = { decimal: '.', scaleDigits: 0, perSecond: false };

describe('parseScaledAmount', () => {
  it('reads currency units exactly', () => {
    expect(parseScaledAmount('0.0125', units)).toBe(12_500);
    expect(parseScaledAmount('12', units)).toBe(12_000_000);
    expect(parseScaledAmount('.5', units)).toBe(500_000);
    expect(parseScaledAmount('9007199254.740991', units)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads a decimal comma, and a point too, when the decimal mark is a comma', () => {
    const comma = { ...units, decimal: ',' as const };
    expect(parseScaledAmount('0,0125', comma)).toBe(12_500);
    expect(parseScaledAmount('0.0125', comma)).toBe(12_500);
  });

  it('scales cents and thousandths without floating point', () => {
    expect(parseScaledAmount('1,25', { decimal: ',', scaleDigits: 2, perSecond: false })).toBe(12_500);
    expect(parseScaledAmount('0.0001', { ...units, scaleDigits: 2 })).toBe(1);
    expect(parseScaledAmount('12.5', { ...units, scaleDigits: 3 })).toBe(12_500);
  });

  it('turns a price per second into a price per minute', () => {
    expect(parseScaledAmount('0.0003', { ...units, perSecond: true })).toBe(18_000);
    // 7 decimals per second, still exact per minute: 0.0000333 * 60 = 0.001998
    expect(parseScaledAmount('0.0000333', { ...units, perSecond: true })).toBe(1_998);
  });

  it('refuses what it cannot read exactly', () => {
    expect(() => parseScaledAmount('0.1234567', units)).toThrow(
      '"0.1234567" in currency units has more than 6 decimals of the currency',
    );
    expect(() => parseScaledAmount('0.00001', { ...units, scaleDigits: 2 })).toThrow(
      'in units of 0.01 has more than 6 decimals',
    );
    expect(() => parseScaledAmount('0.00000001', { ...units, perSecond: true })).toThrow('per second');
    for (const text of ['', '-1', '1,5', '1.000,50', '1e-3', 'abc', '.']) {
      expect(() => parseScaledAmount(text, units)).toThrow(RangeError);
    }
    expect(() => parseScaledAmount('99999999999', units)).toThrow('out of range');
  });
});
