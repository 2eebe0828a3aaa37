import { describe, expect, it } from 'vitest';
import { safeRow, safeText } from './spreadsheet-cell.js';

describe('spreadsheet cells', () => {
  it('quotes text a spreadsheet would take for a formula', () => {
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('+390212345xxx')).toBe("'+390212345xxx");
    expect(safeText('-2')).toBe("'-2");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('\t=cmd')).toBe("'\t=cmd");
    expect(safeText('\r=cmd')).toBe("'\r=cmd");
    expect(safeText('Anna = Rossi')).toBe('Anna = Rossi');
    expect(safeText('')).toBe('');
  });

  it('leaves numbers and amounts as values', () => {
    expect(safeRow(['=x', -5, { micro: -1 }, null])).toEqual(["'=x", -5, { micro: -1 }, null]);
  });
});
