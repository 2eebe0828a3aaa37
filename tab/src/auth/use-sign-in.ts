import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, type ApiClient } from '../api/api-client';
import type { Me, Persona } from '../api/api-types';
import type { HostInfo } from '../host/host-context';
import { SignInError, demoTokenSource, hasDemoToken, saveDemoToken, teamsTokenSource } from './token-source';

/** Where signing in stands. */
export type SignInState =
  | { step: 'signing-in' }
  | { step: 'pick-persona'; personas: Persona[] }
  | { step: 'signed-in'; me: Me; client: ApiClient; demo: boolean }
  | {
      step: 'failed';
      reason: 'consent' | 'sign-in' | 'not-accepted' | 'open-in-teams' | 'error';
      error?: unknown;
    };

/**
 * Signs the person in: Teams single sign-on inside a Microsoft 365 host; in a plain browser the
 * demo's persona picker when the server runs the demo, else a page saying to open Teams.
 */
export function useSignIn(host: HostInfo | null): {
  state: SignInState;
  retry(): void;
  signInAs(persona: Persona): Promise<void>;
  signOut(): void;
} {
  const [state, setState] = useState<SignInState>({ step: 'signing-in' });
  const [attempt, setAttempt] = useState(0);
  const publicApi = useMemo(() => createApiClient(null), []);

  const signOut = useCallback(() => {
    demoTokenSource().signOut();
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!host) return;
    let cancelled = false;
    const set = (next: SignInState) => {
      if (!cancelled) setState(next);
    };
    set({ step: 'signing-in' });
    void (async () => {
      let demo = false;
      if (host.kind === 'browser') {
        const personas = await publicApi
          .get<Persona[]>('/api/v1/demo/personas')
          .catch((error: unknown) => error);
        if (!Array.isArray(personas)) {
          const notDemo = personas instanceof ApiError && personas.status === 404;
          return set(
            notDemo
              ? { step: 'failed', reason: 'open-in-teams' }
              : { step: 'failed', reason: 'error', error: personas },
          );
        }
        if (!hasDemoToken()) return set({ step: 'pick-persona', personas });
        demo = true;
      }
      const tokens = demo ? demoTokenSource() : teamsTokenSource();
      const client = createApiClient(tokens, {
        onUnauthenticated: demo ? () => tokens.signOut() : undefined,
      });
      try {
        const me = await client.get<Me>('/api/v1/me');
        set({ step: 'signed-in', me, client, demo });
      } catch (error) {
        if (error instanceof SignInError)
          return set({ step: 'failed', reason: error.reason === 'consent' ? 'consent' : 'sign-in', error });
        if (error instanceof ApiError && error.status === 401) {
          if (demo) return setAttempt((n) => n + 1); // the demo restarted: pick a persona again
          return set({ step: 'failed', reason: 'not-accepted', error });
        }
        set({ step: 'failed', reason: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [host, attempt, publicApi]);

  const signInAs = useCallback(
    async (persona: Persona) => {
      const answer = await publicApi.send<{ token: string }>('POST', '/api/v1/demo/sign-in', {
        role: persona.role,
        user: persona.upn,
      });
      saveDemoToken(answer.token);
      setAttempt((n) => n + 1);
    },
    [publicApi],
  );

  return { state, retry: () => setAttempt((n) => n + 1), signInAs, signOut };
}
