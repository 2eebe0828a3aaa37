import { useEffect, useState } from 'react';

/** How long typing must pause before a text filter asks the API again. */
export const TYPING_PAUSE_MS = 400;

/**
 * A text field's draft, committed when typing pauses (or at once with `commitNow`), and reset
 * when the committed value changes from elsewhere (e.g. Clear filters).
 */
export function useDraftText(
  value: string,
  commit: (text: string) => void,
  accept: (text: string) => boolean = () => true,
): { draft: string; setDraft(text: string): void; commitNow(): void } {
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (committed !== value) {
    setCommitted(value);
    if (draft.trim() !== value) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value.trim() || !accept(draft)) return;
    const timer = setTimeout(() => commit(draft), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, commit, accept]);
  return {
    draft,
    setDraft,
    commitNow: () => {
      if (draft.trim() !== value.trim() && accept(draft)) commit(draft);
    },
  };
}
