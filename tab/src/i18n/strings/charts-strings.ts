const en = {
  drawFailed: 'The chart could not be drawn; the figures are in the table.',
};

const it: typeof en = {
  drawFailed: 'Non è stato possibile disegnare il grafico; i dati sono nella tabella.',
};

/** The charts of every report page. */
export const chartsStrings = { en, it };
