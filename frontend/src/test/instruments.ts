/**
 * The three instruments as the server publishes them (the `instruments`
 * query of the demo server, copied): the unit tests render and score forms
 * from these, as the app does from the live answer.
 */
import type { InstrumentDefinition } from '../pages/assessment/instruments';

export const instrumentDefinitions: InstrumentDefinition[] = [
  {
    code: 'BARTHEL',
    name: 'Indice di Barthel (ADL)',
    description: 'Autonomia nelle attività di base della vita quotidiana: da 0 (dipendenza totale) a 100 (autonomia completa).',
    minScore: 0,
    maxScore: 100,
    higherIsBetter: true,
    usesEducation: false,
    educationAdjustments: [],
    items: [
      {
        code: 'FEEDING',
        label: 'Alimentazione',
        options: [
          { value: 0, label: 'Incapace', points: 0 },
          { value: 5, label: 'Necessita di aiuto (tagliare, spalmare)', points: 5 },
          { value: 10, label: 'Autonomo', points: 10 },
        ],
      },
      {
        code: 'BATHING',
        label: 'Fare il bagno o la doccia',
        options: [
          { value: 0, label: 'Dipendente', points: 0 },
          { value: 5, label: 'Autonomo (senza supervisione)', points: 5 },
        ],
      },
      {
        code: 'GROOMING',
        label: 'Igiene personale',
        options: [
          { value: 0, label: 'Necessita di aiuto', points: 0 },
          { value: 5, label: 'Autonomo nel lavarsi il viso, pettinarsi, lavarsi i denti, radersi', points: 5 },
        ],
      },
      {
        code: 'DRESSING',
        label: 'Vestirsi',
        options: [
          { value: 0, label: 'Dipendente', points: 0 },
          { value: 5, label: 'Necessita di aiuto, ma fa da solo circa metà del compito', points: 5 },
          { value: 10, label: 'Autonomo (compresi bottoni, cerniere, lacci)', points: 10 },
        ],
      },
      {
        code: 'BOWELS',
        label: 'Controllo intestinale',
        options: [
          { value: 0, label: 'Incontinente (o necessita di clisteri)', points: 0 },
          { value: 5, label: 'Incidenti occasionali (al massimo una volta alla settimana)', points: 5 },
          { value: 10, label: 'Continente', points: 10 },
        ],
      },
      {
        code: 'BLADDER',
        label: 'Controllo vescicale',
        options: [
          { value: 0, label: 'Incontinente, o cateterizzato e incapace di gestirsi', points: 0 },
          { value: 5, label: 'Incidenti occasionali (al massimo una volta nelle 24 ore)', points: 5 },
          { value: 10, label: 'Continente', points: 10 },
        ],
      },
      {
        code: 'TOILET_USE',
        label: 'Uso del WC',
        options: [
          { value: 0, label: 'Dipendente', points: 0 },
          { value: 5, label: 'Necessita di qualche aiuto, ma fa alcune cose da solo', points: 5 },
          { value: 10, label: 'Autonomo (sedersi e alzarsi, vestirsi, pulirsi)', points: 10 },
        ],
      },
      {
        code: 'TRANSFERS',
        label: 'Trasferimenti letto-sedia',
        options: [
          { value: 0, label: "Incapace, non mantiene l'equilibrio da seduto", points: 0 },
          { value: 5, label: 'Necessita di molto aiuto (una o due persone), sta seduto da solo', points: 5 },
          { value: 10, label: 'Necessita di poco aiuto (verbale o fisico)', points: 10 },
          { value: 15, label: 'Autonomo', points: 15 },
        ],
      },
      {
        code: 'MOBILITY',
        label: 'Deambulazione su superfici piane',
        options: [
          { value: 0, label: 'Immobile, o percorre meno di 50 metri', points: 0 },
          { value: 5, label: 'Autonomo in carrozzina, anche nelle curve, per oltre 50 metri', points: 5 },
          { value: 10, label: "Cammina con l'aiuto di una persona (verbale o fisico) per oltre 50 metri", points: 10 },
          { value: 15, label: 'Autonomo, anche con ausili (es. bastone), per oltre 50 metri', points: 15 },
        ],
      },
      {
        code: 'STAIRS',
        label: 'Scale',
        options: [
          { value: 0, label: 'Incapace', points: 0 },
          { value: 5, label: 'Necessita di aiuto (verbale, fisico, ausili)', points: 5 },
          { value: 10, label: 'Autonomo', points: 10 },
        ],
      },
    ],
    bands: [
      { code: 'TOTAL_DEPENDENCY', label: 'Dipendenza totale', min: 0, max: 20 },
      { code: 'SEVERE', label: 'Dipendenza grave', min: 21, max: 60 },
      { code: 'MODERATE', label: 'Dipendenza moderata', min: 61, max: 90 },
      { code: 'SLIGHT', label: 'Dipendenza lieve', min: 91, max: 99 },
      { code: 'INDEPENDENT', label: 'Autonomo', min: 100, max: 100 },
    ],
  },
  {
    code: 'IADL_LAWTON',
    name: 'Scala IADL di Lawton',
    description:
      'Autonomia nelle attività strumentali della vita quotidiana: da 0 (dipendenza in tutte le attività) a 8 (autonomia completa). Le fasce sono locali, non normative: la scala non ha soglie pubblicate, le decisioni si basano sul punteggio e sulle singole attività.',
    minScore: 0,
    maxScore: 8,
    higherIsBetter: true,
    usesEducation: false,
    educationAdjustments: [],
    items: [
      {
        code: 'TELEPHONE',
        label: 'Uso del telefono',
        options: [
          { value: 1, label: 'Usa il telefono di propria iniziativa: cerca e compone i numeri', points: 1 },
          { value: 2, label: 'Compone solo alcuni numeri ben conosciuti', points: 1 },
          { value: 3, label: 'Risponde al telefono, ma non è in grado di chiamare', points: 1 },
          { value: 4, label: 'Non è in grado di usare il telefono', points: 0 },
        ],
      },
      {
        code: 'SHOPPING',
        label: 'Fare la spesa',
        options: [
          { value: 1, label: 'Fa tutte le proprie spese senza aiuto', points: 1 },
          { value: 2, label: 'Fa da solo solo piccoli acquisti', points: 0 },
          { value: 3, label: 'Ha bisogno di essere accompagnato per qualsiasi acquisto', points: 0 },
          { value: 4, label: 'È del tutto incapace di fare la spesa', points: 0 },
        ],
      },
      {
        code: 'FOOD_PREPARATION',
        label: 'Preparazione dei pasti',
        options: [
          { value: 1, label: 'Organizza, prepara e serve da solo pasti adeguati', points: 1 },
          { value: 2, label: 'Prepara pasti adeguati solo se gli vengono forniti gli ingredienti', points: 0 },
          { value: 3, label: 'Scalda e serve pasti già pronti, o prepara pasti senza seguire una dieta adeguata', points: 0 },
          { value: 4, label: 'Ha bisogno che i pasti gli siano preparati e serviti', points: 0 },
        ],
      },
      {
        code: 'HOUSEKEEPING',
        label: 'Governo della casa',
        options: [
          { value: 1, label: 'Cura la casa da solo o con aiuto occasionale (es. lavori pesanti)', points: 1 },
          { value: 2, label: 'Svolge lavori domestici leggeri (lavare i piatti, rifare il letto)', points: 1 },
          { value: 3, label: 'Svolge lavori domestici leggeri, ma senza mantenere un livello accettabile di pulizia', points: 1 },
          { value: 4, label: 'Ha bisogno di aiuto in tutte le attività domestiche', points: 1 },
          { value: 5, label: 'Non partecipa ad alcuna attività domestica', points: 0 },
        ],
      },
      {
        code: 'LAUNDRY',
        label: 'Lavaggio della biancheria',
        options: [
          { value: 1, label: 'Lava da solo tutta la propria biancheria', points: 1 },
          { value: 2, label: 'Lava solo piccoli capi (calze, fazzoletti)', points: 1 },
          { value: 3, label: 'Tutta la biancheria deve essere lavata da altri', points: 0 },
        ],
      },
      {
        code: 'TRANSPORTATION',
        label: 'Uso dei mezzi di trasporto',
        options: [
          { value: 1, label: 'Si sposta da solo con i mezzi pubblici o guida la propria auto', points: 1 },
          { value: 2, label: 'Si sposta in taxi, ma non usa i mezzi pubblici', points: 1 },
          { value: 3, label: 'Usa i mezzi pubblici se accompagnato', points: 1 },
          { value: 4, label: 'Si sposta solo in taxi o in auto, accompagnato da altri', points: 0 },
          { value: 5, label: 'Non si sposta affatto', points: 0 },
        ],
      },
      {
        code: 'MEDICATIONS',
        label: 'Assunzione dei farmaci',
        options: [
          { value: 1, label: 'Prende da solo i farmaci prescritti, nelle dosi e nei tempi giusti', points: 1 },
          { value: 2, label: 'Prende i farmaci se preparati in anticipo in dosi separate', points: 0 },
          { value: 3, label: 'Non è in grado di prendere i farmaci da solo', points: 0 },
        ],
      },
      {
        code: 'FINANCES',
        label: 'Gestione del denaro',
        options: [
          { value: 1, label: 'Gestisce da solo le proprie finanze (pagamenti, banca, entrate)', points: 1 },
          { value: 2, label: 'Gestisce gli acquisti quotidiani, ma ha bisogno di aiuto per banca e spese importanti', points: 1 },
          { value: 3, label: 'Non è in grado di gestire il denaro', points: 0 },
        ],
      },
    ],
    bands: [
      { code: 'SEVERE', label: 'Dipendenza grave (fascia locale, non normativa)', min: 0, max: 2 },
      { code: 'PARTIAL', label: 'Dipendenza parziale (fascia locale, non normativa)', min: 3, max: 5 },
      { code: 'MILD', label: 'Dipendenza lieve (fascia locale, non normativa)', min: 6, max: 7 },
      { code: 'INDEPENDENT', label: 'Autonomo (fascia locale, non normativa)', min: 8, max: 8 },
    ],
  },
  {
    code: 'SPMSQ',
    name: 'SPMSQ (Short Portable Mental Status Questionnaire di Pfeiffer)',
    description:
      'Screening delle funzioni cognitive: numero di errori su 10 domande, corretto per il livello di istruzione (0 = nessun errore, 10 = tutti errati).',
    minScore: 0,
    maxScore: 10,
    higherIsBetter: false,
    usesEducation: true,
    educationAdjustments: [
      { education: 'PRIMARY', scoreChange: -1 },
      { education: 'SECONDARY', scoreChange: 0 },
      { education: 'BEYOND_SECONDARY', scoreChange: 1 },
    ],
    items: [
      {
        code: 'DATE',
        label: 'Che giorno è oggi? (giorno, mese e anno)',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'WEEKDAY',
        label: 'Che giorno della settimana è?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'PLACE',
        label: 'Come si chiama questo luogo?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'PHONE_OR_ADDRESS',
        label: 'Qual è il suo numero di telefono? (se non ha il telefono: qual è il suo indirizzo?)',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'AGE',
        label: 'Quanti anni ha?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'BIRTH_DATE',
        label: 'Qual è la sua data di nascita?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'PRESIDENT',
        label: "Chi è l'attuale Presidente della Repubblica?",
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'PREVIOUS_PRESIDENT',
        label: 'Chi era il Presidente della Repubblica precedente?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'MOTHER_MAIDEN_NAME',
        label: 'Qual era il cognome da nubile di sua madre?',
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
      {
        code: 'SUBTRACTION',
        label: "Sottragga 3 da 20 e continui a sottrarre 3 fino in fondo (corretta solo se l'intera serie è esatta)",
        options: [
          { value: 0, label: 'Risposta corretta', points: 0 },
          { value: 1, label: 'Errore', points: 1 },
        ],
      },
    ],
    bands: [
      { code: 'INTACT', label: 'Funzioni cognitive integre', min: 0, max: 2 },
      { code: 'MILD', label: 'Deterioramento cognitivo lieve', min: 3, max: 4 },
      { code: 'MODERATE', label: 'Deterioramento cognitivo moderato', min: 5, max: 7 },
      { code: 'SEVERE', label: 'Deterioramento cognitivo grave', min: 8, max: 10 },
    ],
  },
];

export const [barthel, iadlLawton, spmsq] = instrumentDefinitions;

/** A moderate Barthel profile, an answer from each item's options: 10+0+5+5+10+10+10+15+15+5 = 85. */
export const moderateBarthel = {
  FEEDING: 10,
  BATHING: 0,
  GROOMING: 5,
  DRESSING: 5,
  BOWELS: 10,
  BLADDER: 10,
  TOILET_USE: 10,
  TRANSFERS: 15,
  MOBILITY: 15,
  STAIRS: 5,
};
