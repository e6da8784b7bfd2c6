/**
 * The app shell's copy (header, navigation, shared messages). Each screen
 * keeps its own catalogue in `pages/<screen>/copy.ts`; an English catalogue
 * can later mirror these objects with Italian as the fallback.
 */
export const shellCopy = {
  appName: 'Ponte',
  tagline: 'Gestione dei casi per i servizi sociosanitari integrati',
  ownerLine: 'Servizi sociosanitari integrati',
  skipToContent: 'Vai al contenuto principale',
  skipToNavigation: 'Vai alla navigazione',
  signedInAs: 'Utente collegato:',
  signOut: 'Esci',
  changePassword: 'Cambia password',
  signingOut: 'Uscita in corso…',
  mainNavigation: 'Navigazione principale',
  openMenu: 'Apri il menu di navigazione',
  closeMenu: 'Chiudi il menu di navigazione',
  nav: {
    home: 'Il mio lavoro',
    persons: 'Persone',
    projects: 'Progetti',
    assessments: 'Valutazioni',
    discharges: 'Dimissioni protette',
    notifications: 'Notifiche',
    indicators: 'Indicatori',
    agreements: 'Accordi',
    meetings: 'Incontri',
    agenda: 'Agenda',
    nomenclatore: 'Nomenclatore',
    admin: 'Amministrazione',
  },
  caseWorkOnly: 'Questa pagina è per gli operatori delle équipe che seguono le persone: con il tuo ruolo non la puoi usare.',
  unreadBadge: (n: number) => (n === 1 ? 'una notifica non letta' : `${n} notifiche non lette`),
  loading: 'Caricamento in corso…',
  footer: 'Ponte è software libero per i servizi sociosanitari integrati.',
} as const;

/** Messages shared by every form and list. */
/** The buttons under the summary of a formal act (`ConfirmButtons`). */
export const confirmCopy = {
  working: 'Salvataggio…',
  cancel: 'Annulla',
} as const;

export const commonCopy = {
  networkError: 'Impossibile contattare il server: controlla la connessione e riprova.',
  genericError: 'Si è verificato un errore imprevisto: riprova.',
  requiredField: 'Campo obbligatorio',
  optional: '(facoltativo)',
  loadMore: 'Carica altri',
  loadingMore: 'Caricamento…',
  reload: 'Ricarica',
  choose: 'Scegli…',
} as const;
