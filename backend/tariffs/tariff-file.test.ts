import { describe, expect, it } from 'vitest';
import type { Rate } from '../rating/tariff-plan.js';
import { TariffFileError, formatProblem } from './tariff-file-error.js';
import { parseTariffFile, serializeTariffFile, type ParseTariffFileOptions } from './tariff-file.js';

/** A file from its lines, so that line numbers in the tests are easy to count: line n is lines[n-1]. */
const file = (...lines: string[]) => `${lines.join('\n')}\n`;

const HEAD = [
  'carrier: { code: tim, name: TIM Business }',
  'name: Voce 2026',
  'currency: EUR',
  'activeFrom: 2026-01-01',
];

/** A file with HEAD on lines 1–4, so that the lines given start at line 5. */
const withHead = (...lines: string[]) => file(...HEAD, ...lines);

function problemsOf(text: string, options: ParseTariffFileOptions = {}): string[] {
  try {
    parseTariffFile(text, options);
  } catch (error) {
    if (error instanceof TariffFileError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const rateOf = (text: string): Rate => parseTariffFile(text).plan.rates[0] as Rate;

describe('parseTariffFile', () => {
  it('reads a minimal file, applying every default', () => {
    const parsed = parseTariffFile(
      withHead('rates:', '  - { prefix: "39", pricePerMinute: 0.02, increments: 60/60 }'),
    );
    expect(parsed).toStrictEqual({
      carrier: { code: 'tim', name: 'TIM Business' },
      plan: {
        name: 'Voce 2026',
        currency: 'EUR',
        activeFrom: Date.UTC(2026, 0, 1),
        timeBands: [],
        rounding: { decimals: 6, method: 'half-up' },
        rates: [
          {
            prefix: '39',
            destClass: null,
            country: null,
            label: '',
            connectFee: 0,
            intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 20_000 }],
            bandIntervals: {},
            minCharge: 0,
            maxCost: null,
            unansweredCharge: 0,
          },
        ],
      },
    });
  });

  it('reads JSON too, and names the carrier by its code when no name is given', () => {
    const json = JSON.stringify({
      carrier: { code: 'fastweb' },
      name: 'Base',
      currency: 'EUR',
      activeFrom: '2026-01-01T00:00:00Z',
      rates: [{ destClass: 'national', pricePerMinute: '0.01', increments: '30/6' }],
    });
    const { carrier, plan } = parseTariffFile(json);
    expect(carrier).toEqual({ code: 'fastweb', name: 'fastweb' });
    expect(plan.rates[0]?.destClass).toBe('national');
  });

  it('reads money exactly, as numbers or strings, into micro-units', () => {
    const rate = rateOf(
      withHead(
        'rates:',
        "  - prefix: '39'",
        '    connectFee: "0.0125"',
        '    pricePerMinute: 0.000001',
        '    increments: 1/1',
        '    minCharge: 0.10',
        '    maxCost: 1234567890.123456',
        '    unansweredCharge: 3',
      ),
    );
    expect(rate).toMatchObject({
      connectFee: 12_500,
      intervals: [{ pricePerMinute: 1 }],
      minCharge: 100_000,
      maxCost: 1_234_567_890_123_456,
      unansweredCharge: 3_000_000,
    });
  });

  it('reads activeFrom as midnight in the plan time zone, or as an instant', () => {
    const activeFrom = (lines: string[]) =>
      parseTariffFile(
        file(
          'carrier: { code: tim }',
          'name: x',
          'currency: EUR',
          ...lines,
          'rates: [{ prefix: "39", pricePerMinute: 1, increments: 60 }]',
        ),
      ).plan.activeFrom;
    expect(activeFrom(['activeFrom: 2026-01-01'])).toBe(Date.UTC(2026, 0, 1));
    expect(activeFrom(['timeZone: Europe/Rome', 'activeFrom: 2026-01-01'])).toBe(Date.UTC(2025, 11, 31, 23));
    expect(activeFrom(['timeZone: Europe/Rome', 'activeFrom: 2026-07-01T08:00'])).toBe(
      Date.UTC(2026, 6, 1, 6),
    );
    expect(activeFrom(['timeZone: Europe/Rome', 'activeFrom: 2026-01-01T00:00:00Z'])).toBe(
      Date.UTC(2026, 0, 1),
    );
    expect(activeFrom(['activeFrom: "2026-01-01T00:00:00+01:00"'])).toBe(Date.UTC(2025, 11, 31, 23));
  });

  it('reads rounding and time bands with weekday names, ranges and H:MM times', () => {
    const { plan } = parseTariffFile(
      withHead(
        'rounding: { decimals: 2, method: up }',
        'timeBands:',
        '  - { name: peak, days: [mon-fri], from: "8:00", to: "18:30" }',
        '  - { name: offpeak, days: [mon, tue, wed, thu, fri], from: "18:30", to: "08:00" }',
        '  - { name: weekend, days: sat-sun, from: "00:00", to: "24:00" }',
        'rates: [{ prefix: "39", pricePerMinute: 1, increments: 60 }]',
      ),
    );
    expect(plan.rounding).toEqual({ decimals: 2, method: 'up' });
    expect(plan.timeBands).toEqual([
      { name: 'peak', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:30' },
      { name: 'offpeak', weekdays: [1, 2, 3, 4, 5], from: '18:30', to: '08:00' },
      { name: 'weekend', weekdays: [6, 7], from: '00:00', to: '24:00' },
    ]);
  });

  it('normalizes prefixes written with +, 00, spaces, or as YAML numbers', () => {
    const prefixes = parseTariffFile(
      withHead(
        'rates:',
        '  - { prefix: "+39", pricePerMinute: 1, increments: 60 }',
        '  - { prefix: 0044, pricePerMinute: 1, increments: 60 }',
        '  - { prefix: "+33 6", pricePerMinute: 1, increments: 60 }',
        '  - { prefix: 49, pricePerMinute: 1, increments: 60 }',
      ),
    ).plan.rates.map((rate) => rate.prefix);
    expect(prefixes).toEqual(['39', '44', '336', '49']);
  });

  it('reads class rates for a country (upper-cased) or for any country', () => {
    const { plan } = parseTariffFile(
      withHead(
        'rates:',
        '  - { destClass: premium, country: it, label: Premium IT, pricePerMinute: 1.5, increments: 60/1 }',
        '  - { destClass: premium, pricePerMinute: 2, increments: 60/60 }',
      ),
    );
    expect(
      plan.rates.map(({ destClass, country, label, prefix }) => ({ prefix, destClass, country, label })),
    ).toEqual([
      { prefix: null, destClass: 'premium', country: 'IT', label: 'Premium IT' },
      { prefix: null, destClass: 'premium', country: null, label: '' },
    ]);
  });

  it('reads every increments shorthand, and explicit intervals', () => {
    const intervals = (increments: string) =>
      rateOf(withHead(`rates: [{ prefix: "39", pricePerMinute: 0.06, increments: ${increments} }]`))
        .intervals;
    expect(intervals('60/60')).toEqual([{ fromSec: 0, incrementSec: 60, pricePerMinute: 60_000 }]);
    expect(intervals('30/6')).toEqual([
      { fromSec: 0, incrementSec: 30, pricePerMinute: 60_000 },
      { fromSec: 30, incrementSec: 6, pricePerMinute: 60_000 },
    ]);
    expect(intervals('1/1')).toEqual([{ fromSec: 0, incrementSec: 1, pricePerMinute: 60_000 }]);
    expect(intervals('60/1')).toEqual([
      { fromSec: 0, incrementSec: 60, pricePerMinute: 60_000 },
      { fromSec: 60, incrementSec: 1, pricePerMinute: 60_000 },
    ]);
    const explicit = rateOf(
      withHead(
        'rates:',
        "  - prefix: '39'",
        '    intervals:',
        '      - { fromSec: 0, incrementSec: 60, pricePerMinute: 0.5 }',
        '      - { fromSec: 60, incrementSec: 1, pricePerMinute: 0.1 }',
      ),
    );
    expect(explicit.intervals).toEqual([
      { fromSec: 0, incrementSec: 60, pricePerMinute: 500_000 },
      { fromSec: 60, incrementSec: 1, pricePerMinute: 100_000 },
    ]);
  });

  it('reads band prices, which take the rate increments unless they give their own', () => {
    const rate = rateOf(
      withHead(
        'timeBands:',
        '  - { name: offpeak, days: [mon-fri], from: "18:00", to: "08:00" }',
        '  - { name: weekend, days: [sat, sun], from: "00:00", to: "24:00" }',
        'rates:',
        "  - prefix: '39'",
        '    pricePerMinute: 0.02',
        '    increments: 30/6',
        '    bands:',
        '      offpeak: { pricePerMinute: 0.01 }',
        '      weekend: { pricePerMinute: 0.005, increments: 60/60 }',
      ),
    );
    expect(rate.bandIntervals).toEqual({
      offpeak: [
        { fromSec: 0, incrementSec: 30, pricePerMinute: 10_000 },
        { fromSec: 30, incrementSec: 6, pricePerMinute: 10_000 },
      ],
      weekend: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 5_000 }],
    });
  });

  it('reads band prices given as intervals', () => {
    const rate = rateOf(
      withHead(
        'timeBands: [{ name: night, days: [mon-sun], from: "22:00", to: "06:00" }]',
        'rates:',
        "  - prefix: '39'",
        '    intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 0.02 }]',
        '    bands:',
        '      night:',
        '        intervals: [{ fromSec: 0, incrementSec: 1, pricePerMinute: 0.01 }]',
      ),
    );
    expect(rate.bandIntervals).toEqual({ night: [{ fromSec: 0, incrementSec: 1, pricePerMinute: 10_000 }] });
  });

  it('takes YAML anchors and aliases', () => {
    const { plan } = parseTariffFile(
      withHead(
        'rates:',
        '  - { prefix: "39", pricePerMinute: &national 0.0125, increments: &billing 30/6 }',
        '  - { prefix: "41", pricePerMinute: *national, increments: *billing }',
      ),
    );
    expect(plan.rates[1]?.intervals).toEqual(plan.rates[0]?.intervals);
  });
});

describe('parseTariffFile problems', () => {
  it('reports more than 6 decimals at its path and line', () => {
    expect(
      problemsOf(
        withHead(
          'rates:',
          '  - { prefix: "39", pricePerMinute: 0.01, increments: 60 }',
          '  - prefix: "41"',
          '    pricePerMinute: 0.1234567',
          '    increments: 60',
        ),
        { fileName: 'tim.yaml' },
      ),
    ).toEqual([
      'tim.yaml line 8: rates[1].pricePerMinute: not an amount with at most 6 decimals: "0.1234567"',
    ]);
  });

  it('collects every problem of the file in one report', () => {
    const text = file(
      'version: 2', // 1
      'carrier: { code: "t i m" }', // 2
      'name: ""', // 3
      'currency: eur', // 4
      'timeZone: Europe/Roma', // 5
      'activeFrom: 2026-02-30', // 6
      'rounding: { decimals: 7, method: nearest }', // 7
      'timeBands:', // 8
      '  - { name: peak, days: [mon, fry], from: "08:00", to: "25:00" }', // 9
      '  - { name: peak, days: [], from: "08:00", to: "18:00" }', // 10
      'rates:', // 11
      '  - prefix: "06"', // 12
      '    pricePerMinute: -0.01', // 13
      '    increments: 60/0', // 14
      '    connectFee: abc', // 15
      '    pricePerMinut: 1', // 16
      '  - destClass: mobil', // 17
      '    country: ITA', // 18
      '    pricePerMinute: 1', // 19
      '    increments: 60', // 20
      '  - { prefix: "39", intervals: [{ fromSec: 0.5, incrementSec: 0, pricePerMinute: 1 }] }', // 21
      '  - prefix: "39"', // 22
      '    destClass: national', // 23
      '    country: IT', // 24
      '    pricePerMinute: 1', // 25
      '  - label: nothing', // 26
      '    pricePerMinute: 1', // 27
      '    increments: 60', // 28
      '    intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 1 }]', // 29
    );
    expect(problemsOf(text)).toEqual([
      'line 1: version: must be 1, the only version of this format',
      'line 2: carrier.code: not a carrier code: "t i m" (letters, digits, ".", "_", "-"; at most 40)',
      'line 3: name: must not be empty',
      'line 4: currency: not an ISO 4217 currency code: "eur"',
      'line 5: timeZone: unknown time zone "Europe/Roma" (an IANA name such as "Europe/Rome")',
      'line 6: activeFrom: not a date or instant: "2026-02-30" (e.g. 2026-01-01, or 2026-01-01T06:00:00Z)',
      'line 7: rounding.decimals: must be 0 to 6',
      'line 7: rounding.method: must be one of "up", "down", "half-up", not "nearest"',
      'line 9: timeBands[0].days[1]: not a weekday or range of weekdays: "fry" (mon … sun, or e.g. mon-fri)',
      'line 9: timeBands[0].to: not a time of day: "25:00" (HH:MM from 00:00 to 24:00)',
      'line 10: timeBands[1].days: must name at least one day',
      'line 12: rates[0].prefix: not an international dialling prefix: "06" (E.164 digits such as "39" or "+39 06", at most 15)',
      'line 13: rates[0].pricePerMinute: must not be negative: "-0.01"',
      'line 14: rates[0].increments: not billing increments: "60/0" (first/next seconds, e.g. "60/60", "30/6", "1/1")',
      'line 15: rates[0].connectFee: not an amount with at most 6 decimals: "abc"',
      'line 16: rates[0].pricePerMinut: unknown field',
      expect.stringMatching(
        /^line 17: rates\[1\]\.destClass: unknown destination class "mobil" \(one of: internal, /,
      ),
      'line 18: rates[1].country: not a two-letter country code: "ITA"',
      'line 21: rates[2].intervals[0].fromSec: must be a whole number of seconds',
      'line 21: rates[2].intervals[0].incrementSec: must be at least 1',
      'line 22: rates[3].increments: required with pricePerMinute (e.g. "60/60", "30/6" or "60/1")',
      'line 23: rates[3].destClass: give either a prefix or a destClass, not both',
      'line 24: rates[3].country: goes only with destClass (a prefix already says where the call goes)',
      'line 26: rates[4]: give a prefix, or a destClass with an optional country',
      'line 26: rates[4]: give either pricePerMinute with increments, or intervals, not both',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf(withHead('rates:', '  - { prefix: "39", pricePerMinute: 1', 'name: again'))[0]).toBe(
      'line 7: Flow map in block collection must be sufficiently indented and end with a }',
    );
    expect(problemsOf(file('name: a', 'name: b'))).toEqual(['line 2: Map keys must be unique']);
  });

  it('refuses an empty file, a file that is not a mapping, and a plan without rates', () => {
    expect(problemsOf('', { fileName: 'x.yaml' })).toEqual(['x.yaml: the file is empty']);
    expect(problemsOf('- a\n- b\n')).toEqual(['line 1: must be a mapping of fields, not a list']);
    expect(problemsOf(withHead())).toEqual([
      'line 1: rates: the plan has no rates: give rates, a rateDeck, or both',
    ]);
    expect(problemsOf(withHead('rates: []'))).toEqual([
      'line 5: rates: the plan has no rates: give rates, a rateDeck, or both',
    ]);
  });

  it('reports missing fields at the mapping they are missing from', () => {
    expect(problemsOf(file('carrier: {}', 'rates: [{ prefix: "39", pricePerMinute: 1 }]'))).toEqual([
      'line 1: carrier.code: required',
      'line 1: name: required',
      'line 1: currency: required',
      'line 1: activeFrom: required',
      'line 2: rates[0].increments: required with pricePerMinute (e.g. "60/60", "30/6" or "60/1")',
    ]);
    expect(problemsOf(withHead('rates: [{ prefix: "39" }]'))).toEqual([
      'line 5: rates[0]: give pricePerMinute with increments (e.g. pricePerMinute: 0.02, increments: "60/60"), or intervals',
    ]);
  });

  it('reports wrong types in plain words', () => {
    expect(problemsOf(withHead('timeBands: peak', 'rates: { prefix: 39 }'))).toEqual([
      'line 5: timeBands: must be a list, not "peak"',
      'line 6: rates: must be a list, not a mapping',
    ]);
  });

  it('refuses two time bands with the same name', () => {
    expect(
      problemsOf(
        withHead(
          'timeBands:',
          '  - { name: peak, days: [mon], from: "08:00", to: "18:00" }',
          '  - { name: peak, days: [tue], from: "08:00", to: "18:00" }',
          'rates: [{ prefix: "39", pricePerMinute: 1, increments: 60 }]',
        ),
      ),
    ).toEqual(['line 7: timeBands[1].name: another time band is already named "peak"']);
  });

  it('refuses two rates for the same prefix or the same class and country, naming both', () => {
    expect(
      problemsOf(
        withHead(
          'rates:',
          '  - { prefix: "39", pricePerMinute: 1, increments: 60 }',
          '  - { destClass: mobile, country: IT, pricePerMinute: 1, increments: 60 }',
          '  - { destClass: mobile, pricePerMinute: 1, increments: 60 }',
          '  - { prefix: "+39", pricePerMinute: 2, increments: 60 }',
          '  - { destClass: mobile, country: it, pricePerMinute: 2, increments: 60 }',
        ),
        { fileName: 'tim.yaml' },
      ),
    ).toEqual([
      'tim.yaml line 9: rates[3]: another rate already matches prefix 39 (tim.yaml line 6: rates[0])',
      'tim.yaml line 10: rates[4]: another rate already matches mobile calls to IT (tim.yaml line 7: rates[1])',
    ]);
  });

  it('puts the tariff rules of planProblems at the rate they are about', () => {
    expect(
      problemsOf(
        withHead(
          'timeBands: [{ name: peak, days: [mon-fri], from: "08:00", to: "18:00" }]',
          'rates:',
          '  - { prefix: "39", label: Italia, pricePerMinute: 1, increments: 60, minCharge: 2, maxCost: 1 }',
          '  - prefix: "41"',
          '    intervals:',
          '      - { fromSec: 0, incrementSec: 30, pricePerMinute: 1 }',
          '      - { fromSec: 45, incrementSec: 1, pricePerMinute: 1 }',
          '  - { prefix: "43", pricePerMinute: 1, increments: 60, bands: { nigth: { pricePerMinute: 1 } } }',
          '  - { prefix: "44", intervals: [{ fromSec: 1, incrementSec: 1, pricePerMinute: 1 }] }',
        ),
      ),
    ).toEqual([
      'line 7: rates[0]: maximum cost is below the minimum charge',
      'line 8: rates[1]: interval 1: its length 45s is not a multiple of its 30s increment',
      'line 12: rates[2]: prices for unknown time band "nigth"',
      'line 13: rates[3]: the first interval must start at second 0',
    ]);
  });

  it('carries the problems on a typed error whose message lists them', () => {
    let caught: unknown;
    try {
      parseTariffFile(withHead('rates: [{ prefix: "39", pricePerMinute: x, increments: 60 }]'), {
        fileName: 'a.yaml',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TariffFileError);
    const error = caught as TariffFileError;
    expect(error.problems).toEqual([
      {
        file: 'a.yaml',
        line: 5,
        column: 25,
        path: 'rates[0].pricePerMinute',
        message: 'not an amount with at most 6 decimals: "x"',
      },
    ]);
    expect(error.message).toBe(
      'tariff file has 1 problem:\n  a.yaml line 5: rates[0].pricePerMinute: not an amount with at most 6 decimals: "x"',
    );
  });
});

describe('serializeTariffFile', () => {
  it('writes shorthand where it fits, intervals where not, and leaves defaults out', () => {
    const text = withHead(
      'timeZone: Europe/Rome',
      'rounding: { decimals: 2, method: half-up }',
      'timeBands: [{ name: offpeak, days: [sat, sun], from: "00:00", to: "24:00" }]',
      'rates:',
      "  - prefix: '39'",
      '    label: Italia fisso',
      '    connectFee: 0.05',
      '    pricePerMinute: 0.0125',
      '    increments: 30/6',
      '    bands: { offpeak: { pricePerMinute: 0.01, increments: 60/60 } }',
      '  - destClass: premium',
      '    country: IT',
      '    intervals:',
      '      - { fromSec: 0, incrementSec: 60, pricePerMinute: 1.5 }',
      '      - { fromSec: 60, incrementSec: 1, pricePerMinute: 0.9 }',
      '    maxCost: 30',
    );
    const parsed = parseTariffFile(text);
    expect(serializeTariffFile(parsed, { timeZone: 'Europe/Rome' })).toBe(
      [
        '# Ledgerline tariff file: the format is described in docs/tariffs.md',
        '',
        'version: 1',
        'carrier:',
        '  code: tim',
        '  name: TIM Business',
        'name: Voce 2026',
        'currency: EUR',
        'timeZone: Europe/Rome',
        'activeFrom: 2026-01-01',
        'rounding: { decimals: 2, method: half-up }',
        'timeBands:',
        '  - { name: offpeak, days: [ sat, sun ], from: 00:00, to: 24:00 }',
        'rates:',
        "  - prefix: '39'",
        '    label: Italia fisso',
        '    connectFee: 0.05',
        '    pricePerMinute: 0.0125',
        '    increments: 30/6',
        '    bands:',
        '      offpeak: { pricePerMinute: 0.01, increments: 60/60 }',
        '  - destClass: premium',
        '    country: IT',
        '    intervals:',
        '      - { fromSec: 0, incrementSec: 60, pricePerMinute: 1.5 }',
        '      - { fromSec: 60, incrementSec: 1, pricePerMinute: 0.9 }',
        '    maxCost: 30',
        '',
      ].join('\n'),
    );
    expect(parseTariffFile(serializeTariffFile(parsed, { timeZone: 'Europe/Rome' }))).toStrictEqual(parsed);
  });

  it('writes activeFrom as an instant when it is not midnight in the zone written', () => {
    const parsed = parseTariffFile(withHead('rates: [{ prefix: "39", pricePerMinute: 1, increments: 60 }]'));
    const text = serializeTariffFile(parsed, { timeZone: 'Europe/Rome' });
    expect(text).toContain('activeFrom: 2026-01-01T00:00:00Z\n');
    expect(parseTariffFile(text)).toStrictEqual(parsed);
    expect(serializeTariffFile(parsed)).toContain('activeFrom: 2026-01-01\n');
    expect(serializeTariffFile(parsed)).not.toContain('timeZone');
  });

  it('writes amounts a float would change as strings, so that they read back exactly', () => {
    const parsed = parseTariffFile(
      withHead('rates: [{ prefix: "39", pricePerMinute: 1, increments: 60, maxCost: "9007199254.740991" }]'),
    );
    const text = serializeTariffFile(parsed);
    expect(text).toContain("maxCost: '9007199254.740991'");
    expect(parseTariffFile(text)).toStrictEqual(parsed);
  });
});
