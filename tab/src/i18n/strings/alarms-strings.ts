const en = {
  title: 'Alarms',
};

const it: typeof en = {
  title: 'Allarmi',
};

/** The alarms page. */
export const alarmsStrings = { en, it };
