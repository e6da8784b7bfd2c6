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
  comingWithRelease: 'Questi dati arriveranno con i prossimi rilasci di Ponte.',
  cards: [
    {
      title: 'I miei progetti',
      text: 'I progetti individuali di cui sei case manager o a cui lavora la tua équipe, con le prossime verifiche e quelle scadute in evidenza.',
    },
    {
      title: 'Segnalazioni aperte',
      text: 'Le segnalazioni e le richieste di accesso arrivate alle tue équipe e al PUA che attendono una presa in carico.',
    },
    {
      title: 'Dimissioni in corso',
      text: 'Le dimissioni protette seguite dalle tue équipe, con le date di dimissione previste e i ritardi.',
    },
    {
      title: 'Notifiche non lette',
      text: 'Gli avvisi che ti riguardano: nuove segnalazioni, cambi di data, valutazioni da firmare.',
    },
  ],
} as const;
