/**
 * Italian labels for every enum of the GraphQL contract, in one place.
 *
 * `src/i18n/enums.test.ts` reads ../schema.graphql and fails when an enum of
 * the schema has no entry here or when the values differ, so a new enum or
 * value on the server is noticed at once. Enums the SPA does not use yet are
 * labelled from the design notes (api.md) ahead of their screens.
 */
import type {
  AgeBand,
  AgendaKind,
  AgendaScope,
  AgreementPartyRole,
  AssessmentReason,
  AssessmentSetting,
  BudgetAgreementStatus,
  CancelReason,
  CareSetting,
  ConsentKind,
  ConsentMethod,
  DiaryKind,
  DiaryParticipantRole,
  DischargeAction,
  DischargeNeed,
  DischargeStatus,
  DocumentKind,
  DocumentSubject,
  Education,
  FiscalCodeMissingReason,
  FundingSource,
  GoalStatus,
  IndicatorDimension,
  Instrument,
  IntegratedPart,
  LifeArea,
  MeetingKind,
  MeetingStatus,
  NetworkAgreementKind,
  NetworkAgreementStatus,
  NeedLevel,
  OrganizationKind,
  Profession,
  ProjectKind,
  ProjectStatus,
  ProviderKind,
  Rater,
  ReferencePersonKind,
  ReferralSource,
  ReferralStatus,
  ResourceKind,
  ResourceUnit,
  Role,
  ServiceKind,
  ServiceScope,
  Sex,
  SocialDomain,
  TargetGroup,
  TimelineKind,
  TransitionRefusalCode,
  TeamKind,
  TeamRole,
  Urgency,
} from '../gql/graphql';

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Amministratore',
  OPERATOR: 'Operatore',
  AUDITOR: 'Revisore (audit)',
  REPORTER: 'Ufficio di Piano (indicatori)',
};

export const professionLabels: Record<Profession, string> = {
  ASSISTENTE_SOCIALE: 'Assistente sociale',
  INFERMIERE: 'Infermiere',
  MMG: 'Medico di medicina generale',
  MEDICO_SPECIALISTA: 'Medico specialista',
  PSICHIATRA: 'Psichiatra',
  PSICOLOGO: 'Psicologo',
  EDUCATORE: 'Educatore professionale',
  TERAPISTA_RIABILITAZIONE: 'Terapista della riabilitazione',
  OPERATORE_SOCIOSANITARIO: 'Operatore socio-sanitario (OSS)',
  OPERATORE_ETS: 'Operatore di ente del Terzo settore',
  AMMINISTRATIVO: 'Personale amministrativo',
  GERIATRA: 'Geriatra',
  FISIATRA: 'Fisiatra',
  NEUROPSICHIATRA_INFANTILE: 'Neuropsichiatra infantile',
  INFERMIERE_DI_FAMIGLIA: 'Infermiere di famiglia e comunità (IFeC)',
  TERAPISTA_OCCUPAZIONALE: 'Terapista occupazionale',
  MEDIATORE_CULTURALE: 'Mediatore culturale',
  OTHER: 'Altra professione',
  ALTRO: 'Altra professione (dicitura precedente)',
};

export const organizationKindLabels: Record<OrganizationKind, string> = {
  ASL: 'Azienda sanitaria locale (ASL)',
  ASST: 'Azienda socio-sanitaria territoriale (ASST)',
  ATS: 'Agenzia di tutela della salute (ATS)',
  OSPEDALE: 'Ospedale',
  COMUNE: 'Comune',
  AMBITO: 'Ambito territoriale sociale',
  DISTRETTO: 'Distretto sociosanitario',
  CASA_DI_COMUNITA: 'Casa di Comunità',
  ETS: 'Ente del Terzo settore (ETS)',
  COOPERATIVA_SOCIALE: 'Cooperativa sociale (tipo non indicato)',
  COOPERATIVA_SOCIALE_A: 'Cooperativa sociale di tipo A',
  COOPERATIVA_SOCIALE_B: 'Cooperativa sociale di tipo B',
  CENTRO_PER_IMPIEGO: "Centro per l'impiego",
  SCUOLA: 'Scuola',
  COT: 'Centrale operativa territoriale (COT)',
  OSPEDALE_DI_COMUNITA: 'Ospedale di Comunità',
  UFFICIO_DI_PIANO: 'Ufficio di Piano',
  ENTE_FORMAZIONE: 'Ente di formazione',
  CML: 'Centro di mediazione al lavoro (CML)',
  OTHER: 'Altro ente',
  ALTRO: 'Altro ente (dicitura precedente)',
};

export const teamKindLabels: Record<TeamKind, string> = {
  UVM: 'Unità di valutazione multidimensionale (UVM)',
  EQUIPE_MULTIDISCIPLINARE: 'Équipe multidisciplinare',
  PUA: 'Punto unico di accesso (PUA)',
  SERVIZIO: 'Servizio',
};

export const teamRoleLabels: Record<TeamRole, string> = { COORDINATOR: 'Coordinatore', MEMBER: 'Componente' };

export const sexLabels: Record<Sex, string> = { F: 'Femmina', M: 'Maschio' };

export const targetGroupLabels: Record<TargetGroup, string> = {
  NON_AUTOSUFFICIENTE: 'Non autosufficienza',
  DISABILITA: 'Disabilità',
  MINORE: 'Minori',
  SENZA_DIMORA: 'Senza dimora',
  SALUTE_MENTALE: 'Salute mentale',
  DIPENDENZE: 'Dipendenze',
  POVERTA: 'Povertà',
};

export const ageBandLabels: Record<AgeBand, string> = {
  UNDER_18: 'Minori (0–17 anni)',
  FROM_18_TO_64: 'Adulti (18–64 anni)',
  FROM_65_TO_79: 'Anziani (65–79 anni)',
  FROM_80: 'Grandi anziani (80 anni e oltre)',
};

export const consentKindLabels: Record<ConsentKind, string> = {
  PRIVACY_NOTICE: 'Informativa sulla privacy ricevuta',
  DATA_SHARING: 'Condivisione dei dati con i servizi della rete',
  EXTRA_PROTECTED_DATA: 'Accesso ai dati a tutela rafforzata',
  CONTACT: 'Contatto telefonico o via email',
};

export const fiscalCodeMissingReasonLabels: Record<FiscalCodeMissingReason, string> = {
  STP: 'Straniero temporaneamente presente (codice STP)',
  ENI: 'Europeo non iscritto (codice ENI)',
  PROVISIONAL: 'Codice fiscale provvisorio (11 cifre)',
  NOT_ASSIGNED: 'Codice non ancora assegnato',
};

export const referencePersonKindLabels: Record<ReferencePersonKind, string> = {
  CAREGIVER: 'Caregiver',
  FAMILY_MEMBER: 'Familiare',
  AMMINISTRATORE_DI_SOSTEGNO: 'Amministratore di sostegno',
  TUTORE: 'Tutore',
  OTHER: 'Altra persona di riferimento',
};

export const referralSourceLabels: Record<ReferralSource, string> = {
  SELF_REFERRAL: 'La persona stessa',
  SELF: 'La persona stessa (dicitura precedente)',
  FAMILY: 'Familiari',
  MMG: 'Medico di medicina generale',
  HOSPITAL: 'Ospedale',
  PRONTO_INTERVENTO_SOCIALE: 'Pronto intervento sociale',
  SCHOOL: 'Scuola',
  SERVICE: 'Altro servizio',
  OTHER: 'Altra provenienza',
};

export const referralStatusLabels: Record<ReferralStatus, string> = {
  OPEN: 'Aperta',
  ACCEPTED: 'Accolta',
  CLOSED: 'Chiusa',
};

export const urgencyLabels: Record<Urgency, string> = {
  ORDINARY: 'Ordinaria',
  PRIORITY: 'Prioritaria',
  URGENT: 'Urgente',
};

export const projectKindLabels: Record<ProjectKind, string> = {
  PAI: 'PAI – Piano assistenziale individualizzato',
  PTRI: 'PTRI – Progetto terapeutico riabilitativo individuale',
  PROGETTO_PERSONALIZZATO: 'Progetto personalizzato',
  PROGETTO_DI_VITA: 'Progetto di vita',
};

export const projectStatusLabels: Record<ProjectStatus, string> = {
  INTAKE: 'Accesso',
  ASSESSMENT: 'Valutazione',
  PLANNING: 'Progettazione',
  ACTIVE: 'Erogazione',
  REVIEW: 'Verifica',
  SUSPENDED: 'Sospensione',
  CLOSED: 'Conclusione',
};

/** What is missing for a move, in a word: the reasons themselves come from the server. */
export const transitionRefusalCodeLabels: Record<TransitionRefusalCode, string> = {
  ALREADY_IN: 'Già in questa fase',
  PROJECT_CLOSED: 'Progetto concluso',
  NOT_ALLOWED: 'Passaggio non consentito',
  MUST_RESUME_TO: 'Ripresa dalla fase sospesa',
  RESUME_STATUS_UNKNOWN: 'Fase sospesa non nota',
  MISSING_CASE_MANAGER: 'Case manager',
  MISSING_TEAM: 'Équipe',
  NO_GOALS: 'Obiettivi',
  NO_ASSESSMENTS: 'Valutazione',
  ASSESSMENT_NOT_SIGNED: 'Firma della valutazione',
  ASSESSMENT_OUTDATED: 'Valutazione da rinnovare',
  MISSING_CONSENT: 'Consenso della persona',
  BUDGET_NOT_AGREED: 'Approvazione del Budget di Salute',
  INTEGRATED_NOT_COSIGNED: 'Sottoscrizione del PAI integrato',
  GOALS_WITHOUT_FINAL_STATUS: 'Esiti degli obiettivi',
  FINAL_SCORES_MISSING: 'Punteggi finali',
  MISSING_CLOSURE_REASON: 'Motivo di chiusura',
};

export const lifeAreaLabels: Record<LifeArea, string> = {
  HEALTH_WELLBEING: 'Benessere e salute',
  HOUSING: 'Abitare',
  WORK_INCOME: 'Inclusione lavorativa e risorse economiche',
  SOCIAL_INCLUSION: 'Inclusione sociale',
};

export const resourceKindLabels: Record<ResourceKind, string> = {
  ECONOMIC: 'Economica',
  PROFESSIONAL: 'Professionale',
  RELATIONAL: 'Relazionale',
};

export const fundingSourceLabels: Record<FundingSource, string> = {
  FNA: 'Fondo per le non autosufficienze (FNA)',
  FNA_B1: 'FNA – misura B1 (disabilità gravissima)',
  FNA_B2: 'FNA – misura B2 (disabilità grave e non autosufficienza)',
  FNPS: 'Fondo nazionale per le politiche sociali (FNPS)',
  FONDO_POVERTA: 'Fondo Povertà',
  PNRR: 'PNRR',
  PN_INCLUSIONE: 'PN Inclusione',
  COMUNE: 'Fondi comunali',
  FONDO_SANITARIO: 'Fondo sanitario (ASL)',
  PRIVATO: 'Risorse private',
  FONDI_REGIONALI: 'Fondi regionali',
  DOPO_DI_NOI: 'Fondo Dopo di noi (L. 112/2016)',
  COMPARTECIPAZIONE_UTENTE: "Compartecipazione dell'utente",
  OTHER: 'Altra fonte',
  ALTRO: 'Altra fonte (dicitura precedente)',
};

export const goalStatusLabels: Record<GoalStatus, string> = {
  OPEN: 'Aperto',
  ACHIEVED: 'Raggiunto',
  PARTLY_ACHIEVED: 'Raggiunto in parte',
  NOT_ACHIEVED: 'Non raggiunto',
  DROPPED: 'Abbandonato',
};

export const serviceKindLabels: Record<ServiceKind, string> = {
  SAD: 'Servizio di assistenza domiciliare (SAD)',
  ADI: 'Assistenza domiciliare integrata (ADI)',
  CENTRO_DIURNO: 'Centro diurno',
  TIROCINIO_INCLUSIONE: 'Tirocinio di inclusione',
  HOUSING_SOCIALE: 'Housing sociale',
  SOLLIEVO: 'Ricoveri di sollievo',
  EDUCATIVA_DOMICILIARE: 'Educativa domiciliare',
  SUPPORTO_PSICOLOGICO: 'Supporto psicologico',
  TRASPORTO: 'Trasporto',
  PASTI: 'Pasti a domicilio',
  INSERIMENTO_LAVORATIVO: 'Inserimento lavorativo',
  RSA: 'RSA',
  OTHER: 'Altro servizio',
  ALTRO: 'Altro servizio (dicitura precedente)',
};

export const providerKindLabels: Record<ProviderKind, string> = {
  ORGANIZATION: 'Ente',
  FAMILY: 'Famiglia',
  PERSON: 'La persona stessa',
};

export const resourceUnitLabels: Record<ResourceUnit, string> = {
  EUR: 'Euro',
  HOURS: 'Ore',
  COMMITMENT: 'Impegno descritto',
};

export const budgetAgreementStatusLabels: Record<BudgetAgreementStatus, string> = {
  NONE: 'Non ancora condiviso',
  PARTIALLY_AGREED: 'Condiviso in parte',
  AGREED: 'Condiviso da tutte le parti',
  TO_RENEW: 'Da ricondividere dopo le modifiche',
};

export const integratedPartLabels: Record<IntegratedPart, string> = {
  HEALTH: 'Parte sanitaria',
  SOCIAL: 'Parte sociale',
};

export const consentMethodLabels: Record<ConsentMethod, string> = {
  SIGNED_PAPER: 'Firma su carta',
  DIGITAL: 'Firma digitale',
  VERBAL_WITH_WITNESS: 'Consenso verbale con testimone',
};

export const raterLabels: Record<Rater, string> = {
  PERSON: 'La persona',
  TEAM: "L'équipe",
};

export const dischargeStatusLabels: Record<DischargeStatus, string> = {
  REPORTED: 'Segnalata',
  ASSESSMENT_SCHEDULED: 'Valutazione programmata',
  PLAN_AGREED: 'Piano concordato',
  DISCHARGED: 'Dimissione avvenuta',
  CANCELLED: 'Annullata',
};

/** The steps of a protected discharge, as the buttons that take them say. */
export const dischargeActionLabels: Record<DischargeAction, string> = {
  SCHEDULE_ASSESSMENT: 'Programma la valutazione UVM',
  AGREE_PLAN: 'Concorda il piano',
  COMPLETE: 'Registra la dimissione',
  CANCEL: 'Annulla la segnalazione',
};

/**
 * Where a person is cared for: the discharge's destination, the plan's and the
 * assessment's recommended setting share this one list.
 */
export const careSettingLabels: Record<CareSetting, string> = {
  HOME: 'Domicilio senza servizi',
  HOME_WITH_SAD: 'Domicilio con SAD',
  HOME_WITH_ADI: 'Domicilio con ADI',
  HOME_WITH_SAD_AND_ADI: 'Domicilio con SAD e ADI',
  RSA: 'RSA',
  RSD: 'RSD',
  OSPEDALE_DI_COMUNITA: 'Ospedale di comunità',
  CURE_INTERMEDIE: 'Cure intermedie',
  HOSPICE: 'Hospice',
  RIABILITAZIONE_POST_ACUTA: 'Riabilitazione post-acuta',
  DAY_CENTRE: 'Centro diurno',
  OTHER: 'Altro',
  HOME_WITH_SERVICES: 'Domicilio con servizi (SAD/ADI, non specificati)',
  RSA_RSD: 'RSA o RSD (non specificato)',
};

/** What a discharge plan arranges for after the hospital. */
export const dischargeNeedLabels: Record<DischargeNeed, string> = {
  SAD: 'SAD (assistenza domiciliare)',
  ADI: 'ADI (assistenza domiciliare integrata)',
  RSA: 'RSA',
  CURE_INTERMEDIE: 'Cure intermedie',
  OSPEDALE_DI_COMUNITA: 'Ospedale di comunità',
  HOSPICE: 'Hospice',
  RIABILITAZIONE: 'Riabilitazione',
  OTHER: 'Altro',
};

export const instrumentLabels: Record<Instrument, string> = {
  BARTHEL: 'Indice di Barthel (ADL)',
  IADL_LAWTON: 'Scala IADL di Lawton',
  SPMSQ: 'SPMSQ di Pfeiffer',
};

export const educationLabels: Record<Education, string> = {
  PRIMARY: 'Licenza elementare o nessuna',
  SECONDARY: 'Scuola secondaria',
  BEYOND_SECONDARY: 'Oltre la scuola secondaria',
};

export const assessmentSettingLabels: Record<AssessmentSetting, string> = {
  DOMICILIO: 'Domicilio',
  OSPEDALE: 'Ospedale',
  STRUTTURA: 'Struttura',
  SERVIZIO: 'Sede del servizio',
};

export const assessmentReasonLabels: Record<AssessmentReason, string> = {
  FIRST_ASSESSMENT: 'Prima valutazione',
  REASSESSMENT: 'Rivalutazione',
  PROTECTED_DISCHARGE: 'Dimissione protetta',
  CHANGE_OF_NEEDS: 'Cambiamento dei bisogni',
};

// Used as a filter value in queries only: codegen emits no type for it.
const assessmentStatusLabels = {
  DRAFT: 'Bozza',
  SIGNED: 'Firmata',
};

export const needLevelLabels: Record<NeedLevel, string> = {
  LOW: 'Basso',
  MEDIUM: 'Medio',
  HIGH: 'Alto',
};

export const socialDomainLabels: Record<SocialDomain, string> = {
  CAREGIVER_NETWORK: 'Rete familiare e caregiver',
  HOUSING: 'Adeguatezza abitativa',
  ECONOMIC: 'Situazione economica',
};

export const cancelReasonLabels: Record<CancelReason, string> = {
  DEATH: 'Decesso',
  TRANSFER: 'Trasferimento',
  REFUSED: 'Rifiuto della persona',
  OTHER: 'Altro motivo',
};

export const networkAgreementKindLabels: Record<NetworkAgreementKind, string> = {
  CONVENZIONE: 'Convenzione',
  PROTOCOLLO_D_INTESA: "Protocollo d'intesa",
  PROCEDURA_OPERATIVA: 'Procedura operativa',
  ACCORDO_DI_PROGRAMMA: 'Accordo di programma',
  CO_PROGETTAZIONE: 'Co-progettazione',
  CO_PROGRAMMAZIONE: 'Co-programmazione',
};

export const networkAgreementStatusLabels: Record<NetworkAgreementStatus, string> = {
  DRAFT: 'Bozza',
  SIGNED: 'Firmato',
  IN_FORCE: 'In vigore',
  EXPIRED: 'Scaduto',
  WITHDRAWN: 'Revocato',
};

export const agreementPartyRoleLabels: Record<AgreementPartyRole, string> = {
  PROMOTER: 'Promotore',
  SIGNATORY: 'Firmatario',
  ETS_PARTNER: 'Partner ETS',
};

export const meetingKindLabels: Record<MeetingKind, string> = {
  FORMAZIONE: 'Formazione',
  SUPERVISIONE: 'Supervisione',
  FORMAZIONE_CAREGIVER: 'Formazione caregiver',
  EQUIPE: 'Équipe',
  COORDINAMENTO: 'Coordinamento',
  CO_PROGETTAZIONE: 'Co-progettazione',
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  PLANNED: 'Programmato',
  HELD: 'Svolto',
  CANCELLED: 'Annullato',
};

export const documentKindLabels: Record<DocumentKind, string> = {
  PAI_FIRMATO: 'PAI firmato',
  CONSENSO: 'Consenso',
  VERBALE_UVM: 'Verbale UVM',
  LETTERA_DIMISSIONE: 'Lettera di dimissione',
  DOCUMENTO_IDENTITA: "Documento d'identità",
  OTHER: 'Altro',
};

export const documentSubjectLabels: Record<DocumentSubject, string> = {
  PERSON: 'Persona',
  PROJECT: 'Progetto',
  ASSESSMENT: 'Valutazione',
  DISCHARGE: 'Dimissione',
  DIARY_ENTRY: 'Nota di diario',
};

export const agendaKindLabels: Record<AgendaKind, string> = {
  REVIEW_DUE: 'Revisione del progetto',
  UVM_ASSESSMENT: 'Valutazione UVM programmata',
  EXPECTED_DISCHARGE: 'Dimissione protetta prevista',
  MEETING: 'Incontro',
  DIARY_FOLLOW_UP: 'Seguito del diario',
};

export const agendaScopeLabels: Record<AgendaScope, string> = {
  MINE: 'Le mie scadenze',
  MY_TEAMS: 'Delle mie équipe',
};

export const diaryKindLabels: Record<DiaryKind, string> = {
  COLLOQUIO: 'Colloquio',
  VISITA_DOMICILIARE: 'Visita domiciliare',
  TELEFONATA: 'Telefonata',
  RIUNIONE_DI_RETE: 'Riunione di rete',
  ACCOMPAGNAMENTO: 'Accompagnamento',
  CONTATTO_SERVIZI: 'Contatto con i servizi',
  OTHER: 'Altro',
};

export const diaryParticipantRoleLabels: Record<DiaryParticipantRole, string> = {
  PERSONA: 'La persona',
  FAMILIARE: 'Familiare',
  ALTRO_SERVIZIO: 'Altro servizio',
  OTHER: 'Altro',
};

/** What an item of the person's timeline is. */
export const timelineKindLabels: Record<TimelineKind, string> = {
  DIARY_ENTRY: 'Nota di diario',
  REFERRAL_OPENED: 'Segnalazione ricevuta',
  REFERRAL_CLOSED: 'Segnalazione chiusa',
  ASSESSMENT: 'Valutazione',
  PROJECT_STEP: 'Passo del progetto',
  DISCHARGE: 'Dimissione protetta',
};

const emailStatusLabels = {
  PENDING: 'In attesa di invio',
  SENDING: 'In invio',
  SENT: 'Inviata',
  DEAD: 'Non recapitata',
};

/** What a service account may do (issue 18.1), with the scope's name as the client system's documentation writes it. */
export const serviceScopeLabels: Record<ServiceScope, string> = {
  DISCHARGES_REPORT: 'Segnalazione dimissioni protette (discharges:report)',
  FHIR_READ: 'Lettura cartella in FHIR (fhir:read)',
  EXPORT_INTERVENTIONS: 'Flusso degli interventi (export:interventions)',
};

const indicatorUnitLabels = {
  COUNT: 'Numero',
  RATIO: 'Rapporto',
  DAYS: 'Giorni',
  EUR: 'Euro',
  HOURS: 'Ore',
};

/** What the parts of an indicator are split by. */
export const indicatorDimensionLabels: Record<IndicatorDimension, string> = {
  LIFE_AREA: 'Area di vita',
  RESOURCE_KIND: 'Tipo di risorsa',
  FUNDING_SOURCE: 'Fonte di finanziamento',
  NETWORK_AGREEMENT_KIND: 'Tipo di accordo',
};

const indicatorBreakdownLabels = {
  NONE: 'Nessuna suddivisione',
  QUARTER: 'Per trimestre',
  MONTH: 'Per mese',
};

/** Every catalogue by the enum's name in the schema. */
export const enumLabels: Record<string, Record<string, string>> = {
  Role: roleLabels,
  Profession: professionLabels,
  OrganizationKind: organizationKindLabels,
  TeamKind: teamKindLabels,
  TeamRole: teamRoleLabels,
  Sex: sexLabels,
  TargetGroup: targetGroupLabels,
  AgeBand: ageBandLabels,
  ConsentKind: consentKindLabels,
  FiscalCodeMissingReason: fiscalCodeMissingReasonLabels,
  ReferencePersonKind: referencePersonKindLabels,
  ReferralSource: referralSourceLabels,
  ReferralStatus: referralStatusLabels,
  Urgency: urgencyLabels,
  ProjectKind: projectKindLabels,
  ProjectStatus: projectStatusLabels,
  TransitionRefusalCode: transitionRefusalCodeLabels,
  LifeArea: lifeAreaLabels,
  ResourceKind: resourceKindLabels,
  FundingSource: fundingSourceLabels,
  GoalStatus: goalStatusLabels,
  ServiceKind: serviceKindLabels,
  ProviderKind: providerKindLabels,
  ResourceUnit: resourceUnitLabels,
  BudgetAgreementStatus: budgetAgreementStatusLabels,
  IntegratedPart: integratedPartLabels,
  ConsentMethod: consentMethodLabels,
  Rater: raterLabels,
  DischargeStatus: dischargeStatusLabels,
  DischargeAction: dischargeActionLabels,
  DischargeNeed: dischargeNeedLabels,
  Instrument: instrumentLabels,
  Education: educationLabels,
  AssessmentSetting: assessmentSettingLabels,
  AssessmentReason: assessmentReasonLabels,
  AssessmentStatus: assessmentStatusLabels,
  NeedLevel: needLevelLabels,
  CareSetting: careSettingLabels,
  SocialDomain: socialDomainLabels,
  CancelReason: cancelReasonLabels,
  EmailStatus: emailStatusLabels,
  IndicatorUnit: indicatorUnitLabels,
  IndicatorBreakdown: indicatorBreakdownLabels,
  IndicatorDimension: indicatorDimensionLabels,
  NetworkAgreementKind: networkAgreementKindLabels,
  NetworkAgreementStatus: networkAgreementStatusLabels,
  AgreementPartyRole: agreementPartyRoleLabels,
  MeetingKind: meetingKindLabels,
  MeetingStatus: meetingStatusLabels,
  DocumentKind: documentKindLabels,
  DocumentSubject: documentSubjectLabels,
  AgendaKind: agendaKindLabels,
  AgendaScope: agendaScopeLabels,
  DiaryKind: diaryKindLabels,
  DiaryParticipantRole: diaryParticipantRoleLabels,
  TimelineKind: timelineKindLabels,
  ServiceScope: serviceScopeLabels,
};

/**
 * Former spellings the server still accepts on input for one release (the
 * schema marks them deprecated) and never returns: labelled, so a stale
 * value still reads in Italian, but never offered in a form.
 */
export const formerSpellings: ReadonlySet<string> = new Set(['ALTRO', 'SELF']);

/**
 * Values stored before a list was refined, still read and accepted for one
 * release but no longer offered: "home with services" (now SAD, ADI or both)
 * and "RSA or RSD" (now apart).
 */
export const legacyValues: ReadonlySet<string> = new Set(['HOME_WITH_SERVICES', 'RSA_RSD']);

/** `[value, label]` pairs in the schema's order, for a `<select>`. */
export function labelOptions<T extends string>(labels: Record<T, string>): Array<[T, string]> {
  return (Object.entries(labels) as Array<[T, string]>).filter(([value]) => !formerSpellings.has(value) && !legacyValues.has(value));
}

/** A value read from the address (`?tipo=`) when the labels know it, else '' (no filter). */
export function knownValue<T extends string>(labels: Record<T, string>, value: string | null): T | '' {
  return value !== null && Object.prototype.hasOwnProperty.call(labels, value) ? (value as T) : '';
}
