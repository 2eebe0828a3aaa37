const en = {
  title: 'Ledgerline demo',
  intro:
    'This is the demo company. Choose who to be: each role sees only what Ledgerline would show them in Teams.',
  as: (role: string) => `Sign in as ${role}`,
  roleHint: {
    employee: 'Their own calls and costs',
    supervisor: 'The departments they supervise',
    admin: 'The whole company and its administration',
  },
  failed: 'Signing in failed.',
};

const it: typeof en = {
  title: 'Demo di Ledgerline',
  intro:
    "Questa è l'azienda dimostrativa. Scegli chi essere: ogni ruolo vede solo ciò che Ledgerline gli mostrerebbe in Teams.",
  as: (role: string) => `Accedi come ${role}`,
  roleHint: {
    employee: 'Le proprie chiamate e i propri costi',
    supervisor: 'I reparti che supervisiona',
    admin: "L'intera azienda e la sua amministrazione",
  },
  failed: 'Accesso non riuscito.',
};

/** The demo's persona picker. */
export const signInStrings = { en, it };
