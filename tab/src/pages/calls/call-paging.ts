import { useCallback, useState } from 'react';

/**
 * Where the reader is in the call list: the cursor of each page seen so far (null for the
 * first), so Previous goes back without asking the API for a way back. `selection` names the
 * filters and order the cursors belong to: other filters start again at page 1.
 */
export interface CallPaging {
  selection: string;
  cursors: (string | null)[];
  index: number;
}

/** Page 1 of a selection. */
export function firstPage(selection: string): CallPaging {
  return { selection, cursors: [null], index: 0 };
}

/** The paging of `selection`: as it was if the selection is the same, else page 1. */
export function pagingOf(paging: CallPaging, selection: string): CallPaging {
  return paging.selection === selection ? paging : firstPage(selection);
}

/** The page after the current one, reached with the current page's `nextCursor`. */
export function nextPage(paging: CallPaging, nextCursor: string): CallPaging {
  const cursors = [...paging.cursors.slice(0, paging.index + 1), nextCursor];
  return { ...paging, cursors, index: paging.index + 1 };
}

/** The page before the current one (its cursor is kept). */
export function previousPage(paging: CallPaging): CallPaging {
  return { ...paging, index: Math.max(0, paging.index - 1) };
}

/** The cursor the current page is asked for with. */
export function currentCursor(paging: CallPaging): string | null {
  return paging.cursors[paging.index] ?? null;
}

/** The call list's paging for a selection, back to page 1 whenever the selection changes. */
export function useCallPaging(selection: string): {
  paging: CallPaging;
  next(nextCursor: string): void;
  previous(): void;
} {
  const [state, setState] = useState(() => firstPage(selection));
  const paging = pagingOf(state, selection);
  const next = useCallback(
    (nextCursor: string) => setState((current) => nextPage(pagingOf(current, selection), nextCursor)),
    [selection],
  );
  const previous = useCallback(
    () => setState((current) => previousPage(pagingOf(current, selection))),
    [selection],
  );
  return { paging, next, previous };
}
