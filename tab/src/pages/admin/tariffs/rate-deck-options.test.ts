import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS, deckRequest } from './rate-deck-options';

describe('the rate deck import options', () => {
  it('sends only the options that differ from the server’s defaults, and the file name', () => {
    expect(deckRequest('listino.csv', DEFAULT_DECK_OPTIONS)).toEqual({
      ok: true,
      contentType: 'text/csv; charset=utf-8',
      query: {
        fileName: 'listino.csv',
        separator: undefined,
        decimal: undefined,
        header: undefined,
        skipLines: undefined,
        increments: undefined,
        priceScale: undefined,
        pricePer: undefined,
        columns: undefined,
      },
    });
    const request = deckRequest('deck.csv', {
      ...DEFAULT_DECK_OPTIONS,
      separator: 'tab',
      decimal: ',',
      header: false,
      skipLines: '2',
      increments: '30/6',
      priceScale: '0.01',
      pricePer: 'second',
      columns: '{ "prefix": 1, "pricePerMinute": 3 }',
      charset: 'windows-1252',
    });
    expect(request).toEqual({
      ok: true,
      contentType: 'text/csv; charset=windows-1252',
      query: {
        fileName: 'deck.csv',
        separator: 'tab',
        decimal: ',',
        header: 'false',
        skipLines: 2,
        increments: '30/6',
        priceScale: '0.01',
        pricePer: 'second',
        columns: '{"prefix":1,"pricePerMinute":3}',
      },
    });
  });

  it('refuses options the server would', () => {
    expect(
      deckRequest('x.csv', {
        ...DEFAULT_DECK_OPTIONS,
        skipLines: '101',
        increments: '60-60',
        columns: '[1]',
      }),
    ).toEqual({ ok: false, problems: ['skipLines', 'increments', 'columns'] });
  });
});
