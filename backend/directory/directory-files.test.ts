import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv-rows.js';
import { readDirectoryFiles } from './directory-files.js';

const names = {
  sites: 'sites.csv',
  departments: 'departments.csv',
  users: 'users.csv',
  numbers: 'numbers.csv',
};

describe('readCsvRows', () => {
  it('gives each row the line it is on, past blank lines, a BOM and quoted line breaks', () => {
    const text = '\uFEFFcode;name\n\nMIL;"Milano"\n"LON";"London\nCity"\nNYC;New York\n';
    expect(readCsvRows(text, 'sites.csv').map((row) => [row.line, row.values.code])).toEqual([
      [3, 'MIL'],
      [5, 'LON'],
      [6, 'NYC'],
    ]);
  });

  it('names missing columns and an unterminated quote', () => {
    expect(() => readCsvRows('code,title\nX,Y\n', 'departments.csv', ['code', 'name'])).toThrow(
      'departments.csv: missing column name',
    );
    expect(() => readCsvRows('code,name\nX,"Y\n', 'departments.csv')).toThrow(
      /departments\.csv line 2: .*quote/i,
    );
  });
});

describe('readDirectoryFiles', () => {
  it('reads every kind of row', () => {
    const entries = readDirectoryFiles(
      {
        sites:
          'code,name,country,time_zone,currency,outside_line_code,international_prefix,national_prefix,extension_ranges,local_area_codes\nMIL,Milano,it,Europe/Rome,eur,0,00,,2000-2999|4000-4099,02\n',
        departments:
          'code,name,parent_code,cost_center,supervisor_group_id\nSALES,Sales,,CC100,6f1d8b7a-3c2e-4a1b-9d0e-112233445566\n',
        users:
          'upn,display_name,department_code,site_code,sip_uri,entra_object_id\nAnna.Rossi@contoso.com,Anna Rossi,SALES,MIL,Anna.Rossi@contoso.com,\n',
        numbers:
          'upn,site_code,number\nanna.rossi@contoso.com,MIL,+39 02 1234 2001\nanna.rossi@contoso.com,MIL,2001\n',
      },
      names,
    );
    expect(entries.problems).toEqual([]);
    expect(entries.sites[0]).toMatchObject({
      code: 'MIL',
      currency: 'EUR',
      dialPlan: {
        country: 'IT',
        outsideLineCode: '0',
        nationalPrefix: null,
        extensionRanges: [
          { from: '2000', to: '2999' },
          { from: '4000', to: '4099' },
        ],
        localAreaCodes: ['02'],
      },
    });
    expect(entries.users[0]).toMatchObject({
      upn: 'anna.rossi@contoso.com',
      sipUri: 'sip:anna.rossi@contoso.com',
    });
    expect(entries.numbers.map((n) => [n.kind, n.number])).toEqual([
      ['e164', '+390212342001'],
      ['extension', '2001'],
    ]);
  });

  it('accepts every zone the runtime knows, aliases included', () => {
    const entries = readDirectoryFiles(
      {
        sites:
          'code,name,country,time_zone,currency\nBLR,Bengaluru,IN,Asia/Kolkata,INR\nKBP,Kyiv,UA,Europe/Kyiv,UAH\n',
      },
      names,
    );
    expect(entries.problems).toEqual([]);
  });

  it('collects every problem with file, line and field', () => {
    const entries = readDirectoryFiles(
      {
        sites:
          'code,name,country,time_zone,currency,extension_ranges\nMIL,Milano,Italy,Europe/Milan,EUR,2999-2000\n',
        users: 'upn,display_name\nnot-an-email,Someone\nx@contoso.com,\nx@contoso.com,Again\n',
        numbers: 'upn,site_code,number\nx@contoso.com,MIL,+0123\n',
      },
      names,
    );
    expect(entries.problems).toEqual([
      'sites.csv line 2, country: "Italy" is not a two-letter country code',
      'sites.csv line 2, time_zone: "Europe/Milan" is not an IANA time zone (e.g. Europe/Rome)',
      'sites.csv line 2, extension_ranges: "2999-2000" is not a range like 2000-2999 (same number of digits, low to high)',
      'users.csv line 2, upn: "not-an-email" is not a user principal name (user@domain)',
      'users.csv line 3, display_name: required',
      'numbers.csv line 2, number: "+0123" is not an E.164 number (+ and 6 to 15 digits)',
    ]);
  });
});
