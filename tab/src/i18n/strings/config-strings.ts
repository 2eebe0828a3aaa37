const en = {
  title: 'Set up Ledgerline for this channel',
  intro: 'Choose what this tab shows to everyone in the channel.',
  showLabel: 'Show',
  company: 'The whole company',
  department: 'A department',
  departmentLabel: 'Department',
  companyAdminsOnly: 'Only administrators can show the whole company in a channel.',
  noDepartments: 'You do not supervise any department, so there is nothing to show in a channel.',
  tabName: (what: string) => `Ledgerline · ${what}`,
};

const it: typeof en = {
  title: 'Configura Ledgerline per questo canale',
  intro: 'Scegli cosa mostra questa scheda a tutti i membri del canale.',
  showLabel: 'Mostra',
  company: "L'intera azienda",
  department: 'Un reparto',
  departmentLabel: 'Reparto',
  companyAdminsOnly: "Solo gli amministratori possono mostrare l'intera azienda in un canale.",
  noDepartments: 'Non supervisioni alcun reparto, quindi non c’è nulla da mostrare in un canale.',
  tabName: (what: string) => `Ledgerline · ${what}`,
};

/** The channel tab's configuration page. */
export const configStrings = { en, it };
