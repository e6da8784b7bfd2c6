//! What the demo is made of, as data: its organizations, accounts and
//! teams, and the names, places and streets its persons are drawn from. The
//! builders (`seed_demo` and its helpers) turn it into records.

use crate::domain::vocabulary::{OrganizationKind, Profession, Role, TeamKind, TeamRole};

/// Every demo account shares this password; it is printed, and it is demo data.
pub const DEMO_PASSWORD: &str = "ponte-demo-2026";
pub const DEMO_ADMIN_EMAIL: &str = "admin@ponte.demo";

pub(super) struct DemoUser {
    pub(super) email: &'static str,
    pub(super) name: &'static str,
    pub(super) role: Role,
    pub(super) profession: Profession,
    pub(super) organization: &'static str,
    /// What they do, printed next to the account.
    pub(super) what: &'static str,
}

pub(super) const VALLE_CAMONICA: &str = "Ambito Territoriale di Valle Camonica";
pub(super) const SEBINO: &str = "Ambito Territoriale del Sebino";
/// A Comune of a few hundred inhabitants: a REPORTER asking for it sees its
/// handful of cases suppressed.
pub(super) const SMALL_COMUNE: &str = "Comune di Paspardo";

/// (name, kind, the organization it sits under), every parent before its
/// children: the ATS, its ASST with the two Distretti and the hospital, an
/// Ambito in each Distretto with its Comuni.
pub(super) const ORGANIZATIONS: &[(&str, OrganizationKind, Option<&str>)] = &[
    ("ATS della Montagna", OrganizationKind::Ats, None),
    (
        "ASST della Valcamonica",
        OrganizationKind::Asst,
        Some("ATS della Montagna"),
    ),
    (
        "Distretto di Valle Camonica",
        OrganizationKind::Distretto,
        Some("ASST della Valcamonica"),
    ),
    (
        "Distretto del Sebino",
        OrganizationKind::Distretto,
        Some("ASST della Valcamonica"),
    ),
    (
        "Ospedale di Esine",
        OrganizationKind::Ospedale,
        Some("ASST della Valcamonica"),
    ),
    (
        VALLE_CAMONICA,
        OrganizationKind::Ambito,
        Some("Distretto di Valle Camonica"),
    ),
    (
        SEBINO,
        OrganizationKind::Ambito,
        Some("Distretto del Sebino"),
    ),
    (
        "Ufficio di Piano di Valle Camonica",
        OrganizationKind::UfficioDiPiano,
        Some(VALLE_CAMONICA),
    ),
    (
        "Comune di Breno",
        OrganizationKind::Comune,
        Some(VALLE_CAMONICA),
    ),
    (
        "Comune di Darfo Boario Terme",
        OrganizationKind::Comune,
        Some(VALLE_CAMONICA),
    ),
    (
        "Comune di Edolo",
        OrganizationKind::Comune,
        Some(VALLE_CAMONICA),
    ),
    (
        "Comune di Esine",
        OrganizationKind::Comune,
        Some(VALLE_CAMONICA),
    ),
    (SMALL_COMUNE, OrganizationKind::Comune, Some(VALLE_CAMONICA)),
    ("Comune di Pisogne", OrganizationKind::Comune, Some(SEBINO)),
    ("Comune di Iseo", OrganizationKind::Comune, Some(SEBINO)),
    ("Comune di Marone", OrganizationKind::Comune, Some(SEBINO)),
    (
        "Cooperativa sociale Il Sentiero",
        OrganizationKind::CooperativaSocialeA,
        None,
    ),
];

/// The Comuni the demo's persons live in, by Ambito, the small one apart.
pub(super) const VALLE_CAMONICA_COMUNI: &[&str] = &[
    "Comune di Breno",
    "Comune di Darfo Boario Terme",
    "Comune di Edolo",
    "Comune di Esine",
];
pub(super) const SEBINO_COMUNI: &[&str] =
    &["Comune di Pisogne", "Comune di Iseo", "Comune di Marone"];

pub(super) const REPORTER_EMAIL: &str = "ufficio.piano@ponte.demo";

pub(super) const USERS: &[DemoUser] = &[
    DemoUser {
        email: DEMO_ADMIN_EMAIL,
        name: "Amministrazione Ponte",
        role: Role::Admin,
        profession: Profession::Amministrativo,
        organization: "Ambito Territoriale di Valle Camonica",
        what: "amministratore",
    },
    DemoUser {
        email: "dpo@ponte.demo",
        name: "Davide Pellegrini",
        role: Role::Auditor,
        profession: Profession::Amministrativo,
        organization: "Ambito Territoriale di Valle Camonica",
        what: "responsabile protezione dati (audit)",
    },
    DemoUser {
        email: "assistente.sociale@ponte.demo",
        name: "Chiara Bonetti",
        role: Role::Operator,
        profession: Profession::AssistenteSociale,
        organization: "Comune di Breno",
        what: "assistente sociale, coordina il PUA, EEMM",
    },
    DemoUser {
        email: "infermiere@ponte.demo",
        name: "Marco Ghirardi",
        role: Role::Operator,
        profession: Profession::Infermiere,
        organization: "ASST della Valcamonica",
        what: "infermiere di famiglia, PUA e UVM",
    },
    DemoUser {
        email: "geriatra@ponte.demo",
        name: "Elena Tognali",
        role: Role::Operator,
        profession: Profession::Geriatra,
        organization: "ASST della Valcamonica",
        what: "geriatra, coordina l'UVM",
    },
    DemoUser {
        email: "mmg@ponte.demo",
        name: "Giovanni Salvetti",
        role: Role::Operator,
        profession: Profession::Mmg,
        organization: "ASST della Valcamonica",
        what: "medico di medicina generale, UVM",
    },
    DemoUser {
        email: "fisioterapista@ponte.demo",
        name: "Sara Minelli",
        role: Role::Operator,
        profession: Profession::TerapistaRiabilitazione,
        organization: "ASST della Valcamonica",
        what: "terapista della riabilitazione, UVM",
    },
    DemoUser {
        email: "psichiatra@ponte.demo",
        name: "Paolo Rizzi",
        role: Role::Operator,
        profession: Profession::Psichiatra,
        organization: "ASST della Valcamonica",
        what: "psichiatra, coordina l'EEMM",
    },
    DemoUser {
        email: "psicologa@ponte.demo",
        name: "Laura Franzoni",
        role: Role::Operator,
        profession: Profession::Psicologo,
        organization: "Comune di Darfo Boario Terme",
        what: "psicologa, EEMM",
    },
    DemoUser {
        email: "educatore@ponte.demo",
        name: "Luca Bettoni",
        role: Role::Operator,
        profession: Profession::Educatore,
        organization: "Cooperativa sociale Il Sentiero",
        what: "educatore, EEMM",
    },
    DemoUser {
        email: "oss@ponte.demo",
        name: "Rosa Pedersoli",
        role: Role::Operator,
        profession: Profession::OperatoreSociosanitario,
        organization: "Cooperativa sociale Il Sentiero",
        what: "operatrice socio-sanitaria, EEMM",
    },
    DemoUser {
        email: "operatore.ets@ponte.demo",
        name: "Andrea Cominelli",
        role: Role::Operator,
        profession: Profession::OperatoreEts,
        organization: "Cooperativa sociale Il Sentiero",
        what: "operatore del terzo settore, EEMM",
    },
    DemoUser {
        email: "segreteria@ponte.demo",
        name: "Giulia Ramponi",
        role: Role::Operator,
        profession: Profession::Amministrativo,
        organization: "Ambito Territoriale di Valle Camonica",
        what: "amministrativa, PUA",
    },
    DemoUser {
        email: "mediatrice@ponte.demo",
        name: "Amina Diallo",
        role: Role::Operator,
        profession: Profession::MediatoreCulturale,
        organization: "Comune di Darfo Boario Terme",
        what: "mediatrice culturale, PUA",
    },
    DemoUser {
        email: "reparto@ponte.demo",
        name: "Francesca Mottinelli",
        role: Role::Operator,
        profession: Profession::Infermiere,
        organization: "Ospedale di Esine",
        what: "coordinatrice infermieristica di reparto",
    },
    DemoUser {
        email: "dimissioni.ospedale@ponte.demo",
        name: "Giulia Camossi",
        role: Role::Operator,
        profession: Profession::Infermiere,
        organization: "Ospedale di Esine",
        what: "nucleo dimissioni protette dell'ospedale (le segnalazioni degli anni passati)",
    },
    DemoUser {
        email: "assistente.sociale.ospedale@ponte.demo",
        name: "Marta Belotti",
        role: Role::Operator,
        profession: Profession::AssistenteSociale,
        organization: "Ospedale di Esine",
        what: "assistente sociale ospedaliera, UVM in reparto",
    },
    DemoUser {
        email: "assistente.sociale.darfo@ponte.demo",
        name: "Monica Bertoli",
        role: Role::Operator,
        profession: Profession::AssistenteSociale,
        organization: "Comune di Darfo Boario Terme",
        what: "assistente sociale, PUA di Darfo (Valle Camonica), UVM",
    },
    DemoUser {
        email: "assistente.sociale.iseo@ponte.demo",
        name: "Federica Archetti",
        role: Role::Operator,
        profession: Profession::AssistenteSociale,
        organization: "Comune di Iseo",
        what: "assistente sociale, PUA di Iseo (Sebino), UVM",
    },
    DemoUser {
        email: REPORTER_EMAIL,
        name: "Silvia Bontempi",
        role: Role::Reporter,
        profession: Profession::Amministrativo,
        organization: "Ufficio di Piano di Valle Camonica",
        what: "Ufficio di Piano: indicatori dell'Ambito di Valle Camonica",
    },
];

/// A team of the demo, its members as (email, role).
pub(super) struct DemoTeam {
    pub(super) name: &'static str,
    pub(super) kind: TeamKind,
    pub(super) organization: &'static str,
    pub(super) members: &'static [(&'static str, TeamRole)],
}

/// The PUA takes every person in; the UVM and the EEMM take over some.
pub(super) const PUA: DemoTeam = DemoTeam {
    name: "PUA Casa di Comunità di Breno",
    kind: TeamKind::Pua,
    organization: "ASST della Valcamonica",
    members: &[
        ("assistente.sociale@ponte.demo", TeamRole::Coordinator),
        ("infermiere@ponte.demo", TeamRole::Member),
        ("segreteria@ponte.demo", TeamRole::Member),
        ("mediatrice@ponte.demo", TeamRole::Member),
    ],
};

pub(super) const UVM: DemoTeam = DemoTeam {
    name: "UVM Valle Camonica",
    kind: TeamKind::Uvm,
    organization: "ASST della Valcamonica",
    members: &[
        ("geriatra@ponte.demo", TeamRole::Coordinator),
        ("infermiere@ponte.demo", TeamRole::Member),
        ("mmg@ponte.demo", TeamRole::Member),
        ("fisioterapista@ponte.demo", TeamRole::Member),
        ("assistente.sociale@ponte.demo", TeamRole::Member),
        ("assistente.sociale.ospedale@ponte.demo", TeamRole::Member),
        ("assistente.sociale.darfo@ponte.demo", TeamRole::Member),
        ("assistente.sociale.iseo@ponte.demo", TeamRole::Member),
    ],
};

/// The PUAs of the Case di Comunità that received the past years'
/// discharges, one per Ambito.
pub(super) const PUA_DARFO: DemoTeam = DemoTeam {
    name: "PUA Casa di Comunità di Darfo Boario Terme",
    kind: TeamKind::Pua,
    organization: "ASST della Valcamonica",
    members: &[("assistente.sociale.darfo@ponte.demo", TeamRole::Coordinator)],
};

pub(super) const PUA_ISEO: DemoTeam = DemoTeam {
    name: "PUA Casa di Comunità di Iseo",
    kind: TeamKind::Pua,
    organization: "ASST della Valcamonica",
    members: &[("assistente.sociale.iseo@ponte.demo", TeamRole::Coordinator)],
};

/// The Sebino's multidisciplinary team for frail elderly persons at home:
/// the Comune's social worker, the family nurse and the physiotherapist.
pub(super) const EEMM_SEBINO: DemoTeam = DemoTeam {
    name: "Équipe multidisciplinare Fragilità del Sebino",
    kind: TeamKind::EquipeMultidisciplinare,
    organization: "Comune di Iseo",
    members: &[
        ("assistente.sociale.iseo@ponte.demo", TeamRole::Coordinator),
        ("infermiere@ponte.demo", TeamRole::Member),
        ("fisioterapista@ponte.demo", TeamRole::Member),
    ],
};

pub(super) const EEMM: DemoTeam = DemoTeam {
    name: "Équipe multidisciplinare Salute mentale e inclusione",
    kind: TeamKind::EquipeMultidisciplinare,
    organization: "Comune di Breno",
    members: &[
        ("psichiatra@ponte.demo", TeamRole::Coordinator),
        ("assistente.sociale@ponte.demo", TeamRole::Member),
        ("psicologa@ponte.demo", TeamRole::Member),
        ("educatore@ponte.demo", TeamRole::Member),
        ("oss@ponte.demo", TeamRole::Member),
        ("operatore.ets@ponte.demo", TeamRole::Member),
    ],
};

pub(super) const WOMEN: &[&str] = &[
    "Maria",
    "Anna",
    "Giuseppina",
    "Rosa",
    "Angela",
    "Teresa",
    "Lucia",
    "Carmela",
    "Franca",
    "Nicoletta",
    "Elisa",
    "Martina",
    "Giorgia",
    "Bruna",
    "Ida",
];
pub(super) const MEN: &[&str] = &[
    "Giuseppe",
    "Giovanni",
    "Antonio",
    "Mario",
    "Luigi",
    "Francesco",
    "Angelo",
    "Nicolò",
    "Pietro",
    "Battista",
    "Luca",
    "Matteo",
    "Davide",
    "Ernesto",
    "Sergio",
];
/// The past years' patients, a generation older, by names of their own: a
/// search for one of today's persons finds only them.
pub(super) const PAST_WOMEN: &[&str] = &[
    "Ermelinda",
    "Caterina",
    "Domenica",
    "Santina",
    "Agnese",
    "Margherita",
    "Elvira",
    "Ines",
    "Palmira",
    "Virginia",
    "Adele",
];
pub(super) const PAST_MEN: &[&str] = &[
    "Bortolo",
    "Giacomo",
    "Faustino",
    "Lorenzo",
    "Bernardo",
    "Gervasio",
    "Innocente",
    "Costante",
    "Fermo",
    "Guido",
    "Aldo",
];
pub(super) const SURNAMES: &[&str] = &[
    "Bonomelli",
    "Gheza",
    "Bettoni",
    "Pedersoli",
    "Ducoli",
    "Sandrini",
    "Morandini",
    "Zanardini",
    "Fiora",
    "Salvetti",
    "Cattaneo",
    "Tosana",
    "Bazzana",
    "Mondini",
    "Ramus",
    "Gelmi",
    "Pè",
    "D'Alessio",
    "Rinaldi",
    "Forlani",
];
/// (place, Belfiore code)
pub(super) const PLACES: &[(&str, &str)] = &[
    ("Breno", "B149"),
    ("Darfo Boario Terme", "D251"),
    ("Edolo", "D391"),
    ("Esine", "D434"),
    ("Brescia", "B157"),
    ("Pisogne", "G710"),
    ("Milano", "F205"),
    ("Bergamo", "A794"),
];
pub(super) const STREETS: &[&str] = &[
    "Via Roma",
    "Via Garibaldi",
    "Piazza Mercato",
    "Via Mazzini",
    "Via Nazionale",
    "Via San Valentino",
    "Via Leonardo da Vinci",
];
