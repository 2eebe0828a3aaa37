const en = {
  label: 'Report filters',
  period: 'Period',
  presets: {
    'this-month': 'This month',
    'last-month': 'Last month',
    'last-7-days': 'Last 7 days',
    'last-30-days': 'Last 30 days',
    'last-90-days': 'Last 90 days',
    custom: 'Custom range',
  },
  from: 'From',
  to: 'To',
  toBeforeFrom: 'The end comes before the start.',
  site: 'Site',
  allSites: 'All sites',
  department: 'Department',
  allDepartments: 'All departments',
  range: (from: string, to: string) => `${from} – ${to}`,
};

const it: typeof en = {
  label: 'Filtri del report',
  period: 'Periodo',
  presets: {
    'this-month': 'Questo mese',
    'last-month': 'Mese scorso',
    'last-7-days': 'Ultimi 7 giorni',
    'last-30-days': 'Ultimi 30 giorni',
    'last-90-days': 'Ultimi 90 giorni',
    custom: 'Intervallo personalizzato',
  },
  from: 'Dal',
  to: 'Al',
  toBeforeFrom: 'La fine viene prima dell’inizio.',
  site: 'Sede',
  allSites: 'Tutte le sedi',
  department: 'Reparto',
  allDepartments: 'Tutti i reparti',
  range: (from: string, to: string) => `${from} – ${to}`,
};

/** The filters of the report pages: period, site and department. */
export const filtersStrings = { en, it };
