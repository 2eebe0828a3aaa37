const en = {
  nav: {
    label: 'Ledgerline pages',
    dashboard: 'Dashboard',
    calls: 'Calls',
    alarms: 'Alarms',
    status: 'Status',
    admin: 'Administration',
  },
  connecting: 'Connecting to Microsoft Teams…',
  signingIn: 'Signing you in…',
  consentTitle: 'Ledgerline needs your permission',
  consentBody:
    'Your organization has not yet allowed Ledgerline to sign you in. Ask your administrator to grant consent for Ledgerline in Microsoft Entra ID, then try again.',
  signInFailedTitle: 'Sign-in failed',
  signInFailedBody: 'Microsoft Teams could not sign you in to Ledgerline.',
  notSignedUpTitle: 'You are not set up in Ledgerline',
  notSignedUpBody: 'Your account was not accepted by this Ledgerline server. Ask your administrator.',
  openInTeamsTitle: 'Open Ledgerline in Microsoft Teams',
  openInTeamsBody:
    'Ledgerline signs you in through Microsoft Teams. Open it from the Ledgerline app in Teams, Outlook or the Microsoft 365 app.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is no such page in Ledgerline.',
  demoBadge: 'Demo',
};

const it: typeof en = {
  nav: {
    label: 'Pagine di Ledgerline',
    dashboard: 'Riepilogo',
    calls: 'Chiamate',
    alarms: 'Allarmi',
    status: 'Stato',
    admin: 'Amministrazione',
  },
  connecting: 'Connessione a Microsoft Teams…',
  signingIn: 'Accesso in corso…',
  consentTitle: 'Ledgerline ha bisogno della tua autorizzazione',
  consentBody:
    "La tua organizzazione non ha ancora autorizzato Ledgerline ad accedere per tuo conto. Chiedi all'amministratore di concedere il consenso per Ledgerline in Microsoft Entra ID, poi riprova.",
  signInFailedTitle: 'Accesso non riuscito',
  signInFailedBody: 'Microsoft Teams non è riuscito a farti accedere a Ledgerline.',
  notSignedUpTitle: 'Non sei configurato in Ledgerline',
  notSignedUpBody:
    "Il tuo account non è stato accettato da questo server Ledgerline. Rivolgiti all'amministratore.",
  openInTeamsTitle: 'Apri Ledgerline in Microsoft Teams',
  openInTeamsBody:
    "Ledgerline ti fa accedere tramite Microsoft Teams. Aprilo dall'app Ledgerline in Teams, Outlook o nell'app Microsoft 365.",
  notFoundTitle: 'Pagina non trovata',
  notFoundBody: 'Questa pagina non esiste in Ledgerline.',
  demoBadge: 'Demo',
};

/** The app shell: navigation, connecting to the host, signing in. */
export const shellStrings = { en, it };
