import { describe, expect, it } from 'vitest';
import { createFormatters } from './formatters';

describe('formatting in the user’s locale', () => {
  it('writes money from micro-units in the currency and the locale’s way', () => {
    expect(createFormatters('en-US').money(1_234_567_890, 'EUR')).toBe('€1,234.57');
    expect(createFormatters('it-IT').money(1_234_567_890, 'EUR')).toBe('1234,57\u00a0€');
    expect(createFormatters('en-GB').money(500_000, 'GBP')).toBe('£0.50');
  });

  it('writes local days as they are, whatever the browser’s time zone', () => {
    expect(createFormatters('en-US').day('2026-03-01')).toBe('Mar 1, 2026');
    expect(createFormatters('it-IT').day('2026-03-01')).toBe('1 mar 2026');
    expect(createFormatters('en-US').month('2026-12-31')).toBe('December 2026');
    expect(createFormatters('en-GB').localDateTime('2026-03-29 02:30:00')).toContain('02:30:00');
  });

  it('writes durations, changes and counts', () => {
    const format = createFormatters('en-US');
    expect(format.duration(59)).toBe('0:59');
    expect(format.duration(3_725)).toBe('1:02:05');
    expect(format.change(0.125)).toBe('+12.5%');
    expect(format.change(-0.5)).toBe('-50%');
    expect(format.change(0)).toBe('0%');
    expect(format.integer(1_234_567)).toBe('1,234,567');
  });

  it('falls back to English for a locale it cannot read', () => {
    expect(createFormatters('not a locale!').locale).toBe('en-US');
  });
});
