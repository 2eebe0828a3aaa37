import { describe, expect, it } from 'vitest';
import { amountText, cellText } from './report-table.js';

describe('figures on a report page', () => {
  it('rounds amounts to the cent, half away from zero, with thousands separators', () => {
    expect(amountText(316_118_500)).toBe('316.12');
    expect(amountText(1_234_567_890_000)).toBe('1,234,567.89');
    expect(amountText(4_250_000)).toBe('4.25');
    expect(amountText(5_000)).toBe('0.01');
    expect(amountText(4_999)).toBe('0.00');
    expect(amountText(-505_000)).toBe('-0.51');
    expect(amountText(-4_000)).toBe('0.00');
    expect(amountText(0)).toBe('0.00');
  });

  it('groups whole numbers, shows minutes to a tenth, leaves empty cells blank', () => {
    expect(cellText(14_398)).toBe('14,398');
    expect(cellText(36_448.45)).toBe('36,448.5');
    expect(cellText(5_085.8)).toBe('5,085.8');
    expect(cellText(null)).toBe('');
    expect(cellText('Sales Italy')).toBe('Sales Italy');
    expect(cellText({ micro: 80_623_200, currency: 'EUR' } as never)).toBe('80.62');
  });
});
