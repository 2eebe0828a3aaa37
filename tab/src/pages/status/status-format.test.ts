import { describe, expect, it } from 'vitest';
import { bytesText, minutesText, timeAgo } from './status-format';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('status figures in words', () => {
  it('says how long ago, in the largest fitting unit', () => {
    expect(timeAgo('2026-12-02T11:59:30Z', NOW, 'en-US')).toBe('30 seconds ago');
    expect(timeAgo('2026-12-02T11:55:00Z', NOW, 'en-US')).toBe('5 minutes ago');
    expect(timeAgo('2026-12-02T09:00:00Z', NOW, 'en-US')).toBe('3 hours ago');
    expect(timeAgo('2026-12-01T12:00:00Z', NOW, 'en-US')).toBe('yesterday');
    expect(timeAgo('2026-12-02T09:00:00Z', NOW, 'it-IT')).toBe('3 ore fa');
  });

  it('writes waits in minutes, then hours', () => {
    expect(minutesText(35, 'en-US')).toBe('35 minutes');
    expect(minutesText(185, 'en-US')).toBe('3 hours');
    expect(minutesText(1, 'it-IT')).toBe('1 minuto');
  });

  it('writes sizes with the largest fitting unit', () => {
    expect(bytesText(0, 'en-US')).toBe('0 bytes');
    expect(bytesText(2_048, 'en-US')).toBe('2 kB');
    expect(bytesText(2.5 * 1024 * 1024, 'en-US')).toBe('2.5 MB');
  });
});
