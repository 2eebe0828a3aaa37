import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDialPlan } from './compiled-dial-plan.js';
import {
  normalizeNumber,
  normalizeParty,
  normalizedText,
  type NormalizedNumber,
} from './number-normalizer.js';
import { TEST_DIAL_PLANS } from './test-dial-plans.js';

const milan = compileDialPlan(TEST_DIAL_PLANS.milan);
const london = compileDialPlan(TEST_DIAL_PLANS.london);
const newYork = compileDialPlan(TEST_DIAL_PLANS.newYork);
const berlin = compileDialPlan(TEST_DIAL_PLANS.berlin);
const paris = compileDialPlan(TEST_DIAL_PLANS.paris);

const e164 = (number: string, extension: string | null = null): NormalizedNumber => ({
  kind: 'e164',
  e164: number,
  extension,
});

describe('public numbers', () => {
  it.each([
    ['+39 02 1234 5678', '+390212345678'],
    ['+390212345678', '+390212345678'],
    ['0039 02 12345678', '+390212345678'],
    ['02 1234 5678', '+390212345678'],
    ['333 123 4567', '+393331234567'],
    ['0044 20 7946 0000', '+442079460000'],
  ])('Milan reads %s as %s (Italy keeps the leading 0 in the national number)', (raw, expected) => {
    expect(normalizeNumber(raw, milan)).toEqual(e164(expected));
  });

  it.each([
    ['020 7946 0000', '+442079460000'],
    ['07400 123456', '+447400123456'],
    ['0161 496 0000', '+441614960000'],
    ['+44 20 7946 0000', '+442079460000'],
    ['0039 02 1234 5678', '+390212345678'],
  ])('London reads %s as %s', (raw, expected) => {
    expect(normalizeNumber(raw, london)).toEqual(e164(expected));
  });

  it.each([
    ['(212) 555-0100', '+12125550100'],
    ['1-617-555-0100', '+16175550100'],
    ['617.555.0100', '+16175550100'],
    ['011 44 20 7946 0000', '+442079460000'],
    ['+1 (425) 555-0100', '+14255550100'],
  ])('New York reads %s as %s', (raw, expected) => {
    expect(normalizeNumber(raw, newYork)).toEqual(e164(expected));
  });

  it.each([
    ['030 12345678', '+493012345678'],
    ['0151 12345678', '+4915112345678'],
    ['+49 (89) 1234567', '+49891234567'],
  ])('Berlin reads %s as %s', (raw, expected) => {
    expect(normalizeNumber(raw, berlin)).toEqual(e164(expected));
  });

  it.each([
    ['01 40 12 34 56', '+33140123456'],
    ['06.12.34.56.78', '+33612345678'],
    ['(+33) 6 12 34 56 78', '+33612345678'],
  ])('Paris reads %s as %s', (raw, expected) => {
    expect(normalizeNumber(raw, paris)).toEqual(e164(expected));
  });
});

describe('outside-line access code', () => {
  it.each([
    [milan, '0 02 1234 5678', '+390212345678'], // not +212 (Morocco) after "00"
    [milan, '0 333 1234567', '+393331234567'],
    [milan, '0 049 8212345', '+390498212345'], // Padova, though "0049 8212345" is valid Augsburg
    [milan, '0 0044 20 7946 0000', '+442079460000'],
    [london, '9 020 7946 0000', '+442079460000'],
    [london, '9 00 33 1 40 12 34 56', '+33140123456'],
    [newYork, '9 1 617 555 0100', '+16175550100'],
    [newYork, '9 011 44 20 7946 0000', '+442079460000'],
    [berlin, '0 030 12345678', '+493012345678'],
    [berlin, '0 0151 12345678', '+4915112345678'], // not +1 511… after "00"
    [paris, '0 01 40 12 34 56', '+33140123456'],
  ])('is stripped before a public number: %#', (plan, raw, expected) => {
    expect(normalizeNumber(raw, plan)).toEqual(e164(expected));
  });

  it('is kept when the number also reads without it (Italian numbers start with 0)', () => {
    expect(normalizeNumber('0212345678', milan)).toEqual(e164('+390212345678'));
    expect(normalizeNumber('00390212345678', milan)).toEqual(e164('+390212345678'));
  });

  it('is not stripped from an extension or from what would be an extension', () => {
    const plan = compileDialPlan({
      ...TEST_DIAL_PLANS.london,
      extensionRanges: [{ from: '9000', to: '9999' }],
    });
    expect(normalizeNumber('9123', plan)).toEqual({ kind: 'extension', extension: '9123' });
    // "9" + "4001": 4001 is an extension in London, so "94001" is not read as outside line + 4001.
    expect(normalizeNumber('94001', london)).not.toEqual({ kind: 'extension', extension: '4001' });
  });

  it('is stripped before an emergency number even when shorter than an extension', () => {
    expect(normalizeNumber('9911', newYork)).toEqual({ kind: 'short', digits: '911', country: 'US' });
    expect(normalizeNumber('9 999', london)).toEqual({ kind: 'short', digits: '999', country: 'GB' });
  });
});

describe('URIs', () => {
  it.each([
    ['tel:+390212345678;ext=123', e164('+390212345678')],
    ['tel:+390212342001;ext=2001', e164('+390212342001', '2001')],
    ['+390212342001;ext=2001', e164('+390212342001', '2001')],
    ['sip:+390212345678@contoso.com;user=phone', e164('+390212345678')],
    ['SIP:+39-02-1234-5678@contoso.com;user=phone', e164('+390212345678')],
    ['sip:2001@contoso.com', { kind: 'extension', extension: '2001' }],
    ['tel:2001;phone-context=contoso.com', { kind: 'extension', extension: '2001' }],
    ['sip:Alice@Contoso.com', { kind: 'sip-user', user: 'alice@contoso.com' }],
    ['sips:alice@contoso.com:5061;transport=tls', { kind: 'sip-user', user: 'alice@contoso.com' }],
    ['sip:112@contoso.com;user=phone', { kind: 'short', digits: '112', country: 'IT' }],
  ] satisfies [string, NormalizedNumber][])('Milan reads %s', (raw, expected) => {
    expect(normalizeNumber(raw, milan)).toEqual(expected);
  });

  it('keeps the extension of a URI only when it is one of the site extensions', () => {
    const plan = compileDialPlan({
      ...TEST_DIAL_PLANS.newYork,
      extensionRanges: [{ from: '100', to: '199' }],
    });
    const raw = 'sip:+14255550100;ext=100@contoso.com;user=phone';
    expect(normalizeNumber(raw, plan)).toEqual(e164('+14255550100', '100'));
    expect(normalizeNumber(raw, newYork)).toEqual(e164('+14255550100'));
    expect(normalizeNumber('tel:+14255550100', newYork)).toEqual(e164('+14255550100'));
  });
});

describe('extensions and short numbers', () => {
  it('reads digits inside the extension ranges as extensions, and only those', () => {
    expect(normalizeNumber('2001', milan)).toEqual({ kind: 'extension', extension: '2001' });
    expect(normalizeNumber('2999', milan)).toEqual({ kind: 'extension', extension: '2999' });
    expect(normalizeNumber('4001', london)).toEqual({ kind: 'extension', extension: '4001' });
    expect(normalizeNumber('250', berlin)).toEqual({ kind: 'extension', extension: '250' });
    expect(normalizeNumber('2001', london).kind).not.toBe('extension');
    expect(normalizeNumber('20010', milan).kind).not.toBe('extension');
  });

  it.each([
    [milan, '112'],
    [milan, '118'],
    [london, '999'],
    [newYork, '911'],
    [berlin, '110'],
    [paris, '15'],
    [paris, '3949'],
    [milan, '187'],
  ])('reads a short code with the site country: %#', (plan, raw) => {
    expect(normalizeNumber(raw, plan)).toEqual({ kind: 'short', digits: raw, country: plan.country });
  });

  it('prefers an emergency number to an extension range covering it', () => {
    const plan = compileDialPlan({
      ...TEST_DIAL_PLANS.berlin,
      extensionRanges: [{ from: '100', to: '199' }],
    });
    expect(normalizeNumber('112', plan).kind).toBe('short');
    expect(normalizeNumber('113', plan).kind).toBe('extension');
  });

  it('reads emergency numbers written in international form', () => {
    expect(normalizeNumber('+911', newYork)).toEqual({ kind: 'short', digits: '911', country: 'US' });
    expect(normalizeNumber('+39112', milan)).toEqual({ kind: 'short', digits: '112', country: 'IT' });
  });
});

describe('bad input', () => {
  it.each([
    '',
    '   ',
    'abc',
    'anonymous',
    '+',
    '+39',
    '12a34',
    '1-800-FLOWERS',
    '*21#',
    '0',
    '++390212345678',
    'sip:',
    'sip:alice',
    'sip:@contoso.com',
    'tel:',
    'tel:;ext=12',
    '+99912345',
    '+39021234567890123',
  ])('gives unknown with the raw text for %j', (raw) => {
    expect(normalizeNumber(raw, milan)).toEqual({ kind: 'unknown', raw });
  });

  it('never throws and always gives one of the five kinds', () => {
    const plans = [milan, london, newYork, berlin, paris];
    const kinds = ['e164', 'extension', 'sip-user', 'short', 'unknown'];
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^(tel:|sip:)?[+0-9 ().;=@a-z-]{0,24}$/)),
        fc.integer({ min: 0, max: plans.length - 1 }),
        (raw, index) => {
          const normalized = normalizeNumber(raw, plans[index]!);
          expect(kinds).toContain(normalized.kind);
          if (normalized.kind === 'e164') expect(normalized.e164).toMatch(/^\+[1-9]\d{4,14}$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parties', () => {
  it('reads the number first and falls back on the URI', () => {
    expect(normalizeParty({ number: '+390212345678', uri: 'sip:alice@contoso.com' }, milan)).toEqual(
      e164('+390212345678'),
    );
    expect(normalizeParty({ number: null, uri: 'sip:alice@contoso.com' }, milan)).toEqual({
      kind: 'sip-user',
      user: 'alice@contoso.com',
    });
    expect(normalizeParty({ number: 'anonymous', uri: 'tel:+390212345678' }, milan)).toEqual(
      e164('+390212345678'),
    );
    expect(normalizeParty({ number: 'anonymous', uri: 'garbage' }, milan)).toEqual({
      kind: 'unknown',
      raw: 'anonymous',
    });
    expect(normalizeParty({ number: null, uri: null }, milan)).toEqual({ kind: 'unknown', raw: '' });
  });

  it('gives the text stored as the normalized party', () => {
    expect(normalizedText(normalizeNumber('02 1234 5678', milan))).toBe('+390212345678');
    expect(normalizedText(normalizeNumber('2001', milan))).toBe('2001');
    expect(normalizedText(normalizeNumber('sip:Alice@Contoso.com', milan))).toBe('alice@contoso.com');
    expect(normalizedText(normalizeNumber('112', milan))).toBe('112');
    expect(normalizedText(normalizeNumber('garbage', milan))).toBeNull();
  });
});
