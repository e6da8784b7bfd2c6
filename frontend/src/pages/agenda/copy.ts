/** The words of the agenda: what is coming for me and my teams, and its settings in the account page. */
export const agendaCopy = {
  title: 'Agenda',
  intro: 'Revisioni dei progetti, valutazioni UVM programmate, dimissioni protette previste e incontri: le scadenze in ritardo per prime.',
  views: { settimana: 'Settimana', mese: 'Mese' },
  viewLabel: 'Vista',
  previous: { settimana: 'Settimana precedente', mese: 'Mese precedente' },
  next: { settimana: 'Settimana successiva', mese: 'Mese successivo' },
  today: 'Oggi',
  window: (from: string, to: string) => `Dal ${from} al ${to}`,
  filters: {
    region: "Filtra l'agenda",
    kind: 'Tipo',
    scope: 'Di chi',
    any: 'Tutti',
  },
  overdue: 'In ritardo',
  overdueHeading: 'In ritardo',
  overdueSince: (day: string) => `Scaduta il ${day}`,
  none: 'Nessuna scadenza in questo periodo.',
  open: {
    project: 'Apri il progetto',
    discharge: 'Apri la dimissione',
    meeting: "Apri l'incontro",
    diary: 'Apri il diario',
  },
  noAccess: 'Non visibile',
} as const;

export const agendaSettingsCopy = {
  heading: 'Agenda e promemoria',
  intro:
    'Il giorno prima di ogni scadenza ricevi una notifica in Ponte. Se vuoi, anche un’email: contiene solo il tipo di scadenza, la data e il collegamento, mai il nome della persona.',
  email: 'Ricevi i promemoria anche per email',
  saved: 'Preferenza salvata.',
  feedHeading: 'Calendario (ICS)',
  feedIntro:
    'Un indirizzo segreto da aggiungere al calendario del telefono o del computer: mostra i prossimi 60 giorni della tua agenda con il solo tipo di appuntamento e le iniziali della persona. Chi ha l’indirizzo vede questi dati: non condividerlo, e revocalo se lo perdi.',
  feedActive: (since: string) => `Calendario attivo dal ${since}.`,
  feedNone: 'Nessun calendario attivo.',
  create: 'Crea l’indirizzo del calendario',
  replace: 'Crea un nuovo indirizzo (il precedente smette di funzionare)',
  revoke: 'Revoca il calendario',
  revoked: 'Calendario revocato: l’indirizzo non funziona più.',
  urlLabel: 'Indirizzo del calendario',
  urlOnce: 'Copialo ora: per sicurezza non verrà più mostrato.',
  copy: 'Copia',
  copied: 'Copiato',
} as const;
