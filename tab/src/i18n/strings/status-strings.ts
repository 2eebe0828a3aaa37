const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const en = {
  title: 'Status',
  updated: (time: string) => `Updated ${time} · refreshes every 30 seconds`,
  overallLabel: 'Overall state',
  states: { green: 'Working', amber: 'Needs a look', red: 'Not working' },
  allWell: 'Calls are being recorded, mined and rated; no spool file has failed.',
  reasons: {
    failedFiles: (files: number) =>
      `${files} spool ${plural(files, 'file has', 'files have')} failed and ${plural(files, 'was', 'were')} set aside: ${plural(files, 'its calls are', 'their calls are')} missing from the reports.`,
    nothingRecorded: (hours: number) =>
      `No call has been recorded for ${hours} ${plural(hours, 'hour', 'hours')} during the working day.`,
    backlogStuck: (files: number, age: string) =>
      `${files} spool ${plural(files, 'file is', 'files are')} waiting, the oldest for ${age}: the miner is not mining.`,
    noCallsYet: 'No call has been recorded yet.',
    backlogWaiting: (files: number, age: string) =>
      `${files} spool ${plural(files, 'file is', 'files are')} waiting, the oldest for ${age}: the miner is behind.`,
    unratedShare: (calls: string, share: string) =>
      `${calls} calls (${share}) are unrated: a tariff plan or a rate is missing.`,
    unratedGrowing: (added: string) => `${added} more unrated calls since the last reading.`,
    rejectedShare: (lines: string, share: string) =>
      `${lines} recorded lines (${share}) were rejected and are not in the reports.`,
    recorderIdle: (source: string, hours: number) =>
      `The recorder source ${source} has not moved for ${hours} ${plural(hours, 'hour', 'hours')} during the working day.`,
  },
  calls: 'Calls',
  lastCall: 'Last call seen',
  lastMined: 'Last mined',
  rated: 'Rated',
  unrated: 'Unrated',
  free: 'Free',
  total: 'Total',
  recordedLines: 'Lines read',
  rejectedLines: 'Rejected lines',
  never: 'Never',
  backlog: 'Spool backlog',
  backlogFiles: 'Files waiting',
  backlogSize: 'Size',
  backlogOldest: 'Oldest waiting since',
  failed: 'Failed spool files',
  noFailed: 'No spool file has failed.',
  recorders: 'Recorder sources',
  recordersLabel: 'Recorder sources',
  noRecorders: 'No recorder source has reported yet.',
  source: 'Source',
  position: 'Position',
  openSessions: 'Calls in progress',
  lastUpdate: 'Last update',
  ago: (relative: string, at: string) => `${relative} (${at})`,
};

const it: typeof en = {
  title: 'Stato',
  updated: (time: string) => `Aggiornato ${time} · si aggiorna ogni 30 secondi`,
  overallLabel: 'Stato generale',
  states: { green: 'Funziona', amber: 'Da controllare', red: 'Non funziona' },
  allWell: 'Le chiamate vengono registrate, elaborate e tariffate; nessun file di spool è fallito.',
  reasons: {
    failedFiles: (files: number) =>
      `${files} ${plural(files, 'file di spool è fallito ed è stato messo', 'file di spool sono falliti e sono stati messi')} da parte: le chiamate mancano dai report.`,
    nothingRecorded: (hours: number) =>
      `Nessuna chiamata registrata da ${hours} ${plural(hours, 'ora', 'ore')} durante l'orario di lavoro.`,
    backlogStuck: (files: number, age: string) =>
      `${files} file di spool in attesa, il più vecchio da ${age}: l'elaborazione è ferma.`,
    noCallsYet: 'Non è stata ancora registrata nessuna chiamata.',
    backlogWaiting: (files: number, age: string) =>
      `${files} file di spool in attesa, il più vecchio da ${age}: l'elaborazione è in ritardo.`,
    unratedShare: (calls: string, share: string) =>
      `${calls} chiamate (${share}) non sono tariffate: manca un piano tariffario o una tariffa.`,
    unratedGrowing: (added: string) => `${added} chiamate non tariffate in più dall'ultima lettura.`,
    rejectedShare: (lines: string, share: string) =>
      `${lines} righe registrate (${share}) sono state scartate e non sono nei report.`,
    recorderIdle: (source: string, hours: number) =>
      `La sorgente ${source} non avanza da ${hours} ${plural(hours, 'ora', 'ore')} durante l'orario di lavoro.`,
  },
  calls: 'Chiamate',
  lastCall: 'Ultima chiamata',
  lastMined: 'Ultima elaborazione',
  rated: 'Tariffate',
  unrated: 'Non tariffate',
  free: 'Gratuite',
  total: 'Totale',
  recordedLines: 'Righe lette',
  rejectedLines: 'Righe scartate',
  never: 'Mai',
  backlog: 'Coda di spool',
  backlogFiles: 'File in attesa',
  backlogSize: 'Dimensione',
  backlogOldest: 'Il più vecchio in attesa da',
  failed: 'File di spool falliti',
  noFailed: 'Nessun file di spool è fallito.',
  recorders: 'Sorgenti di registrazione',
  recordersLabel: 'Sorgenti di registrazione',
  noRecorders: 'Nessuna sorgente di registrazione ha ancora comunicato.',
  source: 'Sorgente',
  position: 'Posizione',
  openSessions: 'Chiamate in corso',
  lastUpdate: 'Ultimo aggiornamento',
  ago: (relative: string, at: string) => `${relative} (${at})`,
};

/** The status page. */
export const statusStrings = { en, it };
