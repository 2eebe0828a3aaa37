import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The page's URL parameters and a writer that changes them. react-router's own updater sees the
 * URL of the last render, not changes queued since; the writer starts from the latest URL it
 * wrote, so two changes made before the page renders again (a search and an amount committed in
 * the same moment, a department cleared as a site is chosen) both stay. With `replace`, a change
 * takes the place of the current history entry instead of adding one.
 */
export function useUrlWriter({ replace = false } = {}): [
  URLSearchParams,
  (change: (latest: URLSearchParams) => URLSearchParams) => void,
] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const write = useCallback(
    (change: (latest: URLSearchParams) => URLSearchParams) => {
      latest.current = change(latest.current);
      setParams(latest.current, { replace });
    },
    [setParams, replace],
  );
  return [params, write];
}
