//! Closed vocabularies: every list of values Ponte stores or exchanges,
//! written once, here.
//!
//! Each value is stored as its SCREAMING_SNAKE_CASE text and exposed under
//! the same name by the GraphQL schema. The list is a macro,
//! [`with_vocabularies!`](crate::with_vocabularies), so that the adapters
//! declare their side from it instead of copying it: this crate makes plain
//! enums of it (with the storage mapping when the `storage` feature is on),
//! the server's `graphql::vocabulary` makes the GraphQL mirrors and their
//! conversions. A value renamed in the public API keeps its former spelling
//! on input for one release: `Other = "OTHER" (formerly Altro = "ALTRO")`.

use std::fmt;

/// What every vocabulary offers to generic code (decoding, tests).
pub trait Vocabulary: Copy + Eq + fmt::Debug + 'static {
    /// The enum's name, as in the GraphQL schema and in error messages.
    const NAME: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The stored and exchanged text.
    fn as_str(self) -> &'static str;
    /// Exact match only: any other spelling is unknown.
    fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == text)
    }
}

/// Calls `$callback! { … }` with every vocabulary of Ponte: the one list.
#[macro_export]
macro_rules! with_vocabularies {
    ($callback:ident) => {
        $callback! {
            /// What a user may do by role; case data needs a team responsibility on top.
            Role {
                Admin = "ADMIN",
                Operator = "OPERATOR",
                Auditor = "AUDITOR",
                /// Ufficio di Piano, ATS or ASST planning office: reads the indicators
                /// of its territories, never a person, a project or an assessment.
                Reporter = "REPORTER",
            }

            Profession {
                AssistenteSociale = "ASSISTENTE_SOCIALE",
                Infermiere = "INFERMIERE",
                Mmg = "MMG",
                MedicoSpecialista = "MEDICO_SPECIALISTA",
                Psichiatra = "PSICHIATRA",
                Psicologo = "PSICOLOGO",
                Educatore = "EDUCATORE",
                TerapistaRiabilitazione = "TERAPISTA_RIABILITAZIONE",
                OperatoreSociosanitario = "OPERATORE_SOCIOSANITARIO",
                OperatoreEts = "OPERATORE_ETS",
                Amministrativo = "AMMINISTRATIVO",
                Geriatra = "GERIATRA",
                Fisiatra = "FISIATRA",
                NeuropsichiatraInfantile = "NEUROPSICHIATRA_INFANTILE",
                /// Infermiere di famiglia e comunità (IFeC).
                InfermiereDiFamiglia = "INFERMIERE_DI_FAMIGLIA",
                TerapistaOccupazionale = "TERAPISTA_OCCUPAZIONALE",
                MediatoreCulturale = "MEDIATORE_CULTURALE",
                Other = "OTHER" (formerly Altro = "ALTRO"),
            }

            OrganizationKind {
                Asl = "ASL",
                Asst = "ASST",
                Ats = "ATS",
                Ospedale = "OSPEDALE",
                Comune = "COMUNE",
                Ambito = "AMBITO",
                Distretto = "DISTRETTO",
                CasaDiComunita = "CASA_DI_COMUNITA",
                Ets = "ETS",
                /// A cooperative whose type (A or B) was not recorded: rows
                /// stored before the two types existed cannot be split.
                CooperativaSociale = "COOPERATIVA_SOCIALE",
                /// Tipo A: social, health and educational services (L. 381/1991).
                CooperativaSocialeA = "COOPERATIVA_SOCIALE_A",
                /// Tipo B: work integration of disadvantaged people (L. 381/1991).
                CooperativaSocialeB = "COOPERATIVA_SOCIALE_B",
                CentroPerImpiego = "CENTRO_PER_IMPIEGO",
                Scuola = "SCUOLA",
                /// Centrale operativa territoriale.
                Cot = "COT",
                OspedaleDiComunita = "OSPEDALE_DI_COMUNITA",
                UfficioDiPiano = "UFFICIO_DI_PIANO",
                EnteFormazione = "ENTE_FORMAZIONE",
                /// Centro di mediazione al lavoro.
                Cml = "CML",
                Other = "OTHER" (formerly Altro = "ALTRO"),
            }

            /// As encoded in the codice fiscale; used to cross-check it.
            Sex {
                F = "F",
                M = "M",
            }

            TargetGroup {
                NonAutosufficiente = "NON_AUTOSUFFICIENTE",
                Disabilita = "DISABILITA",
                Minore = "MINORE",
                SenzaDimora = "SENZA_DIMORA",
                SaluteMentale = "SALUTE_MENTALE",
                Dipendenze = "DIPENDENZE",
                Poverta = "POVERTA",
            }

            /// Age bands the persons list filters by (`person_identity::birth_dates_in`):
            /// minors, adults, the elderly the indicators count from 65, and the
            /// oldest, whose care most often needs a UVM.
            AgeBand {
                Under18 = "UNDER_18",
                From18To64 = "FROM_18_TO_64",
                From65To79 = "FROM_65_TO_79",
                From80 = "FROM_80",
            }

            /// Why a person has no codice fiscale: never a made-up one instead.
            FiscalCodeMissingReason {
                /// Straniero Temporaneamente Presente: an STP code is recorded.
                Stp = "STP",
                /// Europeo Non Iscritto: an ENI code is recorded.
                Eni = "ENI",
                /// An 11-digit provisional code is recorded.
                Provisional = "PROVISIONAL",
                /// Not assigned yet, no code at all.
                NotAssigned = "NOT_ASSIGNED",
            }

            ReferencePersonKind {
                Caregiver = "CAREGIVER",
                FamilyMember = "FAMILY_MEMBER",
                AmministratoreDiSostegno = "AMMINISTRATORE_DI_SOSTEGNO",
                Tutore = "TUTORE",
                Other = "OTHER",
            }

            ConsentKind {
                /// The person received the privacy notice (informativa).
                PrivacyNotice = "PRIVACY_NOTICE",
                /// Sharing the record with the other services of the network.
                DataSharing = "DATA_SHARING",
                /// Extra-protected data (HIV, addiction, violence, abortion) may be seen by the team.
                ExtraProtectedData = "EXTRA_PROTECTED_DATA",
                /// Being contacted by phone or email.
                Contact = "CONTACT",
            }

            TeamKind {
                Uvm = "UVM",
                EquipeMultidisciplinare = "EQUIPE_MULTIDISCIPLINARE",
                Pua = "PUA",
                Servizio = "SERVIZIO",
            }

            TeamRole {
                Coordinator = "COORDINATOR",
                Member = "MEMBER",
            }

            ReferralSource {
                SelfReferral = "SELF_REFERRAL" (formerly SelfOld = "SELF"),
                Family = "FAMILY",
                Mmg = "MMG",
                Hospital = "HOSPITAL",
                ProntoInterventoSociale = "PRONTO_INTERVENTO_SOCIALE",
                School = "SCHOOL",
                Service = "SERVICE",
                Other = "OTHER",
            }

            Urgency {
                Ordinary = "ORDINARY",
                Priority = "PRIORITY",
                Urgent = "URGENT",
            }

            /// OPEN and ACCEPTED referrals make the team responsible for the person.
            ReferralStatus {
                Open = "OPEN",
                Accepted = "ACCEPTED",
                Closed = "CLOSED",
            }

            /// The standard instruments the server scores (see `domain::instruments`).
            Instrument {
                /// Barthel Index of activities of daily living, 0–100.
                Barthel = "BARTHEL",
                /// Lawton instrumental activities of daily living, 0–8.
                IadlLawton = "IADL_LAWTON",
                /// Pfeiffer Short Portable Mental Status Questionnaire, errors 0–10.
                Spmsq = "SPMSQ",
            }

            /// Schooling, which adjusts the SPMSQ error count.
            Education {
                /// Scuola primaria (elementare) at most.
                Primary = "PRIMARY",
                /// Scuola secondaria (media or superiore).
                Secondary = "SECONDARY",
                /// Beyond secondary school: university or equivalent.
                BeyondSecondary = "BEYOND_SECONDARY",
            }

            AssessmentSetting {
                Domicilio = "DOMICILIO",
                Ospedale = "OSPEDALE",
                Struttura = "STRUTTURA",
                Servizio = "SERVIZIO",
            }

            AssessmentReason {
                FirstAssessment = "FIRST_ASSESSMENT",
                Reassessment = "REASSESSMENT",
                ProtectedDischarge = "PROTECTED_DISCHARGE",
                ChangeOfNeeds = "CHANGE_OF_NEEDS",
            }

            /// Whether an assessment is still a draft or signed (and from
            /// then on immutable): a filter of the lists, not a column.
            AssessmentStatus {
                Draft = "DRAFT",
                Signed = "SIGNED",
            }

            NeedLevel {
                Low = "LOW",
                Medium = "MEDIUM",
                High = "HIGH",
            }

            /// Social domains rated 1 (adequate) to 3 (critical).
            SocialDomain {
                CaregiverNetwork = "CAREGIVER_NETWORK",
                Housing = "HOUSING",
                Economic = "ECONOMIC",
            }

            ProjectKind {
                Pai = "PAI",
                Ptri = "PTRI",
                ProgettoPersonalizzato = "PROGETTO_PERSONALIZZATO",
                ProgettoDiVita = "PROGETTO_DI_VITA",
            }

            /// The states of an individual project; the rules are in `project_lifecycle`.
            ProjectStatus {
                Intake = "INTAKE",
                Assessment = "ASSESSMENT",
                Planning = "PLANNING",
                Active = "ACTIVE",
                Review = "REVIEW",
                Suspended = "SUSPENDED",
                Closed = "CLOSED",
            }

            /// Why a project cannot move now (`project_lifecycle::TransitionRefusal`),
            /// as a screen tells which section fixes it; the Italian reason
            /// travels beside it.
            TransitionRefusalCode {
                AlreadyIn = "ALREADY_IN",
                ProjectClosed = "PROJECT_CLOSED",
                NotAllowed = "NOT_ALLOWED",
                MustResumeTo = "MUST_RESUME_TO",
                ResumeStatusUnknown = "RESUME_STATUS_UNKNOWN",
                MissingCaseManager = "MISSING_CASE_MANAGER",
                MissingTeam = "MISSING_TEAM",
                NoGoals = "NO_GOALS",
                NoAssessments = "NO_ASSESSMENTS",
                AssessmentNotSigned = "ASSESSMENT_NOT_SIGNED",
                AssessmentOutdated = "ASSESSMENT_OUTDATED",
                MissingConsent = "MISSING_CONSENT",
                BudgetNotAgreed = "BUDGET_NOT_AGREED",
                IntegratedNotCosigned = "INTEGRATED_NOT_COSIGNED",
                GoalsWithoutFinalStatus = "GOALS_WITHOUT_FINAL_STATUS",
                FinalScoresMissing = "FINAL_SCORES_MISSING",
                MissingClosureReason = "MISSING_CLOSURE_REASON",
            }

            /// The four life areas of the Budget di Salute.
            LifeArea {
                HealthWellbeing = "HEALTH_WELLBEING",
                Housing = "HOUSING",
                WorkIncome = "WORK_INCOME",
                SocialInclusion = "SOCIAL_INCLUSION",
            }

            /// OPEN until the goal gets a final status at a review or at closure.
            GoalStatus {
                Open = "OPEN",
                Achieved = "ACHIEVED",
                PartlyAchieved = "PARTLY_ACHIEVED",
                NotAchieved = "NOT_ACHIEVED",
                Dropped = "DROPPED",
            }

            ServiceKind {
                Sad = "SAD",
                Adi = "ADI",
                CentroDiurno = "CENTRO_DIURNO",
                TirocinioInclusione = "TIROCINIO_INCLUSIONE",
                HousingSociale = "HOUSING_SOCIALE",
                Sollievo = "SOLLIEVO",
                EducativaDomiciliare = "EDUCATIVA_DOMICILIARE",
                SupportoPsicologico = "SUPPORTO_PSICOLOGICO",
                Trasporto = "TRASPORTO",
                Pasti = "PASTI",
                InserimentoLavorativo = "INSERIMENTO_LAVORATIVO",
                Rsa = "RSA",
                Other = "OTHER" (formerly Altro = "ALTRO"),
            }

            ResourceKind {
                Economic = "ECONOMIC",
                Professional = "PROFESSIONAL",
                Relational = "RELATIONAL",
            }

            /// EUR for economic resources, HOURS for professional ones, HOURS or a
            /// described COMMITMENT for relational ones.
            ResourceUnit {
                Eur = "EUR",
                Hours = "HOURS",
                Commitment = "COMMITMENT",
            }

            /// Who provides a resource or agrees to the budget.
            ProviderKind {
                Organization = "ORGANIZATION",
                Family = "FAMILY",
                Person = "PERSON",
            }

            FundingSource {
                /// Fondo per le non autosufficienze, measure not stated.
                Fna = "FNA",
                /// FNA, measure B1 (disabilità gravissima).
                FnaB1 = "FNA_B1",
                /// FNA, measure B2 (disabilità grave and non autosufficienza).
                FnaB2 = "FNA_B2",
                Fnps = "FNPS",
                FondoPoverta = "FONDO_POVERTA",
                Pnrr = "PNRR",
                PnInclusione = "PN_INCLUSIONE",
                Comune = "COMUNE",
                FondoSanitario = "FONDO_SANITARIO",
                Privato = "PRIVATO",
                FondiRegionali = "FONDI_REGIONALI",
                /// Fondo "Dopo di noi", L. 112/2016.
                DopoDiNoi = "DOPO_DI_NOI",
                /// The person's own share of the cost.
                CompartecipazioneUtente = "COMPARTECIPAZIONE_UTENTE",
                Other = "OTHER" (formerly Altro = "ALTRO"),
            }

            /// How the person agreed to the project.
            ConsentMethod {
                SignedPaper = "SIGNED_PAPER",
                Digital = "DIGITAL",
                VerbalWithWitness = "VERBAL_WITH_WITNESS",
            }

            /// Who gave a life-area score: the person themselves or the team.
            Rater {
                Person = "PERSON",
                Team = "TEAM",
            }

            /// The two halves of an integrated PAI, each signed by an
            /// organization of its side (`OrganizationKind::integrated_part`).
            IntegratedPart {
                /// ASL, ASST, ATS and their services (hospital, distretto, Casa di Comunità…).
                Health = "HEALTH",
                /// Comune, Ambito, Ufficio di Piano.
                Social = "SOCIAL",
            }

            /// A change to an agreed budget sends it back to the parties.
            BudgetAgreementStatus {
                None = "NONE",
                /// Some parties agreed to the plan as it stands, not all.
                PartiallyAgreed = "PARTIALLY_AGREED",
                Agreed = "AGREED",
                ToRenew = "TO_RENEW",
            }

            /// What an indicator's value measures (`indicators::CATALOGUE`).
            IndicatorUnit {
                /// A number of assessments, discharges, projects…
                Count = "COUNT",
                /// A share from 0 to 1: numerator over denominator.
                Ratio = "RATIO",
                /// A number of days (a mean or a median).
                Days = "DAYS",
                Eur = "EUR",
                /// Hours of professional or relational work.
                Hours = "HOURS",
            }

            /// What an indicator's parts are split by.
            IndicatorDimension {
                LifeArea = "LIFE_AREA",
                ResourceKind = "RESOURCE_KIND",
                FundingSource = "FUNDING_SOURCE",
                /// The kinds of agreement (`NetworkAgreementKind`).
                NetworkAgreementKind = "NETWORK_AGREEMENT_KIND",
            }

            /// How an indicator's period is split into a series.
            IndicatorBreakdown {
                None = "NONE",
                Quarter = "QUARTER",
                Month = "MONTH",
            }

            /// The states of a protected discharge; the rules are in `discharge_workflow`.
            DischargeStatus {
                Reported = "REPORTED",
                AssessmentScheduled = "ASSESSMENT_SCHEDULED",
                PlanAgreed = "PLAN_AGREED",
                Discharged = "DISCHARGED",
                Cancelled = "CANCELLED",
            }

            /// A step of the discharge workflow, as `Discharge.allowedActions`
            /// lists it: SCHEDULE_ASSESSMENT (`updateDischarge` with
            /// `assessmentScheduledOn`), AGREE_PLAN (`agreeDischargePlan`),
            /// COMPLETE (`completeDischarge`), CANCEL (`cancelDischarge`).
            DischargeAction {
                ScheduleAssessment = "SCHEDULE_ASSESSMENT",
                AgreePlan = "AGREE_PLAN",
                Complete = "COMPLETE",
                Cancel = "CANCEL",
            }

            /// Where a person is cared for: the discharge's destination, the
            /// plan's destination and the assessment's recommended setting
            /// share this one list, so that the three can be compared.
            CareSetting {
                /// Home without services.
                Home = "HOME",
                HomeWithSad = "HOME_WITH_SAD",
                HomeWithAdi = "HOME_WITH_ADI",
                HomeWithSadAndAdi = "HOME_WITH_SAD_AND_ADI",
                Rsa = "RSA",
                Rsd = "RSD",
                OspedaleDiComunita = "OSPEDALE_DI_COMUNITA",
                CureIntermedie = "CURE_INTERMEDIE",
                Hospice = "HOSPICE",
                RiabilitazionePostAcuta = "RIABILITAZIONE_POST_ACUTA",
                DayCentre = "DAY_CENTRE",
                Other = "OTHER",
                /// Legacy (stored discharges and plans, accepted on input for
                /// one release): home with SAD, ADI or both, not recorded which,
                /// so it maps to none of the three.
                HomeWithServices = "HOME_WITH_SERVICES",
                /// Legacy (stored recommendations, accepted on input for one
                /// release): RSA or RSD, not recorded which.
                RsaRsd = "RSA_RSD",
            }

            /// What the discharge plan arranges for after the hospital.
            DischargeNeed {
                /// Servizio di assistenza domiciliare (the Comune's).
                Sad = "SAD",
                /// Assistenza domiciliare integrata (the ASST's).
                Adi = "ADI",
                Rsa = "RSA",
                CureIntermedie = "CURE_INTERMEDIE",
                OspedaleDiComunita = "OSPEDALE_DI_COMUNITA",
                Hospice = "HOSPICE",
                Riabilitazione = "RIABILITAZIONE",
                Other = "OTHER",
            }

            CancelReason {
                Death = "DEATH",
                Transfer = "TRANSFER",
                Refused = "REFUSED",
                Other = "OTHER",
            }

            /// The kinds of agreement of the network's register (issue 15).
            NetworkAgreementKind {
                Convenzione = "CONVENZIONE",
                ProtocolloDIntesa = "PROTOCOLLO_D_INTESA",
                ProceduraOperativa = "PROCEDURA_OPERATIVA",
                AccordoDiProgramma = "ACCORDO_DI_PROGRAMMA",
                CoProgettazione = "CO_PROGETTAZIONE",
                CoProgrammazione = "CO_PROGRAMMAZIONE",
            }

            /// Derived from the dates, never stored (`network_agreements::status`):
            /// WITHDRAWN when withdrawn; DRAFT when not signed; EXPIRED when
            /// validUntil < today; SIGNED when validFrom > today; IN_FORCE otherwise.
            NetworkAgreementStatus {
                Draft = "DRAFT",
                Signed = "SIGNED",
                InForce = "IN_FORCE",
                Expired = "EXPIRED",
                Withdrawn = "WITHDRAWN",
            }

            /// What an organization is to an agreement.
            AgreementPartyRole {
                Promoter = "PROMOTER",
                Signatory = "SIGNATORY",
                /// An ente del terzo settore partnering in it.
                EtsPartner = "ETS_PARTNER",
            }

            /// The kinds of meeting of the meetings register (issue 15).
            MeetingKind {
                Formazione = "FORMAZIONE",
                Supervisione = "SUPERVISIONE",
                /// Training for caregivers: they count as external participants.
                FormazioneCaregiver = "FORMAZIONE_CAREGIVER",
                Equipe = "EQUIPE",
                Coordinamento = "COORDINAMENTO",
                /// A co-design table (tavolo di co-progettazione).
                CoProgettazione = "CO_PROGETTAZIONE",
            }

            /// PLANNED until it is recorded as HELD or CANCELLED.
            MeetingStatus {
                Planned = "PLANNED",
                Held = "HELD",
                Cancelled = "CANCELLED",
            }

            /// What a document is attached to (issue 17): its person's
            /// record or one object of it. A document on a diary entry
            /// follows the entry's rule (a confidential one: its author and
            /// the person's current case managers only).
            DocumentSubject {
                Person = "PERSON",
                Project = "PROJECT",
                Assessment = "ASSESSMENT",
                Discharge = "DISCHARGE",
                DiaryEntry = "DIARY_ENTRY",
            }

            /// What a document is.
            DocumentKind {
                /// The individual project (PAI) signed by the person.
                PaiFirmato = "PAI_FIRMATO",
                Consenso = "CONSENSO",
                VerbaleUvm = "VERBALE_UVM",
                LetteraDimissione = "LETTERA_DIMISSIONE",
                DocumentoIdentita = "DOCUMENTO_IDENTITA",
                Other = "OTHER",
            }

            /// What the agenda lists (`agenda`): a project's review due, a UVM
            /// assessment scheduled for a protected discharge, a discharge's
            /// expected date, a planned meeting, a diary entry's follow-up.
            AgendaKind {
                ReviewDue = "REVIEW_DUE",
                UvmAssessment = "UVM_ASSESSMENT",
                ExpectedDischarge = "EXPECTED_DISCHARGE",
                Meeting = "MEETING",
                DiaryFollowUp = "DIARY_FOLLOW_UP",
            }

            /// Whose agenda: MINE (what I answer for), MY_TEAMS (all my teams').
            AgendaScope {
                Mine = "MINE",
                MyTeams = "MY_TEAMS",
            }

            /// The kinds of entry of the case diary (diario sociale, issue 17).
            DiaryKind {
                Colloquio = "COLLOQUIO",
                VisitaDomiciliare = "VISITA_DOMICILIARE",
                Telefonata = "TELEFONATA",
                RiunioneDiRete = "RIUNIONE_DI_RETE",
                Accompagnamento = "ACCOMPAGNAMENTO",
                ContattoServizi = "CONTATTO_SERVIZI",
                Other = "OTHER",
            }

            /// Who took part in a diary entry without being a Ponte user.
            DiaryParticipantRole {
                Persona = "PERSONA",
                Familiare = "FAMILIARE",
                AltroServizio = "ALTRO_SERVIZIO",
                Other = "OTHER",
            }

            /// What an item of a person's timeline is.
            TimelineKind {
                DiaryEntry = "DIARY_ENTRY",
                ReferralOpened = "REFERRAL_OPENED",
                ReferralClosed = "REFERRAL_CLOSED",
                Assessment = "ASSESSMENT",
                ProjectStep = "PROJECT_STEP",
                Discharge = "DISCHARGE",
            }

            /// Where an outbox email stands.
            EmailStatus {
                Pending = "PENDING",
                Sending = "SENDING",
                Sent = "SENT",
                Dead = "DEAD",
            }

            /// What a service account may do on the machine endpoints; on the
            /// wire and in storage as `discharges:report`, `fhir:read`,
            /// `export:interventions` (`service_accounts::ServiceScope::wire`).
            ServiceScope {
                DischargesReport = "DISCHARGES_REPORT",
                FhirRead = "FHIR_READ",
                ExportInterventions = "EXPORT_INTERVENTIONS",
            }
        }
    };
}

/// Declares the plain enums of the list.
macro_rules! plain_vocabularies {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal $((formerly $old:ident = $oldtext:literal))?),+ $(,)?
        }
    )+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "storage", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "storage", sea_orm(rs_type = "String", db_type = "Text"))]
        pub enum $name {
            $($(#[$vmeta])* #[cfg_attr(feature = "storage", sea_orm(string_value = $text))] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Exact match only: any other spelling is unknown.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl Vocabulary for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [$name] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        /// Serialized as its text, as in audit details and project history.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )+};
}

with_vocabularies!(plain_vocabularies);

#[cfg(test)]
mod tests {
    use super::*;

    fn reads_back<V: Vocabulary>() {
        for value in V::ALL {
            assert_eq!(V::parse(value.as_str()), Some(*value), "{}", V::NAME);
        }
        let mut texts: Vec<&str> = V::ALL.iter().map(|v| v.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(
            texts.len(),
            V::ALL.len(),
            "{} has a duplicate text",
            V::NAME
        );
    }

    macro_rules! all_read_back {
        ($($(#[$meta:meta])* $name:ident { $($tail:tt)* })+) => {
            $(reads_back::<$name>();)+
        };
    }

    #[test]
    fn every_stored_name_reads_back_as_the_same_variant() {
        with_vocabularies!(all_read_back);
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn other_is_one_word_and_the_former_spelling_is_not_stored() {
        assert_eq!(Profession::Other.as_str(), "OTHER");
        assert_eq!(OrganizationKind::parse("ALTRO"), None);
        assert_eq!(ServiceKind::Other.to_string(), "OTHER");
    }
}
