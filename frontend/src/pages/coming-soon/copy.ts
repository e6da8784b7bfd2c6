export type SectionKey = 'persons' | 'projects' | 'assessments' | 'discharges' | 'notifications';

export const comingSoonCopy = {
  notice: 'Questa sezione è in preparazione: arriverà con i prossimi rilasci di Ponte.',
  backHome: 'Torna a Il mio lavoro',
  sections: {
    persons: {
      title: 'Persone',
      text: 'Qui cercherai le persone seguite per nome o codice fiscale, ne registrerai di nuove e consulterai la loro scheda: persone di riferimento, segnalazioni, progetti, valutazioni e dimissioni.',
    },
    projects: {
      title: 'Progetti',
      text: 'Qui troverai i progetti individuali (PAI, PTRI, progetto personalizzato, progetto di vita) con obiettivi e interventi nelle quattro aree di vita e il Budget di Salute.',
    },
    assessments: {
      title: 'Valutazioni',
      text: 'Qui registrerai le valutazioni multidimensionali della UVM (Barthel, IADL, SPMSQ e domini sociali), con il punteggio calcolato e la firma.',
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
