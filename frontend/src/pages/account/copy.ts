export const accountCopy = {
  title: 'Cambia password',
  intro: 'Per cambiare la password serve quella attuale. Le altre sessioni aperte con il tuo account saranno chiuse.',
  mustChange:
    "L'amministratore ha impostato per te una password temporanea: scegline una tua per continuare. Come password attuale scrivi quella temporanea.",
  currentPassword: 'Password attuale',
  newPassword: 'Nuova password',
  newPasswordHint: 'Almeno 12 caratteri: ad esempio tre o quattro parole che ricordi facilmente.',
  confirmPassword: 'Ripeti la nuova password',
  submit: 'Cambia password',
  working: 'Salvataggio…',
  changed: 'Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.',
  missing: {
    currentPassword: 'Inserisci la password attuale',
    newPassword: 'Inserisci la nuova password',
    confirmPassword: 'Ripeti la nuova password',
  },
  tooShort: (length: number) => `La password deve avere almeno 12 caratteri (ora ne ha ${length}).`,
  different: 'Le due password non coincidono',
  same: 'La nuova password deve essere diversa da quella attuale',
} as const;
