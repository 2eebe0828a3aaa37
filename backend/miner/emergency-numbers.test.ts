import { describe, expect, it } from 'vitest';
import { countriesWithEmergencyNumbers, emergencyNumbersOf } from './emergency-numbers.js';

describe('emergency numbers', () => {
  it.each([
    ['IT', ['112', '113', '115', '118']],
    ['GB', ['999', '112']],
    ['US', ['911']],
    ['DE', ['110', '112']],
    ['FR', ['15', '17', '18', '112', '114', '115', '119']],
  ])('lists at least the well-known numbers of %s', (country, numbers) => {
    expect(emergencyNumbersOf(country)).toEqual(expect.arrayContaining(numbers));
  });

  it('does not call service lines emergencies', () => {
    expect(emergencyNumbersOf('GB')).not.toContain('111');
    expect(emergencyNumbersOf('GB')).not.toContain('101');
    expect(emergencyNumbersOf('DE')).not.toContain('116117');
    expect(emergencyNumbersOf('IT')).not.toContain('187');
    expect(emergencyNumbersOf('US')).not.toContain('411');
  });

  it('falls back on the ITU numbers 112 and 911 for countries not in the table', () => {
    expect(countriesWithEmergencyNumbers()).not.toContain('JP');
    expect(emergencyNumbersOf('JP')).toEqual(['112', '911']);
    expect(emergencyNumbersOf('it')).toEqual(emergencyNumbersOf('IT'));
  });

  it('holds only digit strings', () => {
    for (const country of countriesWithEmergencyNumbers()) {
      for (const number of emergencyNumbersOf(country)) expect(number).toMatch(/^\d{2,6}$/);
    }
  });
});
