import { describe, expect, it } from 'vitest';
import { parseRateDeck } from './rate-deck.js';
import { rateDeckSpecSchema } from './rate-deck-spec.js';
import { TariffFileError, formatProblem } from './tariff-file-error.js';
import { parseTariffFile, serializeTariffFile } from './tariff-file.js';

/**
 * An Italian carrier's price list as its portal exports it: BOM, CRLF, a title and an empty line
 * before the header, `;` separators, decimal commas, a quoted label holding a `;`, a blank line,
 * prefixes written as 39, 0041, +33 and "0033 6", a class row without prefix, off-peak prices.
 */
const ITALIAN_DECK = [
  '\uFEFFListino Voce Business 2026 - Operatore Esempio S.p.A.;;;;;;;', // 1
  ';;;;;;;', // 2
  'Prefisso;Destinazione;Paese;Tipo;Tariffa €/min;Fuori picco €/min;Scatto €;Tassazione', // 3
  '39;Italia - rete fissa;IT;national;0,0120;0,0080;0,0000;30/6', // 4
  '393;Italia - rete mobile;IT;mobile;0,0950;0,0700;0,0000;30/6', // 5
  '3989;"Italia; numeri a tariffa maggiorata";IT;premium;1,5000;;0,1500;60/60', // 6
  '', // 7
  '0041;Svizzera;CH;international;0,0450;0,0450;0,0000;60/60', // 8
  '+33;Francia;FR;international;0,0390;;0,0000;60/60', // 9
  '0033 6;"Francia - mobile";FR;international;0,1200;;;60/1', // 10
  '0044;Regno Unito;GB;international;0,0350;;;30/6', // 11
  '447;Regno Unito - mobile;GB;international;0,1100;;;30/6', // 12
  '1;Stati Uniti e Canada;US;international;0,0200;;;60/60', // 13
  ';Numeri verdi;IT;tollfree;0;;;60/60', // 14
  '',
].join('\r\n');

const ITALIAN_TARIFF = [
  'carrier: { code: esempio, name: Operatore Esempio }', // 1
  'name: Voce Business 2026', // 2
  'currency: EUR', // 3
  'timeZone: Europe/Rome', // 4
  'activeFrom: 2026-01-01', // 5
  'rounding: { decimals: 4, method: up }', // 6
  'timeBands:', // 7
  '  - { name: peak, days: [mon-fri], from: "08:00", to: "18:30" }', // 8
  '  - { name: offpeak, days: [mon-sun], from: "00:00", to: "24:00" }', // 9
  'rateDeck:', // 10
  '  file: listino-2026.csv', // 11
  "  separator: ';'", // 12
  "  decimal: ','", // 13
  '  skipLines: 2', // 14
  '  columns:', // 15
  '    prefix: Prefisso', // 16
  '    label: Destinazione', // 17
  '    country: Paese', // 18
  '    destClass: Tipo', // 19
  '    pricePerMinute: Tariffa €/min', // 20
  '    connectFee: Scatto €', // 21
  '    increments: Tassazione', // 22
  '    bands: { offpeak: Fuori picco €/min }', // 23
  '  priceUnit: { scale: 1, per: minute }', // 24
  'rates:', // 25
  '  - { destClass: emergency, label: Emergenze, pricePerMinute: 0, increments: 60/60 }', // 26
  '',
].join('\n');

const readItalianDeck = (file: string) => {
  if (file !== 'listino-2026.csv') throw new Error(`ENOENT: no such file, open '${file}'`);
  return ITALIAN_DECK;
};

function deckProblems(text: string, spec: unknown): string[] {
  return parseRateDeck(text, rateDeckSpecSchema.parse(spec)).problems.map(formatProblem);
}

function fileProblems(text: string, readDeck: (file: string) => string): string[] {
  try {
    parseTariffFile(text, { fileName: 'tim.yaml', readDeck });
  } catch (error) {
    if (error instanceof TariffFileError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('the Italian carrier deck', () => {
  const { carrier, plan } = parseTariffFile(ITALIAN_TARIFF, {
    fileName: 'esempio.yaml',
    readDeck: readItalianDeck,
  });

  it('loads every row, then the inline rates', () => {
    expect(carrier).toEqual({ code: 'esempio', name: 'Operatore Esempio' });
    expect(plan.rates.map((rate) => rate.prefix ?? `${rate.destClass}/${rate.country}`)).toEqual([
      '39',
      '393',
      '3989',
      '41',
      '33',
      '336',
      '44',
      '447',
      '1',
      'tollfree/IT',
      'emergency/null',
    ]);
  });

  it('reads decimal commas exactly, with increments and off-peak prices', () => {
    expect(plan.rates[0]).toStrictEqual({
      prefix: '39',
      destClass: null,
      country: null,
      label: 'Italia - rete fissa',
      connectFee: 0,
      intervals: [
        { fromSec: 0, incrementSec: 30, pricePerMinute: 12_000 },
        { fromSec: 30, incrementSec: 6, pricePerMinute: 12_000 },
      ],
      bandIntervals: {
        offpeak: [
          { fromSec: 0, incrementSec: 30, pricePerMinute: 8_000 },
          { fromSec: 30, incrementSec: 6, pricePerMinute: 8_000 },
        ],
      },
      minCharge: 0,
      maxCost: null,
      unansweredCharge: 0,
    });
    expect(plan.rates[2]).toMatchObject({
      prefix: '3989',
      label: 'Italia; numeri a tariffa maggiorata',
      connectFee: 150_000,
      intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 1_500_000 }],
      bandIntervals: {},
    });
    expect(plan.rates[5]).toMatchObject({
      prefix: '336',
      label: 'Francia - mobile',
      intervals: [
        { fromSec: 0, incrementSec: 60, pricePerMinute: 120_000 },
        { fromSec: 60, incrementSec: 1, pricePerMinute: 120_000 },
      ],
    });
    expect(plan.rates[9]).toMatchObject({
      prefix: null,
      destClass: 'tollfree',
      country: 'IT',
      label: 'Numeri verdi',
    });
  });

  it('serializes the plan loaded from the deck into a file that reads back as the same plan', () => {
    const text = serializeTariffFile({ carrier, plan }, { timeZone: 'Europe/Rome' });
    expect(text).not.toContain('rateDeck');
    expect(text).toContain('activeFrom: 2026-01-01\n');
    expect(parseTariffFile(text)).toStrictEqual({ carrier, plan });
  });

  it('reads the same with separator and decimal mark detected', () => {
    const detected = ITALIAN_TARIFF.replace("  separator: ';'\n", '').replace("  decimal: ','\n", '');
    expect(parseTariffFile(detected, { readDeck: readItalianDeck }).plan).toStrictEqual(plan);
  });

  it('refuses a deck row that duplicates an inline rate, naming both places', () => {
    const duplicate = `${ITALIAN_TARIFF}  - { prefix: "+41", pricePerMinute: 0.04, increments: 60/60 }\n`;
    expect(fileProblems(duplicate, readItalianDeck)).toEqual([
      'tim.yaml line 27: rates[1]: another rate already matches prefix 41 (listino-2026.csv line 8)',
    ]);
  });

  it('reports a deck that cannot be read, or no way to read it', () => {
    const elsewhere = ITALIAN_TARIFF.replace('file: listino-2026.csv', 'file: listino-2025.csv');
    expect(fileProblems(elsewhere, readItalianDeck)).toEqual([
      "tim.yaml line 11: rateDeck.file: cannot read listino-2025.csv: ENOENT: no such file, open 'listino-2025.csv'",
    ]);
    expect(() => parseTariffFile(ITALIAN_TARIFF)).toThrow(
      'line 11: rateDeck.file: this file refers to a rate deck, but no way to read it was given',
    );
  });

  it("reports the deck's problems together with the file's", () => {
    const badFile = ITALIAN_TARIFF.replace('currency: EUR', 'currency: euro');
    const badDeck = ITALIAN_DECK.replace(
      '0041;Svizzera;CH;international;0,0450',
      '0041;Svizzera;CH;international;0,04,50',
    );
    expect(fileProblems(badFile, () => badDeck)).toEqual([
      'tim.yaml line 3: currency: not an ISO 4217 currency code: "euro"',
      'listino-2026.csv line 8: "Tariffa €/min" (pricePerMinute): not an amount: "0,04,50" (a plain number such as 0,0125)',
    ]);
  });
});

describe('parseRateDeck', () => {
  const columns = {
    prefix: 'Prefix',
    label: 'Destination',
    pricePerMinute: 'Rate',
    connectFee: 'Setup',
    increments: 'Billing',
  };

  it('names the line and the column of every bad field, and keeps the good rows', () => {
    const text = [
      'Prefix,Destination,Rate,Setup,Billing', // 1
      '39,Italy,0.012,0,30/6', // 2
      ',,,,', // 3
      '"393","Italy mobile",0.0950000001,0,30/6', // 4
      '4x,Bad prefix,0.01,0,60/60', // 5
      '44,UK,,0,60/60', // 6
      '"45","Denmark', // 7
      'and Greenland",0.02,abc,60/0', // 8
      '49,Germany,0.02,0,60/60', // 9
      '06,Rome,0.01,0,60', // 10
      ',Nowhere,0.01,0,60', // 11
    ].join('\n');
    const result = parseRateDeck(text, rateDeckSpecSchema.parse({ file: 'rates.csv', columns }));
    expect(result.rates.map(({ rate, line }) => [rate.prefix, line])).toEqual([
      ['39', 2],
      ['49', 9],
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'rates.csv line 4: "Rate" (pricePerMinute): "0.0950000001" in currency units has more than 6 decimals of the currency',
      'rates.csv line 5: "Prefix" (prefix): not an international dialling prefix: "4x" (E.164 digits such as "39" or "+39 06", at most 15)',
      'rates.csv line 6: "Rate" (pricePerMinute): required',
      'rates.csv line 7: "Billing" (increments): not billing increments: "60/0" (first/next seconds, e.g. "60/60", "30/6", "1/1")',
      'rates.csv line 7: "Setup" (connectFee): not an amount: "abc" (a plain number such as 0.0125)',
      'rates.csv line 10: "Prefix" (prefix): not an international dialling prefix: "06" (E.164 digits such as "39" or "+39 06", at most 15)',
      'rates.csv line 11: "Prefix" (prefix): no prefix and no destination class: the row matches no call',
    ]);
  });

  it('reports a mapped column missing from the header, listing the ones there are', () => {
    expect(
      deckProblems('Prefix;Price\n39;0,01\n', {
        file: 'd.csv',
        columns: { prefix: 'Prefix', pricePerMinute: 'Tariff' },
        increments: 60,
      }),
    ).toEqual([
      'd.csv line 1: rateDeck.columns.pricePerMinute: no column "Tariff" in the header row (it has: "Prefix", "Price")',
    ]);
  });

  it('matches header names regardless of case and surrounding spaces', () => {
    const deck = parseRateDeck(
      ' PREFIX ; rate \n39;0,01\n',
      rateDeckSpecSchema.parse({
        file: 'd.csv',
        columns: { prefix: 'prefix', pricePerMinute: 'Rate' },
        increments: '60/60',
      }),
    );
    expect(deck.problems).toEqual([]);
    expect(deck.rates[0]?.rate.intervals).toEqual([{ fromSec: 0, incrementSec: 60, pricePerMinute: 10_000 }]);
  });

  it('reads a deck without header by column numbers, after skipped lines', () => {
    const deck = parseRateDeck(
      'Price list\n\n39|Italy|0.02|30|6\n44|UK|0.03|60|1\n',
      rateDeckSpecSchema.parse({
        file: 'd.csv',
        separator: '|',
        header: false,
        skipLines: 2,
        columns: { prefix: 1, label: 2, pricePerMinute: 3, firstIncrement: 4, nextIncrement: 5 },
      }),
    );
    expect(deck.problems).toEqual([]);
    expect(deck.rates.map(({ rate, line }) => [rate.label, rate.intervals, line])).toEqual([
      [
        'Italy',
        [
          { fromSec: 0, incrementSec: 30, pricePerMinute: 20_000 },
          { fromSec: 30, incrementSec: 6, pricePerMinute: 20_000 },
        ],
        3,
      ],
      [
        'UK',
        [
          { fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 },
          { fromSec: 60, incrementSec: 1, pricePerMinute: 30_000 },
        ],
        4,
      ],
    ]);
  });

  it('names bad first/next increment cells', () => {
    expect(
      deckProblems('P;R;F;N\n39;1;30;\n41;1;x;6\n', {
        file: 'd.csv',
        columns: { prefix: 'P', pricePerMinute: 'R', firstIncrement: 'F', nextIncrement: 'N' },
      }),
    ).toEqual([
      'd.csv line 2: "N" (nextIncrement): not a whole number of seconds from 1: ""',
      'd.csv line 3: "F" (firstIncrement): not a whole number of seconds from 1: "x"',
    ]);
  });

  it('scales prices in cents or thousandths, per minute or per second, and fees by the same scale', () => {
    const read = (priceUnit: unknown, row: string) =>
      parseRateDeck(
        `Prefix;Rate;Setup;Min\n${row}\n`,
        rateDeckSpecSchema.parse({
          file: 'd.csv',
          columns: { prefix: 'Prefix', pricePerMinute: 'Rate', connectFee: 'Setup', minCharge: 'Min' },
          increments: '1/1',
          priceUnit,
        }),
      ).rates[0]?.rate;
    expect(read({ scale: 0.01 }, '39;1,25;5;10')).toMatchObject({
      intervals: [{ pricePerMinute: 12_500 }],
      connectFee: 50_000,
      minCharge: 100_000,
    });
    expect(read({ scale: '0.001', per: 'minute' }, '39;12,5;0;0')).toMatchObject({
      intervals: [{ pricePerMinute: 12_500 }],
    });
    expect(read({ per: 'second' }, '39;0,0003;0,05;0')).toMatchObject({
      intervals: [{ pricePerMinute: 18_000 }],
      connectFee: 50_000,
    });
    expect(read({ scale: 0.01, per: 'second' }, '39;0,02;0;0')).toMatchObject({
      intervals: [{ pricePerMinute: 12_000 }],
    });
  });

  it('detects comma and tab separators, reading "." as the decimal mark with commas', () => {
    const spec = (text: string) =>
      parseRateDeck(
        text,
        rateDeckSpecSchema.parse({
          file: 'd.csv',
          columns: { prefix: 'P', pricePerMinute: 'R' },
          increments: 60,
        }),
      );
    expect(spec('P,R\n39,0.0125\n44,"0,0125"\n').problems.map(formatProblem)).toEqual([
      'd.csv line 3: "R" (pricePerMinute): not an amount: "0,0125" (a plain number such as 0.0125)',
    ]);
    expect(spec('P\tR\n39\t0,0125\n').rates[0]?.rate.intervals[0]?.pricePerMinute).toBe(12_500);
    expect(spec('P;R\n39;0.0125\n').rates[0]?.rate.intervals[0]?.pricePerMinute).toBe(12_500);
  });

  it('reads destination classes written in words, and refuses unknown ones', () => {
    const deck = parseRateDeck(
      'Class;Country;Rate\nShared cost;it;0,05\nMobile;;0,10\nSatellite;IT;3\nnational;ITA;1\n',
      rateDeckSpecSchema.parse({
        file: 'd.csv',
        columns: { destClass: 'Class', country: 'Country', pricePerMinute: 'Rate' },
        increments: '60/60',
      }),
    );
    expect(deck.rates.map(({ rate }) => [rate.destClass, rate.country])).toEqual([
      ['shared_cost', 'IT'],
      ['mobile', null],
    ]);
    expect(deck.problems.map(formatProblem)).toEqual([
      'd.csv line 4: "Class" (destClass): unknown destination class "Satellite"',
      'd.csv line 5: "Country" (country): not a two-letter country code: "ITA"',
    ]);
  });

  it('reports a CSV syntax error with its line, an undetectable separator and an empty deck', () => {
    expect(
      deckProblems('P;R\n39;"0,01\n44;1\n', {
        file: 'd.csv',
        columns: { prefix: 'P', pricePerMinute: 'R' },
        increments: 60,
      }),
    ).toEqual(['d.csv line 2: not readable as CSV: a quoted field starts here and is never closed']);
    expect(
      deckProblems('Prices\n', { file: 'd.csv', columns: { prefix: 1, pricePerMinute: 2 }, increments: 60 }),
    ).toEqual(['d.csv: rateDeck.separator: cannot tell the separator from the first line: give it']);
    expect(
      deckProblems('P;R\n\n', {
        file: 'd.csv',
        columns: { prefix: 'P', pricePerMinute: 'R' },
        increments: 60,
      }),
    ).toEqual(['d.csv line 1: the deck has no rates']);
  });

  it('requires increments from a column or for the whole deck', () => {
    expect(
      deckProblems('P;R;B\n39;1;\n', {
        file: 'd.csv',
        columns: { prefix: 'P', pricePerMinute: 'R', increments: 'B' },
      }),
    ).toEqual(['d.csv line 2: "B" (increments): required: this row has none, and the deck gives no default']);
  });
});

describe('the rateDeck section', () => {
  const head = 'carrier: { code: t }\nname: x\ncurrency: EUR\nactiveFrom: 2026-01-01\n';

  it('reports every mistake in it at its line', () => {
    const text = [
      `${head}rateDeck:`, // 5
      '  file: d.csv', // 6
      '  header: false', // 7
      '  separator: ":"', // 8
      '  priceUnit: { scale: 0.05, per: hour }', // 9
      '  columns:', // 10
      '    prefix: Prefix', // 11
      '    pricePerMinute: 0', // 12
      '    firstIncrement: 3', // 13
      '',
    ].join('\n');
    expect(fileProblems(text, () => '')).toEqual([
      'tim.yaml line 8: rateDeck.separator: must be one of ";", ",", "\\t", "|", "tab", not ":"',
      'tim.yaml line 9: rateDeck.priceUnit.scale: must be 1 (currency units), 0.01 (cents), 0.001 (thousandths) or another power of ten down to 0.000001, not 0.05',
      'tim.yaml line 9: rateDeck.priceUnit.per: must be one of "minute", "second", not "hour"',
      'tim.yaml line 12: rateDeck.columns.pricePerMinute: must be a column header name, or a column number counting from 1',
    ]);
    const crossed = text
      .replace('  separator: ":"\n', '')
      .replace('per: hour', 'per: second')
      .replace('scale: 0.05', 'scale: 0.01')
      .replace('pricePerMinute: 0', 'pricePerMinute: 2');
    expect(fileProblems(crossed, () => '')).toEqual([
      'tim.yaml line 9: rateDeck.columns: firstIncrement and nextIncrement go together',
      'tim.yaml line 10: rateDeck.columns.prefix: must be a column number: the deck has no header row (header: false)',
    ]);
  });

  it('requires a prefix or destClass column, and increments', () => {
    expect(
      fileProblems(`${head}rateDeck: { file: d.csv, columns: { pricePerMinute: Rate } }\n`, () => ''),
    ).toEqual([
      'tim.yaml line 5: rateDeck.increments: required when the deck has no increments column (e.g. "60/60")',
      'tim.yaml line 5: rateDeck.columns: map a prefix column, a destClass column, or both',
    ]);
  });
});
