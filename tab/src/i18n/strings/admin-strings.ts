const en = {
  title: 'Administration',
  sectionsLabel: 'Administration sections',
  sections: {
    sites: 'Sites',
    departments: 'Departments',
    carriers: 'Carriers',
    'tariff-plans': 'Tariff plans',
    'routing-rules': 'Routing rules',
    users: 'Users',
    'alarm-rules': 'Alarm rules',
    'report-schedules': 'Scheduled reports',
    rerate: 'Re-rate',
    audit: 'Audit log',
  },
  notSaved: 'Not saved',
  saving: 'Saving…',
  actions: 'Actions',
};

const it: typeof en = {
  title: 'Amministrazione',
  sectionsLabel: 'Sezioni dell’amministrazione',
  sections: {
    sites: 'Sedi',
    departments: 'Reparti',
    carriers: 'Operatori',
    'tariff-plans': 'Piani tariffari',
    'routing-rules': 'Regole di instradamento',
    users: 'Utenti',
    'alarm-rules': 'Regole di allarme',
    'report-schedules': 'Report pianificati',
    rerate: 'Ricalcolo',
    audit: 'Registro modifiche',
  },
  notSaved: 'Non salvato',
  saving: 'Salvataggio…',
  actions: 'Azioni',
};

/** The admin page: its navigation and what every section shares. */
export const adminStrings = { en, it };
