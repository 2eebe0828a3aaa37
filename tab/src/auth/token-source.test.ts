import { describe, expect, it, vi } from 'vitest';
import { demoTokenSource, hasDemoToken, saveDemoToken, signInError } from './token-source';

describe('signing in', () => {
  it('tells a missing consent from other sign-in failures', () => {
    expect(signInError(new Error('resourceRequiresConsent')).reason).toBe('consent');
    expect(signInError('invalid_grant: AADSTS65001 the user has not consented').reason).toBe('consent');
    expect(signInError(new Error('SDK not initialized')).reason).toBe('host');
    expect(signInError(new Error('CancelledByUser')).reason).toBe('sign-in');
  });

  it('keeps the demo token for the session and forgets it on sign-out', async () => {
    const signedOut = vi.fn();
    const tokens = demoTokenSource(sessionStorage, signedOut);
    await expect(tokens.token()).rejects.toThrow('no demo persona');
    saveDemoToken('abc', sessionStorage);
    expect(hasDemoToken(sessionStorage)).toBe(true);
    expect(await tokens.token()).toBe('abc');
    tokens.signOut();
    expect(hasDemoToken(sessionStorage)).toBe(false);
    expect(signedOut).toHaveBeenCalledOnce();
  });
});
