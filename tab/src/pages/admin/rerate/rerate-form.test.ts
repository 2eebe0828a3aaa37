import { describe, expect, it } from 'vitest';
import { dayCount, initialRerateDraft, rerateBody } from './rerate-form';

describe('the re-rate form', () => {
  it('sends both days and the carrier only when one is chosen', () => {
    expect(rerateBody({ from: '2026-02-01', to: '2026-02-03', carrier: '' })).toEqual({
      ok: true,
      body: { from: '2026-02-01', to: '2026-02-03' },
    });
    expect(rerateBody({ from: '2026-02-01', to: '2026-02-01', carrier: 'telco-it' })).toEqual({
      ok: true,
      body: { from: '2026-02-01', to: '2026-02-01', carrier: 'telco-it' },
    });
    expect(dayCount('2026-02-27', '2026-03-02')).toBe(4);
  });

  it('refuses a missing day or a range that runs backwards', () => {
    expect(rerateBody({ from: '', to: '2026-02-03', carrier: '' })).toEqual({ ok: false, problem: 'from' });
    expect(rerateBody({ from: '2026-02-01', to: '2026-13-01', carrier: '' })).toEqual({
      ok: false,
      problem: 'to',
    });
    expect(rerateBody({ from: '2026-02-04', to: '2026-02-03', carrier: '' })).toEqual({
      ok: false,
      problem: 'order',
    });
  });

  it('starts from the days in the URL, else this month to today', () => {
    const today = new Date(2026, 2, 17);
    expect(initialRerateDraft(new URLSearchParams(''), today)).toEqual({
      from: '2026-03-01',
      to: '2026-03-17',
      carrier: '',
    });
    expect(
      initialRerateDraft(new URLSearchParams('from=2026-02-01&to=2026-02-03&carrier=telco-it'), today),
    ).toEqual({ from: '2026-02-01', to: '2026-02-03', carrier: 'telco-it' });
  });
});
