const en = {
  title: 'Alarms',
  emptyTitle: 'No alarms',
  emptyBody: "Alarms about costs, unusual traffic and the system's health will appear here.",
  listLabel: 'Alarms',
  columns: { title: 'Alarm', severity: 'Severity', state: 'State', raisedAt: 'Raised' },
  severities: { info: 'Information', warning: 'Warning', critical: 'Critical' } as Record<string, string>,
  states: { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' } as Record<string, string>,
};

const it: typeof en = {
  title: 'Allarmi',
  emptyTitle: 'Nessun allarme',
  emptyBody: 'Qui compariranno gli allarmi su costi, traffico insolito e stato del sistema.',
  listLabel: 'Allarmi',
  columns: { title: 'Allarme', severity: 'Gravità', state: 'Stato', raisedAt: 'Generato' },
  severities: { info: 'Informazione', warning: 'Avviso', critical: 'Critico' },
  states: { open: 'Aperto', acknowledged: 'Preso in carico', resolved: 'Risolto' },
};

/** The alarms page. */
export const alarmsStrings = { en, it };
