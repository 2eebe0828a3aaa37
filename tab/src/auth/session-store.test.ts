import { describe, expect, it } from 'vitest';
import { memoryStorage, sessionStore } from './session-store';
import { hasDemoToken, saveDemoToken } from './token-source';

describe('the session store', () => {
  it('is the browser tab’s session storage when the browser gives it', () => {
    expect(sessionStore(window)).toBe(window.sessionStorage);
  });

  it('is kept in memory when the browser denies a framed page its storage', () => {
    const framed = {
      get sessionStorage(): Storage {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    };
    const store = sessionStore(framed);
    expect(store).toBe(sessionStore(framed));
    saveDemoToken('abc', store);
    expect(hasDemoToken(store)).toBe(true);
    expect(hasDemoToken(sessionStorage)).toBe(false);
    store.clear();
  });

  it('keeps, lists and forgets items like a Storage', () => {
    const store = memoryStorage();
    store.setItem('a', '1');
    store.setItem('b', '2');
    expect([store.length, store.key(1), store.getItem('a'), store.getItem('c')]).toEqual([2, 'b', '1', null]);
    store.removeItem('a');
    expect(store.length).toBe(1);
    store.clear();
    expect(store.length).toBe(0);
  });
});
