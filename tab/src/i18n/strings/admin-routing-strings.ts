const en = {
  routing: {
    title: 'Routing rules',
    description:
      'A call goes to the carrier of the first rule whose criteria all match: lowest priority first, then the most specific. Empty criteria match any call.',
    tableLabel: 'Routing rules',
    none: 'No routing rules.',
    noneBody: 'Without them no call is rated. Add a rule for each carrier.',
    add: 'Add rule',
    saveAll: 'Save all',
    saved: (count: number) => `${count} routing rules saved. Re-rate to apply them to stored calls.`,
    priority: 'Priority',
    site: 'Site',
    trunk: 'Trunk',
    prefix: 'Number prefix',
    carrier: 'Carrier',
    any: 'Any',
    fieldOf: (field: string, rule: number) => `${field}, rule ${rule}`,
    moveUp: (rule: number) => `Move rule ${rule} up`,
    moveDown: (rule: number) => `Move rule ${rule} down`,
    remove: (rule: number) => `Remove rule ${rule}`,
    problems: {
      priority: 'A whole number from 0 to 1000000.',
      prefix: 'Digits of an E.164 number, e.g. 39 or 4420.',
      trunk: 'At most 128 characters.',
      carrierId: 'Choose a carrier.',
    },
  },
  rerate: {
    title: 'Re-rate calls',
    description:
      'Prices the stored calls of some days again with today’s tariffs and routing (each with the plan in force when it started), and updates the reports.',
    from: 'From',
    to: 'To',
    carrier: 'Carrier',
    allCarriers: 'All carriers',
    run: 'Re-rate',
    running: (days: number) => `Re-rating ${days} days of calls… this can take a while.`,
    result: (calls: string, days: string, changed: string, skipped: string) =>
      `Done: ${calls} calls over ${days} days priced again, ${changed} changed, ${skipped} skipped (their site is no longer known).`,
    problems: {
      day: 'Enter a date.',
      order: 'Must not be before the first day.',
    },
  },
  audit: {
    title: 'Audit log',
    tableLabel: 'Audit log',
    none: 'No changes yet.',
    at: 'When',
    actor: 'Who',
    action: 'Change',
    entity: 'What',
    actions: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
      import: 'Imported',
      rerate: 'Re-rated',
    },
    newer: 'Newer',
    older: 'Older',
  },
};

const it: typeof en = {
  routing: {
    title: 'Regole di instradamento',
    description:
      'Una chiamata va all’operatore della prima regola i cui criteri corrispondono tutti: prima la priorità più bassa, poi la più specifica. I criteri vuoti corrispondono a qualsiasi chiamata.',
    tableLabel: 'Regole di instradamento',
    none: 'Nessuna regola di instradamento.',
    noneBody: 'Senza regole nessuna chiamata viene valorizzata. Aggiungi una regola per ogni operatore.',
    add: 'Aggiungi regola',
    saveAll: 'Salva tutto',
    saved: (count: number) =>
      `${count} regole di instradamento salvate. Ricalcola per applicarle alle chiamate registrate.`,
    priority: 'Priorità',
    site: 'Sede',
    trunk: 'Trunk',
    prefix: 'Prefisso del numero',
    carrier: 'Operatore',
    any: 'Qualsiasi',
    fieldOf: (field: string, rule: number) => `${field}, regola ${rule}`,
    moveUp: (rule: number) => `Sposta su la regola ${rule}`,
    moveDown: (rule: number) => `Sposta giù la regola ${rule}`,
    remove: (rule: number) => `Rimuovi la regola ${rule}`,
    problems: {
      priority: 'Un numero intero da 0 a 1000000.',
      prefix: 'Cifre di un numero E.164, es. 39 o 4420.',
      trunk: 'Al massimo 128 caratteri.',
      carrierId: 'Scegli un operatore.',
    },
  },
  rerate: {
    title: 'Ricalcolo delle chiamate',
    description:
      'Valorizza di nuovo le chiamate registrate di alcuni giorni con le tariffe e l’instradamento di oggi (ognuna con il piano in vigore al suo inizio) e aggiorna i report.',
    from: 'Dal',
    to: 'Al',
    carrier: 'Operatore',
    allCarriers: 'Tutti gli operatori',
    run: 'Ricalcola',
    running: (days: number) => `Ricalcolo di ${days} giorni di chiamate in corso… può richiedere tempo.`,
    result: (calls: string, days: string, changed: string, skipped: string) =>
      `Completato: ${calls} chiamate in ${days} giorni valorizzate di nuovo, ${changed} cambiate, ${skipped} saltate (la loro sede non è più nota).`,
    problems: {
      day: 'Inserisci una data.',
      order: 'Non può precedere il primo giorno.',
    },
  },
  audit: {
    title: 'Registro modifiche',
    tableLabel: 'Registro modifiche',
    none: 'Nessuna modifica.',
    at: 'Quando',
    actor: 'Chi',
    action: 'Modifica',
    entity: 'Cosa',
    actions: {
      create: 'Creato',
      update: 'Modificato',
      delete: 'Eliminato',
      import: 'Importato',
      rerate: 'Ricalcolato',
    },
    newer: 'Più recenti',
    older: 'Meno recenti',
  },
};

/** Administration of routing rules, re-rating and the audit log. */
export const adminRoutingStrings = { en, it };
