import { authentication } from '@microsoft/teams-js';
import { sessionStore } from './session-store';

/** Where the tab gets the Bearer token it sends to the API. */
export interface TokenSource {
  kind: 'teams' | 'demo';
  token(): Promise<string>;
  /** Forgets the token (demo: back to the persona picker). */
  signOut(): void;
}

/** Why signing in failed, in words the user can act on. */
export class SignInError extends Error {
  constructor(
    readonly reason: 'consent' | 'sign-in' | 'host',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Teams single sign-on: the host gives an access token for Ledgerline's API (`access_as_user`). */
export function teamsTokenSource(): TokenSource {
  return {
    kind: 'teams',
    async token() {
      try {
        return await authentication.getAuthToken();
      } catch (error) {
        throw signInError(error);
      }
    },
    signOut() {},
  };
}

/** What teams-js rejects with, as a SignInError. */
export function signInError(error: unknown): SignInError {
  const text = error instanceof Error ? error.message : String(error);
  if (/consent|invalid_grant|interaction_required|resourceRequiresConsent/i.test(text))
    return new SignInError('consent', text);
  if (/not supported|sdk not initialized|no parent/i.test(text)) return new SignInError('host', text);
  return new SignInError('sign-in', text);
}

const DEMO_TOKEN_KEY = 'ledgerline.demo-token';

/** Demo mode: a token from `POST /api/v1/demo/sign-in`, kept for this browser tab's session. */
export function demoTokenSource(
  storage: Storage = sessionStore(),
  onSignOut: () => void = () => undefined,
): TokenSource {
  return {
    kind: 'demo',
    async token() {
      const token = storage.getItem(DEMO_TOKEN_KEY);
      if (!token) throw new SignInError('sign-in', 'no demo persona chosen');
      return token;
    },
    signOut() {
      storage.removeItem(DEMO_TOKEN_KEY);
      onSignOut();
    },
  };
}

/** Keeps the demo token the sign-in route returned. */
export function saveDemoToken(token: string, storage: Storage = sessionStore()): void {
  storage.setItem(DEMO_TOKEN_KEY, token);
}

/** Whether a demo persona has been chosen in this browser tab. */
export function hasDemoToken(storage: Storage = sessionStore()): boolean {
  return storage.getItem(DEMO_TOKEN_KEY) !== null;
}
