const en = {
  title: 'Dashboard',
};

const it: typeof en = {
  title: 'Riepilogo',
};

/** The dashboard page. */
export const dashboardStrings = { en, it };
