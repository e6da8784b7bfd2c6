export const sessionCopy = {
  expiringTitle: 'La sessione sta per scadere',
  expiringText: 'Da qualche minuto non ci sono attività: tra poco la sessione si chiuderà per proteggere i dati.',
  stay: 'Resta collegato',
  signOut: 'Esci',
  lapsedTitle: 'La sessione è scaduta',
  lapsedText:
    "Accedi di nuovo: la pagina resta com'era, con quello che hai scritto. Un'operazione non registrata si ripete premendo di nuovo il suo pulsante.",
} as const;
