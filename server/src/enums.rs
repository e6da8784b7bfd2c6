//! Closed vocabularies: stored as their SCREAMING_SNAKE_CASE name in the
//! database and exposed under the same name as GraphQL enums, so there is
//! one definition per vocabulary.

/// Declares an enum whose stored form is its GraphQL name.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* #[graphql(name = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

vocabulary!(
    /// What a user may do by role; case data needs a team responsibility on top.
    Role {
        Admin = "ADMIN",
        Operator = "OPERATOR",
        Auditor = "AUDITOR",
    }
);

vocabulary!(
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
        Altro = "ALTRO",
    }
);

vocabulary!(
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
        CooperativaSociale = "COOPERATIVA_SOCIALE",
        CentroPerImpiego = "CENTRO_PER_IMPIEGO",
        Scuola = "SCUOLA",
        Altro = "ALTRO",
    }
);

vocabulary!(
    /// As encoded in the codice fiscale; used to cross-check it.
    Sex {
        F = "F",
        M = "M",
    }
);

vocabulary!(
    TargetGroup {
        NonAutosufficiente = "NON_AUTOSUFFICIENTE",
        Disabilita = "DISABILITA",
        Minore = "MINORE",
        SenzaDimora = "SENZA_DIMORA",
        SaluteMentale = "SALUTE_MENTALE",
        Dipendenze = "DIPENDENZE",
        Poverta = "POVERTA",
    }
);

vocabulary!(
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
);

vocabulary!(
    ReferencePersonKind {
        Caregiver = "CAREGIVER",
        FamilyMember = "FAMILY_MEMBER",
        AmministratoreDiSostegno = "AMMINISTRATORE_DI_SOSTEGNO",
        Tutore = "TUTORE",
        Other = "OTHER",
    }
);

vocabulary!(
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
);

vocabulary!(
    TeamKind {
        Uvm = "UVM",
        EquipeMultidisciplinare = "EQUIPE_MULTIDISCIPLINARE",
        Pua = "PUA",
        Servizio = "SERVIZIO",
    }
);

vocabulary!(
    TeamRole {
        Coordinator = "COORDINATOR",
        Member = "MEMBER",
    }
);

vocabulary!(
    ReferralSource {
        SelfReferral = "SELF",
        Family = "FAMILY",
        Mmg = "MMG",
        Hospital = "HOSPITAL",
        ProntoInterventoSociale = "PRONTO_INTERVENTO_SOCIALE",
        School = "SCHOOL",
        Service = "SERVICE",
        Other = "OTHER",
    }
);

vocabulary!(
    Urgency {
        Ordinary = "ORDINARY",
        Priority = "PRIORITY",
        Urgent = "URGENT",
    }
);

vocabulary!(
    /// OPEN and ACCEPTED referrals make the team responsible for the person.
    ReferralStatus {
        Open = "OPEN",
        Accepted = "ACCEPTED",
        Closed = "CLOSED",
    }
);

vocabulary!(
    /// The standard instruments the server scores (see `domain::instruments`).
    Instrument {
        Barthel = "BARTHEL",
        IadlLawton = "IADL_LAWTON",
        Spmsq = "SPMSQ",
    }
);

vocabulary!(
    /// Schooling, which adjusts the SPMSQ error count.
    Education {
        Primary = "PRIMARY",
        Secondary = "SECONDARY",
        BeyondSecondary = "BEYOND_SECONDARY",
    }
);

vocabulary!(
    AssessmentSetting {
        Domicilio = "DOMICILIO",
        Ospedale = "OSPEDALE",
        Struttura = "STRUTTURA",
        Servizio = "SERVIZIO",
    }
);

vocabulary!(
    AssessmentReason {
        FirstAssessment = "FIRST_ASSESSMENT",
        Reassessment = "REASSESSMENT",
        ProtectedDischarge = "PROTECTED_DISCHARGE",
        ChangeOfNeeds = "CHANGE_OF_NEEDS",
    }
);

vocabulary!(
    NeedLevel {
        Low = "LOW",
        Medium = "MEDIUM",
        High = "HIGH",
    }
);

vocabulary!(
    RecommendedSetting {
        Home = "HOME",
        HomeWithSad = "HOME_WITH_SAD",
        HomeWithAdi = "HOME_WITH_ADI",
        DayCentre = "DAY_CENTRE",
        RsaRsd = "RSA_RSD",
        CureIntermedie = "CURE_INTERMEDIE",
        Other = "OTHER",
    }
);

vocabulary!(
    /// Social domains rated 1 (adequate) to 3 (critical).
    SocialDomain {
        CaregiverNetwork = "CAREGIVER_NETWORK",
        Housing = "HOUSING",
        Economic = "ECONOMIC",
    }
);

vocabulary!(
    ProjectKind {
        Pai = "PAI",
        Ptri = "PTRI",
        ProgettoPersonalizzato = "PROGETTO_PERSONALIZZATO",
        ProgettoDiVita = "PROGETTO_DI_VITA",
    }
);

vocabulary!(
    /// Mirrors `domain::project_lifecycle::ProjectStatus`, which holds the rules.
    ProjectStatus {
        Intake = "INTAKE",
        Assessment = "ASSESSMENT",
        Planning = "PLANNING",
        Active = "ACTIVE",
        Review = "REVIEW",
        Suspended = "SUSPENDED",
        Closed = "CLOSED",
    }
);

vocabulary!(
    /// The four life areas of the Budget di Salute.
    LifeArea {
        HealthWellbeing = "HEALTH_WELLBEING",
        Housing = "HOUSING",
        WorkIncome = "WORK_INCOME",
        SocialInclusion = "SOCIAL_INCLUSION",
    }
);

vocabulary!(
    /// OPEN until the goal gets a final status at a review or at closure.
    GoalStatus {
        Open = "OPEN",
        Achieved = "ACHIEVED",
        PartlyAchieved = "PARTLY_ACHIEVED",
        NotAchieved = "NOT_ACHIEVED",
        Dropped = "DROPPED",
    }
);

vocabulary!(
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
        Altro = "ALTRO",
    }
);

vocabulary!(
    ResourceKind {
        Economic = "ECONOMIC",
        Professional = "PROFESSIONAL",
        Relational = "RELATIONAL",
    }
);

vocabulary!(
    /// EUR for economic resources, HOURS for professional ones, HOURS or a
    /// described COMMITMENT for relational ones.
    ResourceUnit {
        Eur = "EUR",
        Hours = "HOURS",
        Commitment = "COMMITMENT",
    }
);

vocabulary!(
    /// Who provides a resource or agrees to the budget.
    ProviderKind {
        Organization = "ORGANIZATION",
        Family = "FAMILY",
        Person = "PERSON",
    }
);

vocabulary!(
    FundingSource {
        Fna = "FNA",
        Fnps = "FNPS",
        FondoPoverta = "FONDO_POVERTA",
        Pnrr = "PNRR",
        PnInclusione = "PN_INCLUSIONE",
        Comune = "COMUNE",
        FondoSanitario = "FONDO_SANITARIO",
        Privato = "PRIVATO",
        Altro = "ALTRO",
    }
);

vocabulary!(
    /// How the person agreed to the project.
    ConsentMethod {
        SignedPaper = "SIGNED_PAPER",
        Digital = "DIGITAL",
        VerbalWithWitness = "VERBAL_WITH_WITNESS",
    }
);

vocabulary!(
    /// Who gave a life-area score: the person themselves or the team.
    Rater {
        Person = "PERSON",
        Team = "TEAM",
    }
);

vocabulary!(
    /// A change to an agreed budget sends it back to the parties.
    BudgetAgreementStatus {
        None = "NONE",
        Agreed = "AGREED",
        ToRenew = "TO_RENEW",
    }
);

vocabulary!(
    /// Mirrors `domain::discharge_workflow::DischargeStatus`, which holds the rules.
    DischargeStatus {
        Reported = "REPORTED",
        AssessmentScheduled = "ASSESSMENT_SCHEDULED",
        PlanAgreed = "PLAN_AGREED",
        Discharged = "DISCHARGED",
        Cancelled = "CANCELLED",
    }
);

vocabulary!(
    DischargeDestination {
        Home = "HOME",
        HomeWithServices = "HOME_WITH_SERVICES",
        Rsa = "RSA",
        CureIntermedie = "CURE_INTERMEDIE",
        Other = "OTHER",
    }
);

vocabulary!(
    CancelReason {
        Death = "DEATH",
        Transfer = "TRANSFER",
        Refused = "REFUSED",
        Other = "OTHER",
    }
);

vocabulary!(
    /// Where an outbox email stands.
    EmailStatus {
        Pending = "PENDING",
        Sending = "SENDING",
        Sent = "SENT",
        Dead = "DEAD",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_name_reads_back_as_the_same_variant() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        for p in Profession::ALL {
            assert_eq!(Profession::parse(p.as_str()), Some(*p));
        }
        for k in OrganizationKind::ALL {
            assert_eq!(OrganizationKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
