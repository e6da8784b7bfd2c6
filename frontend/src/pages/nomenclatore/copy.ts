export const nomenclatoreCopy = {
  title: 'Nomenclatore',
  intro:
    'Il codice e la voce del nomenclatore nazionale degli interventi e servizi sociali per ciascun tipo di intervento di Ponte: il flusso degli interventi li riporta in ogni riga. Ponte non inventa codici ufficiali: li imposta l’amministrazione.',
  readOnly: 'Puoi consultare i codici; li modifica l’amministrazione.',
  forbidden: 'Questa pagina è riservata agli amministratori e agli uffici di piano.',
  unmappedSummary: (n: number) =>
    n === 0
      ? 'Ogni tipo di intervento ha il suo codice.'
      : n === 1
        ? 'Un tipo di intervento è senza codice: finché manca, il flusso degli interventi non si scarica per un periodo in cui è stato erogato.'
        : `${n} tipi di intervento sono senza codice: finché manca, il flusso degli interventi non si scarica per un periodo in cui sono stati erogati.`,
  caption: 'Codici del nomenclatore per tipo di intervento',
  kind: 'Tipo di intervento',
  code: 'Codice',
  label: 'Voce del nomenclatore',
  mapping: 'Codice e voce del nomenclatore',
  actions: 'Azioni',
  unmapped: 'Senza codice',
  updatedAt: (date: string) => `Aggiornato il ${date}`,
  edit: 'Modifica',
  set: 'Imposta',
  editLabel: (kind: string) => `Modifica il codice di ${kind}`,
  setLabel: (kind: string) => `Imposta il codice di ${kind}`,
  save: 'Salva',
  saved: (kind: string) => `Codice di ${kind} salvato.`,
  missing: { code: 'Inserisci il codice', label: 'Inserisci la voce' },
} as const;
