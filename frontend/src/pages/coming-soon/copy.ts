export type SectionKey = 'projects' | 'discharges' | 'notifications';

export const comingSoonCopy = {
  notice: 'Questa sezione è in preparazione: arriverà con i prossimi rilasci di Ponte.',
  backHome: 'Torna a Il mio lavoro',
  sections: {
    projects: {
      title: 'Progetti',
      text: 'Qui troverai i progetti individuali (PAI, PTRI, progetto personalizzato, progetto di vita) con obiettivi e interventi nelle quattro aree di vita e il Budget di Salute.',
    },
    discharges: {
      title: 'Dimissioni protette',
      text: 'Qui seguirai le dimissioni protette dalla segnalazione del reparto al rientro a domicilio o in struttura, con i ritardi in evidenza.',
    },
    notifications: {
      title: 'Notifiche',
      text: 'Qui leggerai gli avvisi che ti riguardano e potrai segnarli come letti.',
    },
  } satisfies Record<SectionKey, { title: string; text: string }>,
} as const;
