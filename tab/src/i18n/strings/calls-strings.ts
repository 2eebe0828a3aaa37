const en = {
  title: 'Calls',
};

const it: typeof en = {
  title: 'Chiamate',
};

/** The calls page. */
export const callsStrings = { en, it };
