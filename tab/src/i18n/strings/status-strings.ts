const en = {
  title: 'Status',
};

const it: typeof en = {
  title: 'Stato',
};

/** The status page. */
export const statusStrings = { en, it };
