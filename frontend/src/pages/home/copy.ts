export const homeCopy = {
  title: 'Il mio lavoro',
  welcome: (name: string) => `Ti diamo il benvenuto, ${name}.`,
  profileHeading: 'Il tuo profilo',
  role: 'Ruolo',
  profession: 'Professione',
  organization: 'Ente',
  noOrganization: 'Nessun ente associato',
  email: 'Email',
  summaryHeading: 'La tua giornata',
  referrals: {
    heading: 'Segnalazioni aperte',
    intro: 'Le persone segnalate alle tue équipe che attendono di essere accolte, le più urgenti per prime.',
    noTeams: 'Non fai parte di nessuna équipe: qui compariranno le segnalazioni delle tue équipe.',
    none: 'Nessuna segnalazione aperta.',
    caption: (team: string) => `Segnalazioni aperte di ${team}`,
    person: 'Persona',
    urgency: 'Urgenza',
    date: 'Segnalata il',
    reason: 'Motivo',
    actions: 'Azioni',
    accept: 'Accogli',
    accepting: 'Accoglienza…',
    acceptLabel: (name: string) => `Accogli la segnalazione di ${name}`,
    openLabel: (name: string) => `Apri la scheda di ${name}`,
    open: 'Scheda',
    accepted: (name: string, team: string) => `${name} è ora in carico a ${team}.`,
    count: (shown: number, total: number) =>
      total === 1
        ? 'Una segnalazione aperta.'
        : shown < total
          ? `Le prime ${shown} di ${total} segnalazioni aperte.`
          : `${total} segnalazioni aperte.`,
    showMore: 'Mostra altre',
  },
  projects: {
    title: 'I miei progetti',
    intro: 'I progetti tuoi e delle tue équipe, dalla prossima verifica.',
    none: 'Nessun progetto in corso.',
    nextReview: (date: string) => `Verifica il ${date}`,
    overdueCount: (n: number) => (n === 1 ? 'Una verifica scaduta.' : `${n} verifiche scadute.`),
    all: (n: number) => `Tutti i progetti (${n})`,
  },
  discharges: {
    title: 'Dimissioni in corso',
    intro: 'Le dimissioni protette seguite dalle tue équipe o segnalate da te, dalla data prevista.',
    none: 'Nessuna dimissione in corso.',
    expected: (date: string) => `Prevista il ${date}`,
    overdue: 'In ritardo',
    all: 'Tutte le dimissioni',
  },
  notifications: {
    title: 'Notifiche non lette',
    intro: 'Gli avvisi che ti riguardano.',
    none: 'Nessuna notifica da leggere.',
    all: (n: number) => (n === 0 ? 'Tutte le notifiche' : `Tutte le notifiche (${n} da leggere)`),
  },
} as const;
