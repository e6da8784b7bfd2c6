export const loginCopy = {
  title: 'Accedi a Ponte',
  intro: "Inserisci l'email e la password del tuo account. Se non hai un account, rivolgiti all'amministratore del tuo ente.",
  email: 'Email',
  password: 'Password',
  submit: 'Accedi',
  submitting: 'Accesso in corso…',
  wrongCredentials: 'Email o password non corretti',
  missingEmail: "Inserisci l'email",
  missingPassword: 'Inserisci la password',
  unreachable: 'Ponte non risponde in questo momento: riprova tra poco.',
  retry: 'Riprova',
} as const;
