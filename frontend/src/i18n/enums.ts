/**
 * Italian labels for every enum of the GraphQL contract, in one place.
 *
 * `src/i18n/enums.test.ts` reads ../schema.graphql and fails when an enum of
 * the schema has no entry here or when the values differ, so a new enum or
 * value on the server is noticed at once. Enums the SPA does not use yet are
 * labelled from the design notes (api.md) ahead of their screens.
 */
import type { OrganizationKind, Profession, Role } from '../gql/graphql';

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Amministratore',
  OPERATOR: 'Operatore',
  AUDITOR: 'Revisore (audit)',
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
  ALTRO: 'Altra professione',
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
  COOPERATIVA_SOCIALE: 'Cooperativa sociale',
  CENTRO_PER_IMPIEGO: "Centro per l'impiego",
  SCUOLA: 'Scuola',
  ALTRO: 'Altro ente',
};

// Labelled ahead of their screens (names from the design notes, api.md).
const teamKindLabels = {
  UVM: 'Unità di valutazione multidimensionale (UVM)',
  EQUIPE_MULTIDISCIPLINARE: 'Équipe multidisciplinare',
  PUA: 'Punto unico di accesso (PUA)',
  SERVIZIO: 'Servizio',
};

const teamRoleLabels = { COORDINATOR: 'Coordinatore', MEMBER: 'Componente' };

const sexLabels = { F: 'Femmina', M: 'Maschio' };

const targetGroupLabels = {
  NON_AUTOSUFFICIENTE: 'Non autosufficienza',
  DISABILITA: 'Disabilità',
  MINORE: 'Minori',
  SENZA_DIMORA: 'Senza dimora',
  SALUTE_MENTALE: 'Salute mentale',
  DIPENDENZE: 'Dipendenze',
  POVERTA: 'Povertà',
};

const consentKindLabels = {
  PRIVACY_NOTICE: 'Informativa sulla privacy ricevuta',
  DATA_SHARING: 'Condivisione dei dati con i servizi della rete',
  EXTRA_PROTECTED_DATA: 'Accesso ai dati a tutela rafforzata',
  CONTACT: 'Contatto telefonico o via email',
};

const fiscalCodeMissingReasonLabels = {
  STP: 'Straniero temporaneamente presente (codice STP)',
  ENI: 'Europeo non iscritto (codice ENI)',
  PROVISIONAL: 'Codice fiscale provvisorio (11 cifre)',
  NOT_ASSIGNED: 'Codice non ancora assegnato',
};

const referencePersonKindLabels = {
  CAREGIVER: 'Caregiver',
  FAMILY_MEMBER: 'Familiare',
  AMMINISTRATORE_DI_SOSTEGNO: 'Amministratore di sostegno',
  TUTORE: 'Tutore',
  OTHER: 'Altra persona di riferimento',
};

const referralSourceLabels = {
  SELF: 'La persona stessa',
  FAMILY: 'Familiari',
  MMG: 'Medico di medicina generale',
  HOSPITAL: 'Ospedale',
  PRONTO_INTERVENTO_SOCIALE: 'Pronto intervento sociale',
  SCHOOL: 'Scuola',
  SERVICE: 'Altro servizio',
  OTHER: 'Altra provenienza',
};

const referralStatusLabels = {
  OPEN: 'Aperta',
  ACCEPTED: 'Presa in carico',
  CLOSED: 'Chiusa',
};

const urgencyLabels = {
  ORDINARY: 'Ordinaria',
  PRIORITY: 'Prioritaria',
  URGENT: 'Urgente',
};

const projectKindLabels = {
  PAI: 'PAI – Piano assistenziale individualizzato',
  PTRI: 'PTRI – Progetto terapeutico riabilitativo individuale',
  PROGETTO_PERSONALIZZATO: 'Progetto personalizzato',
  PROGETTO_DI_VITA: 'Progetto di vita',
};

const projectStatusLabels = {
  INTAKE: 'Accesso',
  ASSESSMENT: 'Valutazione',
  PLANNING: 'Progettazione',
  ACTIVE: 'In corso',
  REVIEW: 'In verifica',
  SUSPENDED: 'Sospeso',
  CLOSED: 'Concluso',
};

const lifeAreaLabels = {
  HEALTH_WELLBEING: 'Benessere e salute',
  HOUSING: 'Abitare',
  WORK_INCOME: 'Inclusione lavorativa e risorse economiche',
  SOCIAL_INCLUSION: 'Inclusione sociale',
};

const resourceKindLabels = {
  ECONOMIC: 'Economica',
  PROFESSIONAL: 'Professionale',
  RELATIONAL: 'Relazionale',
};

const fundingSourceLabels = {
  FNA: 'Fondo per le non autosufficienze (FNA)',
  FNPS: 'Fondo nazionale per le politiche sociali (FNPS)',
  FONDO_POVERTA: 'Fondo Povertà',
  PNRR: 'PNRR',
  PN_INCLUSIONE: 'PN Inclusione',
  COMUNE: 'Fondi comunali',
  FONDO_SANITARIO: 'Fondo sanitario (ASL)',
  PRIVATO: 'Risorse private',
  ALTRO: 'Altra fonte',
};

const dischargeStatusLabels = {
  REPORTED: 'Segnalata',
  ASSESSMENT_SCHEDULED: 'Valutazione programmata',
  PLAN_AGREED: 'Piano concordato',
  DISCHARGED: 'Dimissione avvenuta',
  CANCELLED: 'Annullata',
};

const dischargeDestinationLabels = {
  HOME: 'Domicilio',
  HOME_WITH_SERVICES: 'Domicilio con servizi',
  RSA: 'RSA',
  CURE_INTERMEDIE: 'Cure intermedie',
  OTHER: 'Altra destinazione',
};

const instrumentLabels = {
  BARTHEL: 'Indice di Barthel (ADL)',
  IADL_LAWTON: 'Scala IADL di Lawton',
  SPMSQ: 'SPMSQ di Pfeiffer',
};

const educationLabels = {
  PRIMARY: 'Licenza elementare o nessuna',
  SECONDARY: 'Scuola secondaria',
  BEYOND_SECONDARY: 'Oltre la scuola secondaria',
};

const assessmentSettingLabels = {
  DOMICILIO: 'Domicilio',
  OSPEDALE: 'Ospedale',
  STRUTTURA: 'Struttura',
  SERVIZIO: 'Sede del servizio',
};

const assessmentReasonLabels = {
  FIRST_ASSESSMENT: 'Prima valutazione',
  REASSESSMENT: 'Rivalutazione',
  PROTECTED_DISCHARGE: 'Dimissione protetta',
  CHANGE_OF_NEEDS: 'Cambiamento dei bisogni',
};

const needLevelLabels = {
  LOW: 'Basso',
  MEDIUM: 'Medio',
  HIGH: 'Alto',
};

const recommendedSettingLabels = {
  HOME: 'Domicilio',
  HOME_WITH_SAD: 'Domicilio con SAD',
  HOME_WITH_ADI: 'Domicilio con ADI',
  DAY_CENTRE: 'Centro diurno',
  RSA_RSD: 'RSA / RSD',
  CURE_INTERMEDIE: 'Cure intermedie',
  OTHER: 'Altro',
};

const socialDomainLabels = {
  CAREGIVER_NETWORK: 'Rete familiare e caregiver',
  HOUSING: 'Adeguatezza abitativa',
  ECONOMIC: 'Situazione economica',
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
  ConsentKind: consentKindLabels,
  FiscalCodeMissingReason: fiscalCodeMissingReasonLabels,
  ReferencePersonKind: referencePersonKindLabels,
  ReferralSource: referralSourceLabels,
  ReferralStatus: referralStatusLabels,
  Urgency: urgencyLabels,
  ProjectKind: projectKindLabels,
  ProjectStatus: projectStatusLabels,
  LifeArea: lifeAreaLabels,
  ResourceKind: resourceKindLabels,
  FundingSource: fundingSourceLabels,
  DischargeStatus: dischargeStatusLabels,
  DischargeDestination: dischargeDestinationLabels,
  Instrument: instrumentLabels,
  Education: educationLabels,
  AssessmentSetting: assessmentSettingLabels,
  AssessmentReason: assessmentReasonLabels,
  NeedLevel: needLevelLabels,
  RecommendedSetting: recommendedSettingLabels,
  SocialDomain: socialDomainLabels,
};

/** `[value, label]` pairs in the schema's order, for a `<select>`. */
export function labelOptions<T extends string>(labels: Record<T, string>): Array<[T, string]> {
  return Object.entries(labels) as Array<[T, string]>;
}
