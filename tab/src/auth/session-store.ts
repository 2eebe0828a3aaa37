/** A Storage kept in memory. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const memory = memoryStorage();

/**
 * The browser tab's session storage, or, where the browser denies it (a page framed by another
 * site while third-party storage is blocked: reading `sessionStorage` throws a SecurityError), a
 * store in memory that lasts as long as the page.
 */
export function sessionStore(win: Pick<Window, 'sessionStorage'> = window): Storage {
  try {
    return win.sessionStorage;
  } catch {
    return memory;
  }
}
