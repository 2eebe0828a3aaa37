const en = {
  title: 'Administration',
};

const it: typeof en = {
  title: 'Amministrazione',
};

/** The admin page. */
export const adminStrings = { en, it };
