import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, nextPage, pagingOf, previousPage } from './call-paging';

describe('call list paging', () => {
  it('starts without a cursor and follows each nextCursor', () => {
    let paging = firstPage('a');
    expect(currentCursor(paging)).toBeNull();
    paging = nextPage(paging, 'c2');
    paging = nextPage(paging, 'c3');
    expect(paging.index).toBe(2);
    expect(currentCursor(paging)).toBe('c3');
  });

  it('goes back with the kept cursors, never before page 1', () => {
    let paging = nextPage(nextPage(firstPage('a'), 'c2'), 'c3');
    paging = previousPage(paging);
    expect(currentCursor(paging)).toBe('c2');
    paging = previousPage(previousPage(paging));
    expect(paging.index).toBe(0);
    expect(currentCursor(paging)).toBeNull();
  });

  it('forgets later pages when going forward from an earlier one', () => {
    const paging = nextPage(previousPage(nextPage(nextPage(firstPage('a'), 'c2'), 'c3')), 'c3bis');
    expect(paging.cursors).toEqual([null, 'c2', 'c3bis']);
  });

  it('goes back to page 1 when the filters or the order change', () => {
    const paging = nextPage(firstPage('a'), 'c2');
    expect(pagingOf(paging, 'a')).toBe(paging);
    expect(pagingOf(paging, 'b')).toEqual({ selection: 'b', cursors: [null], index: 0 });
  });
});
