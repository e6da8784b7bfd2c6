//! Demo individual projects: every kind and every status, goals and
//! interventions in the four life areas, budgets co-funded by the ASST, a
//! Comune, the cooperative and the family, with uses (one over plan).

use chrono::Days;
use entity::{person, project, referral, team};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{
    answers, demo_user, missing, organization_id, seed_caller, DemoTeams, BARTHEL_ITEMS,
    BARTHEL_PROFILES,
};
use crate::caller::Caller;
use crate::clock::today;
use crate::domain::money::Fixed2;
use crate::domain::person_identity::age_on;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, CareSetting, ConsentMethod, FundingSource, GoalStatus,
    Instrument, LifeArea, NeedLevel, Profession, ProjectKind, ProjectStatus, ProviderKind, Rater,
    ReferralStatus, ResourceKind, ResourceUnit, ServiceKind, SocialDomain, TargetGroup, TeamKind,
};
use crate::error::AppResult;
use crate::services::assessments::{
    self, AssessmentContent, AssessmentOf, InstrumentAnswers, SocialDomainLevel,
};
use crate::services::at_version::AtVersion;
use crate::services::budget::{self, ResourceDraft};
use crate::services::integrated_pai::{self, Cosignature};
use crate::services::persons;
use crate::services::project_plan::{self, GoalChanges, GoalDraft, InterventionDraft};
use crate::services::project_reviews::{self, AreaScore, ReviewDraft};
use crate::services::projects::{self, ClosingOutcomes, Consent, NewProject, Transition};
use crate::services::rows::InRow;

struct Plan {
    kind: ProjectKind,
    status: ProjectStatus,
    title: &'static str,
    /// An integrated PAI, co-signed by the ASST and the Comune.
    integrated: bool,
}

const PLANS: &[Plan] = &[
    Plan {
        kind: ProjectKind::Pai,
        status: ProjectStatus::Active,
        title: "PAI integrato: restare a casa in sicurezza",
        integrated: true,
    },
    Plan {
        kind: ProjectKind::Pai,
        status: ProjectStatus::Review,
        title: "PAI: rientro a domicilio dopo il ricovero",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::Pai,
        status: ProjectStatus::Closed,
        title: "PAI: sollievo per il caregiver",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::Pai,
        status: ProjectStatus::Intake,
        title: "PAI: prima accoglienza",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::Ptri,
        status: ProjectStatus::Active,
        title: "PTRI: autonomia abitativa e lavoro",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::Ptri,
        status: ProjectStatus::Suspended,
        title: "PTRI: percorso di inclusione sociale",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::ProgettoPersonalizzato,
        status: ProjectStatus::Planning,
        title: "Patto per l'inclusione sociale",
        integrated: false,
    },
    Plan {
        kind: ProjectKind::ProgettoDiVita,
        status: ProjectStatus::Assessment,
        title: "Progetto di vita: scuola e tempo libero",
        integrated: false,
    },
];

/// Persons accepted by a team, oldest first: the projects' beneficiaries.
async fn candidates(db: &DatabaseConnection, team_id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(referral::Entity::find()
        .filter(referral::Column::TeamId.eq(team_id))
        .filter(referral::Column::Status.eq(ReferralStatus::Accepted.as_str()))
        .order_by_asc(referral::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.person_id)
        .collect())
}

async fn persons_in_group(db: &DatabaseConnection, group: &str) -> AppResult<Vec<Uuid>> {
    Ok(person::Entity::find()
        .filter(person::Column::TargetGroups.contains(group))
        .order_by_asc(person::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect())
}

pub async fn seed_projects(db: &DatabaseConnection, teams: &DemoTeams) -> AppResult<usize> {
    if project::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let geriatra = demo_user(db, "geriatra@ponte.demo").await?;
    let psichiatra = demo_user(db, "psichiatra@ponte.demo").await?;
    let social_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
    let mut uvm_persons = candidates(db, teams.uvm).await?.into_iter();
    let mut eemm_persons = candidates(db, teams.eemm).await?.into_iter();
    let mut poor = persons_in_group(db, "POVERTA").await?.into_iter();
    let mut minors = persons_in_group(db, "MINORE").await?.into_iter();
    let orgs = Orgs {
        asst: organization_id(db, "ASST della Valcamonica").await?,
        comune: organization_id(db, "Comune di Breno").await?,
        cooperative: organization_id(db, "Cooperativa sociale Il Sentiero").await?,
    };

    let mut added = 0;
    for (n, plan) in PLANS.iter().enumerate() {
        let (person, team_id, manager) = match plan.kind {
            ProjectKind::Pai => (uvm_persons.next(), teams.uvm, &geriatra),
            ProjectKind::Ptri => (eemm_persons.next(), teams.eemm, &psichiatra),
            ProjectKind::ProgettoPersonalizzato => (poor.next(), teams.eemm, &social_worker),
            ProjectKind::ProgettoDiVita => (minors.next(), teams.eemm, &social_worker),
        };
        let Some(person_id) = person else { continue };
        let caller = seed_caller(manager)?;
        let start = today() - Days::new(200 - 15 * n as u64);
        let opened = projects::open_project(
            db,
            &caller,
            NewProject {
                person_id,
                kind: plan.kind,
                team_id,
                case_manager_id: manager.id,
                title: plan.title.into(),
                start_date: start,
                review_every_days: 60,
                parallel_reason: None,
                integrated: plan.integrated,
            },
        )
        .await?;
        added += 1;
        if plan.status == ProjectStatus::Intake {
            continue;
        }
        furnish(db, &caller, &opened, &orgs, n).await?;
        if plan.integrated {
            cosign(db, &caller, &opened, &orgs).await?;
        }
        walk(db, &caller, &opened, plan.status, n).await?;
    }
    Ok(added)
}

/// The ASST's and the Comune's signatures, ten and twelve days after the
/// start: both sides of the integrated PAI.
async fn cosign(
    db: &DatabaseConnection,
    caller: &Caller,
    opened: &project::Model,
    orgs: &Orgs,
) -> AppResult<()> {
    for (organization_id, days, signatory) in [
        (orgs.asst, 10, "Direttore socio-sanitario"),
        (orgs.comune, 12, "Responsabile dei servizi sociali"),
    ] {
        integrated_pai::cosign(
            db,
            caller,
            opened.id,
            Cosignature {
                organization_id,
                signed_on: opened.start_date + Days::new(days),
                signatory: Some(signatory.into()),
            },
        )
        .await?;
    }
    Ok(())
}

/// Whom a demo project's content is written for. Goals, interventions,
/// budget lines and the family that signs follow the person's age and target
/// group: a child's progetto di vita speaks of school and family, never of
/// falls, an adapted bathroom or the centro anziani (issue 16, point 18).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Elderly,
    MentalHealth,
    Poverty,
    Minor,
}

impl Audience {
    pub fn of(age: i32, groups: &[TargetGroup]) -> Audience {
        if age < 18 || groups.contains(&TargetGroup::Minore) {
            Audience::Minor
        } else if groups.contains(&TargetGroup::SaluteMentale) {
            Audience::MentalHealth
        } else if age >= 65 || groups.contains(&TargetGroup::NonAutosufficiente) {
            Audience::Elderly
        } else {
            Audience::Poverty
        }
    }

    /// Who signs for the family (consent, budget agreement) and gives time.
    fn family(self) -> &'static str {
        match self {
            Audience::Minor => "Genitori",
            Audience::Elderly => "Figlia",
            Audience::MentalHealth | Audience::Poverty => "Fratello",
        }
    }

    /// A goal (description, indicator) per life area, in `LifeArea::ALL` order.
    fn goals(self) -> [(LifeArea, &'static str, &'static str); 4] {
        use LifeArea::{HealthWellbeing, Housing, SocialInclusion, WorkIncome};
        match self {
            Audience::Elderly => [
                (
                    HealthWellbeing,
                    "Mantenere l'aderenza alla terapia e prevenire le cadute",
                    "Nessuna caduta nei prossimi 6 mesi",
                ),
                (
                    Housing,
                    "Restare a vivere nella propria casa",
                    "Bagno adattato entro 3 mesi",
                ),
                (
                    WorkIncome,
                    "Ottenere l'indennità di accompagnamento",
                    "Domanda all'INPS presentata",
                ),
                (
                    SocialInclusion,
                    "Partecipare alle attività del centro anziani",
                    "Una uscita a settimana",
                ),
            ],
            Audience::MentalHealth => [
                (
                    HealthWellbeing,
                    "Mantenere la continuità delle cure al CPS",
                    "Nessun ricovero nei prossimi 6 mesi",
                ),
                (
                    Housing,
                    "Vivere in un appartamento con supporto leggero",
                    "Ingresso nell'appartamento entro 4 mesi",
                ),
                (
                    WorkIncome,
                    "Riprendere un'attività lavorativa",
                    "Tirocinio avviato entro 3 mesi",
                ),
                (
                    SocialInclusion,
                    "Frequentare un gruppo del territorio",
                    "Due incontri al mese",
                ),
            ],
            Audience::Poverty => [
                (
                    HealthWellbeing,
                    "Avere un medico di medicina generale e le cure necessarie",
                    "Iscrizione al SSN e scelta del medico",
                ),
                (
                    Housing,
                    "Trovare un alloggio stabile",
                    "Contratto d'affitto o housing sociale entro 6 mesi",
                ),
                (
                    WorkIncome,
                    "Ottenere il sostegno economico previsto",
                    "Domanda di Assegno di Inclusione presentata",
                ),
                (
                    SocialInclusion,
                    "Costruire una rete di sostegno nel quartiere",
                    "Un'attività di volontariato al mese",
                ),
            ],
            Audience::Minor => [
                (
                    HealthWellbeing,
                    "Seguire il percorso di neuropsichiatria infantile",
                    "Controlli trimestrali svolti",
                ),
                (
                    Housing,
                    "Restare in famiglia con il sostegno educativo",
                    "Nessun allontanamento nei prossimi 12 mesi",
                ),
                (
                    WorkIncome,
                    "Frequentare la scuola con il sostegno previsto",
                    "Frequenza scolastica sopra il 90%",
                ),
                (
                    SocialInclusion,
                    "Partecipare alle attività sportive e del tempo libero",
                    "Un'attività pomeridiana a settimana",
                ),
            ],
        }
    }

    /// An intervention per life area: service, who provides it, how often.
    fn interventions(self, orgs: &Orgs) -> [(LifeArea, ServiceKind, Uuid, &'static str); 4] {
        use LifeArea::{HealthWellbeing, Housing, SocialInclusion, WorkIncome};
        match self {
            Audience::Elderly => [
                (
                    HealthWellbeing,
                    ServiceKind::Adi,
                    orgs.asst,
                    "2 accessi infermieristici a settimana",
                ),
                (
                    Housing,
                    ServiceKind::Sad,
                    orgs.comune,
                    "Assistenza domiciliare 3 mattine a settimana",
                ),
                (
                    WorkIncome,
                    ServiceKind::Pasti,
                    orgs.cooperative,
                    "Pasto a domicilio dal lunedì al venerdì",
                ),
                (
                    SocialInclusion,
                    ServiceKind::Trasporto,
                    orgs.cooperative,
                    "Accompagnamento il giovedì",
                ),
            ],
            Audience::MentalHealth => [
                (
                    HealthWellbeing,
                    ServiceKind::SupportoPsicologico,
                    orgs.asst,
                    "Un colloquio a settimana",
                ),
                (
                    Housing,
                    ServiceKind::HousingSociale,
                    orgs.comune,
                    "Educatore in appartamento 2 volte a settimana",
                ),
                (
                    WorkIncome,
                    ServiceKind::TirocinioInclusione,
                    orgs.cooperative,
                    "20 ore settimanali",
                ),
                (
                    SocialInclusion,
                    ServiceKind::CentroDiurno,
                    orgs.asst,
                    "3 pomeriggi a settimana",
                ),
            ],
            Audience::Poverty => [
                (
                    HealthWellbeing,
                    ServiceKind::Other,
                    orgs.asst,
                    "Accompagnamento alla scelta del medico",
                ),
                (
                    Housing,
                    ServiceKind::HousingSociale,
                    orgs.comune,
                    "Alloggio temporaneo per 6 mesi",
                ),
                (
                    WorkIncome,
                    ServiceKind::InserimentoLavorativo,
                    orgs.cooperative,
                    "20 ore settimanali",
                ),
                (
                    SocialInclusion,
                    ServiceKind::Pasti,
                    orgs.cooperative,
                    "Pasto alla mensa solidale",
                ),
            ],
            Audience::Minor => [
                (
                    HealthWellbeing,
                    ServiceKind::SupportoPsicologico,
                    orgs.asst,
                    "Un incontro ogni due settimane",
                ),
                (
                    Housing,
                    ServiceKind::EducativaDomiciliare,
                    orgs.comune,
                    "Educatore a casa 2 pomeriggi a settimana",
                ),
                (
                    WorkIncome,
                    ServiceKind::Other,
                    orgs.comune,
                    "Assistente alla comunicazione a scuola, 10 ore settimanali",
                ),
                (
                    SocialInclusion,
                    ServiceKind::Trasporto,
                    orgs.cooperative,
                    "Accompagnamento agli allenamenti il martedì",
                ),
            ],
        }
    }

    /// The budget lines' descriptions and the health line's profession;
    /// the amounts and funding follow the life area as before.
    fn lines(self) -> (Profession, [&'static str; 4], FundingSource, FundingSource) {
        match self {
            Audience::Elderly => (
                Profession::Infermiere,
                [
                    "Ore di infermiere di famiglia",
                    "Voucher SAD (FNA, misura B1)",
                    "Pasti a domicilio",
                    "Figlia: accompagnamento e compagnia",
                ],
                FundingSource::FnaB1,
                FundingSource::Comune,
            ),
            Audience::MentalHealth => (
                Profession::Psicologo,
                [
                    "Ore di psicologo",
                    "Housing sociale (quota del Comune)",
                    "Indennità di tirocinio",
                    "Fratello: presenza nel fine settimana",
                ],
                FundingSource::Comune,
                FundingSource::PnInclusione,
            ),
            Audience::Poverty => (
                Profession::InfermiereDiFamiglia,
                [
                    "Ore di infermiere di famiglia e comunità",
                    "Alloggio temporaneo",
                    "Borsa lavoro",
                    "Fratello: aiuto nelle pratiche",
                ],
                FundingSource::FondoPoverta,
                FundingSource::PnInclusione,
            ),
            Audience::Minor => (
                Profession::Educatore,
                [
                    "Ore di educatore",
                    "Educativa domiciliare",
                    "Assistenza alla comunicazione a scuola",
                    "Genitori: accompagnamento alle attività",
                ],
                FundingSource::Fnps,
                FundingSource::Comune,
            ),
        }
    }
}

/// The audience of the person a project is for.
async fn audience_of(db: &DatabaseConnection, person_id: Uuid) -> AppResult<Audience> {
    let found = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or_else(|| missing("person"))?;
    Ok(Audience::of(
        age_on(found.birth_date, today()),
        &persons::target_groups_of(&found)?,
    ))
}

struct Orgs {
    asst: Uuid,
    comune: Uuid,
    cooperative: Uuid,
}

/// Goals, interventions and budget lines in all four life areas.
async fn furnish(
    db: &DatabaseConnection,
    caller: &Caller,
    opened: &project::Model,
    orgs: &Orgs,
    n: usize,
) -> AppResult<()> {
    let audience = audience_of(db, opened.person_id).await?;
    let goals = audience.goals();
    for (area, description, indicator) in goals {
        project_plan::add_goal(
            db,
            caller,
            opened.id,
            GoalDraft {
                life_area: area,
                description: description.into(),
                target_date: Some(opened.start_date + Days::new(180)),
                indicator: Some(indicator.into()),
            },
        )
        .await?;
    }
    let interventions = audience.interventions(orgs);
    for (area, kind, provider, frequency) in interventions {
        project_plan::add_intervention(
            db,
            caller,
            opened.id,
            InterventionDraft {
                goal_id: None,
                life_area: area,
                service_kind: kind,
                provider_id: Some(provider),
                frequency: frequency.into(),
                start_date: opened.start_date,
                end_date: None,
            },
        )
        .await?;
    }
    let (profession, descriptions, housing_fund, work_fund) = audience.lines();
    let lines = [
        (
            LifeArea::HealthWellbeing,
            ResourceKind::Professional,
            ProviderKind::Organization,
            Some(orgs.asst),
            FundingSource::FondoSanitario,
            Some(profession),
            ResourceUnit::Hours,
            4_800,
            descriptions[0],
        ),
        (
            LifeArea::Housing,
            ResourceKind::Economic,
            ProviderKind::Organization,
            Some(orgs.comune),
            housing_fund,
            None,
            ResourceUnit::Eur,
            240_000,
            descriptions[1],
        ),
        (
            LifeArea::WorkIncome,
            ResourceKind::Economic,
            ProviderKind::Organization,
            Some(orgs.cooperative),
            work_fund,
            None,
            ResourceUnit::Eur,
            180_000,
            descriptions[2],
        ),
        (
            LifeArea::SocialInclusion,
            ResourceKind::Relational,
            ProviderKind::Family,
            None,
            FundingSource::Privato,
            None,
            ResourceUnit::Hours,
            10_000,
            descriptions[3],
        ),
    ];
    for (
        k,
        (area, kind, provider_kind, provider_id, source, profession, unit, planned, description),
    ) in lines.into_iter().enumerate()
    {
        let line = budget::add_resource(
            db,
            caller,
            opened.id,
            ResourceDraft {
                life_area: area,
                kind,
                provider_kind,
                provider_id,
                funding_source: source,
                description: description.into(),
                profession,
                unit,
                planned: Fixed2(planned),
                period_start: opened.start_date,
                period_end: Some(opened.start_date + Days::new(365)),
            },
        )
        .await?;
        // Monthly uses; the nurse's hours of the first project run over plan.
        let months = 1 + (k + n) % 4;
        let per_use = if k == 0 && n == 0 {
            planned / 2
        } else {
            planned / 8
        };
        for m in 0..months {
            budget::record_use(
                db,
                caller,
                line.id,
                (opened.start_date + Days::new(30 * m as u64 + 10)).min(today()),
                Fixed2(per_use),
                None,
            )
            .await?;
        }
    }
    // Half the budgets, and every PTRI's (it runs on an agreed budget), are
    // agreed by every party; the others still wait for the person, the ASST
    // and the cooperative.
    let everyone = opened.kind == ProjectKind::Ptri || n.is_multiple_of(2);
    let family_party = format!("Famiglia ({})", audience.family().to_lowercase());
    let mut parties = vec![
        (ProviderKind::Organization, Some(orgs.comune), ""),
        (ProviderKind::Family, None, family_party.as_str()),
    ];
    if everyone {
        parties.extend([
            (ProviderKind::Person, None, "La persona"),
            (ProviderKind::Organization, Some(orgs.asst), ""),
            (ProviderKind::Organization, Some(orgs.cooperative), ""),
        ]);
    }
    for (kind, organization, name) in parties {
        budget::agree_budget(
            db,
            caller,
            opened.id,
            kind,
            organization,
            name,
            opened.start_date,
        )
        .await?;
    }
    project_reviews::record_life_area_scores(
        db,
        caller,
        opened.id,
        opened.start_date,
        Rater::Team,
        LifeArea::ALL
            .iter()
            .enumerate()
            .map(|(i, area)| AreaScore {
                life_area: *area,
                score: 1 + (i + n) as i32 % 3,
                note: None,
            })
            .collect(),
    )
    .await?;
    Ok(())
}

/// Walks the project through the case process up to `target`, as its case
/// manager.
async fn walk(
    db: &DatabaseConnection,
    caller: &Caller,
    opened: &project::Model,
    target: ProjectStatus,
    n: usize,
) -> AppResult<()> {
    let (project_id, manager_id) = (opened.id, opened.case_manager_id);
    let (person_id, team_id) = (opened.person_id, opened.team_id);
    let steps: &[ProjectStatus] = match target {
        ProjectStatus::Assessment => &[ProjectStatus::Assessment],
        ProjectStatus::Planning => &[ProjectStatus::Assessment, ProjectStatus::Planning],
        ProjectStatus::Active => &[
            ProjectStatus::Assessment,
            ProjectStatus::Planning,
            ProjectStatus::Active,
        ],
        ProjectStatus::Review => &[
            ProjectStatus::Assessment,
            ProjectStatus::Planning,
            ProjectStatus::Active,
            ProjectStatus::Review,
        ],
        ProjectStatus::Suspended => &[
            ProjectStatus::Assessment,
            ProjectStatus::Planning,
            ProjectStatus::Active,
            ProjectStatus::Suspended,
        ],
        ProjectStatus::Closed => &[
            ProjectStatus::Assessment,
            ProjectStatus::Planning,
            ProjectStatus::Active,
            ProjectStatus::Closed,
        ],
        ProjectStatus::Intake => &[],
    };
    for step in steps {
        let current = projects::get_project(db, caller, project_id).await?;
        if *step == ProjectStatus::Active {
            let consent = AtVersion::new(project_id, current.version).with(Consent {
                date: current.start_date + Days::new(10),
                method: ConsentMethod::SignedPaper,
                witness: None,
                family_cosignature: Some(audience_of(db, person_id).await?.family().into()),
            });
            projects::record_consent(db, caller, consent).await?;
            ensure_assessment(db, caller, person_id, team_id, manager_id).await?;
        }
        let mut final_scores = Vec::new();
        if *step == ProjectStatus::Closed {
            let goals = entity::project_goal::Entity::find()
                .filter(entity::project_goal::Column::ProjectId.eq(project_id))
                .all(db)
                .await?;
            for (i, goal) in goals.iter().enumerate() {
                let status = [
                    GoalStatus::Achieved,
                    GoalStatus::PartlyAchieved,
                    GoalStatus::Achieved,
                    GoalStatus::Dropped,
                ][i % 4];
                project_plan::update_goal(
                    db,
                    caller,
                    goal.id,
                    GoalChanges {
                        status: Some(status),
                        outcome_note: Some("Verificato alla chiusura".into()),
                        ..GoalChanges::default()
                    },
                )
                .await?;
            }
            // The outcome measured at the end, a step up from the baseline,
            // by the team and by the person, who scores their own situation.
            for rater in [Rater::Team, Rater::Person] {
                for (i, area) in LifeArea::ALL.iter().enumerate() {
                    if goals.iter().any(|g| g.life_area == *area) {
                        final_scores.push((
                            rater,
                            AreaScore {
                                life_area: *area,
                                score: 2 + (i + n) as i32 % 3,
                                note: (rater == Rater::Person)
                                    .then(|| "Valutazione della persona alla chiusura".into()),
                            },
                        ));
                    }
                }
            }
        }
        let current = projects::get_project(db, caller, project_id).await?;
        let reason = (*step == ProjectStatus::Closed)
            .then(|| "Obiettivi raggiunti: la famiglia prosegue in autonomia".to_owned());
        let transition = AtVersion::new(project_id, current.version).with(Transition {
            to: *step,
            reason,
            closing_outcomes: ClosingOutcomes::scores(final_scores),
        });
        projects::transition_project(db, caller, transition).await?;
    }
    if matches!(target, ProjectStatus::Active | ProjectStatus::Review) && n.is_multiple_of(2) {
        project_reviews::record_review(
            db,
            caller,
            project_id,
            ReviewDraft {
                date: today() - Days::new(20),
                participant_ids: vec![manager_id],
                notes: Some("Situazione stabile, buona collaborazione della famiglia".into()),
                decisions: Some("Proseguire gli interventi in corso".into()),
            },
        )
        .await?;
        if target == ProjectStatus::Review {
            let current = projects::get_project(db, caller, project_id).await?;
            let review = AtVersion::new(project_id, current.version)
                .with(Transition::to(ProjectStatus::Review));
            projects::transition_project(db, caller, review).await?;
        }
    }
    Ok(())
}

/// An EEMM-run project needs a signed assessment of its own when the UVM has
/// not signed one for the person (a draft does not support ACTIVE).
async fn ensure_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    team_id: Uuid,
    manager_id: Uuid,
) -> AppResult<()> {
    let existing = entity::assessment::Entity::find()
        .filter(entity::assessment::Column::PersonId.eq(person_id))
        .filter(entity::assessment::Column::SignedAt.is_not_null())
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let Some(team) = team::Entity::find_by_id(team_id)
        .one(db)
        .await
        .in_row(team::Entity, team_id)?
    else {
        return Ok(());
    };
    let mut participant_ids = vec![manager_id];
    // A UVM assesses jointly: the Comune's social worker beside the ASST's
    // case manager.
    if team.kind == TeamKind::Uvm {
        let social_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
        participant_ids.push(social_worker.id);
    }
    let recorded = assessments::record_assessment(
        db,
        caller,
        AssessmentOf {
            person_id,
            team_id,
            project_id: None,
            discharge_id: None,
        },
        AssessmentContent {
            date: today() - Days::new(150),
            setting: AssessmentSetting::Servizio,
            reason: AssessmentReason::FirstAssessment,
            participant_ids,
            instruments: vec![InstrumentAnswers {
                instrument: Instrument::Barthel,
                answers: answers(&BARTHEL_ITEMS, &BARTHEL_PROFILES[1]),
                education: None,
            }],
            social_domains: vec![
                SocialDomainLevel {
                    domain: SocialDomain::CaregiverNetwork,
                    level: 2,
                    note: None,
                },
                SocialDomainLevel {
                    domain: SocialDomain::Housing,
                    level: 2,
                    note: None,
                },
                SocialDomainLevel {
                    domain: SocialDomain::Economic,
                    level: 3,
                    note: Some("Reddito insufficiente".into()),
                },
            ],
            need_level: NeedLevel::Medium,
            recommended_setting: CareSetting::Home,
            notes: Some("Valutazione dell'équipe multidisciplinare".into()),
        },
    )
    .await?;
    assessments::sign_assessment(db, caller, recorded.id).await?;
    Ok(())
}
