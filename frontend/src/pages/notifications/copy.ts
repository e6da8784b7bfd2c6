export const notificationsCopy = {
  title: 'Notifiche',
  intro:
    'Gli avvisi che ti riguardano, dal più recente. Contengono solo le iniziali della persona: i dettagli sono nella pagina collegata.',
  filter: 'Mostra',
  filters: { all: 'Tutte', unread: 'Solo da leggere' },
  caption: 'Notifiche, dalla più recente',
  unread: 'Da leggere',
  readOn: (when: string) => `Letta il ${when}`,
  open: 'Apri',
  markRead: 'Segna come letta',
  markReadLabel: (title: string) => `Segna come letta: ${title}`,
  marked: 'Notifica segnata come letta.',
  markAll: 'Segna tutte come lette',
  allMarked: (count: number) =>
    count === 0
      ? 'Nessuna notifica da segnare.'
      : count === 1
        ? 'Una notifica segnata come letta.'
        : `${count} notifiche segnate come lette.`,
  none: 'Nessuna notifica.',
  noneUnread: 'Nessuna notifica da leggere.',
  summary: (shown: number, total: number) => (total === 1 ? 'Una notifica.' : `Mostrate ${shown} notifiche su ${total}.`),
  kinds: {
    DISCHARGE_REPORTED: 'Nuova dimissione protetta',
    DISCHARGE_DATE_CHANGED: 'Data di dimissione cambiata',
    DISCHARGE_PLAN_MISSING: 'Promemoria',
    DISCHARGE_COMPLETED: 'Dimissione avvenuta',
    DISCHARGE_CANCELLED: 'Dimissione annullata',
  } as Record<string, string>,
} as const;
