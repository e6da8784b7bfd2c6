//! `ponte seed-demo`: a fictional but realistic Italian data set, so a
//! newcomer can sign in and see Ponte at work, and an Ambito its indicators
//! over two years (`history`). Every item is created only if missing, so
//! running it twice (or after an upgrade) changes nothing twice.
//! All names are invented; the codici fiscali are computed from them and
//! belong to nobody.

mod catalogue;
mod discharges;
mod history;
mod projects;
mod registers;
pub mod scale;

pub use catalogue::{DEMO_ADMIN_EMAIL, DEMO_PASSWORD};

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use entity::{organization, person, team, user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::session::viewer_of;
use crate::caller::Caller;
use crate::clock::{today, Clock};
use crate::config::Config;
use crate::domain::fiscal_code::encode;
use crate::domain::project_lifecycle::CaseRules;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, CareSetting, Education, Instrument, NeedLevel,
    OrganizationKind, ReferencePersonKind, ReferralSource, Sex, SocialDomain, TargetGroup, Urgency,
};
use crate::error::{AppError, AppResult};
use crate::notify::worker::Worker;
use crate::services::assessments::{
    self, AssessmentContent, AssessmentOf, InstrumentAnswers, SocialDomainLevel,
};
use crate::services::organizations::{self, NewOrganization};
use crate::services::page::PageRequest;
use crate::services::persons::{self, FirstReferral, NewReferencePerson, PersonDraft};
use crate::services::referrals::{self, NewReferral};
use crate::services::teams;
use crate::services::users::{self, NewUser};
use catalogue::{
    DemoTeam, EEMM, EEMM_SEBINO, MEN, ORGANIZATIONS, PLACES, PUA, PUA_DARFO, PUA_ISEO,
    REPORTER_EMAIL, SEBINO, SEBINO_COMUNI, SMALL_COMUNE, STREETS, SURNAMES, USERS, UVM,
    VALLE_CAMONICA, VALLE_CAMONICA_COMUNI, WOMEN,
};

/// The demo teams of the catalogue, once they exist.
struct DemoTeams {
    pua: Uuid,
    uvm: Uuid,
    eemm: Uuid,
    /// The PUAs of the past years' discharges: Valle Camonica, Sebino.
    past_puas: [Uuid; 2],
}

/// Deterministic pseudo-random numbers: the demo is the same on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

pub(super) fn seed_caller(user: &user::Model) -> AppResult<Caller> {
    Ok(Caller {
        viewer: Some(viewer_of(user)?),
        service_account: None,
        request_id: Some("seed-demo".into()),
        client_addr: None,
        clock: Clock::system(),
        rules: CaseRules::default(),
    })
}

/// The demo's day at `day`: every use case a past step goes through reads
/// this clock, so its rules and its records see the day it happened.
pub(super) fn seed_caller_on(user: &user::Model, day: NaiveDate) -> AppResult<Caller> {
    let at = day
        .and_hms_opt(10, 0, 0)
        .ok_or_else(|| missing("time of day"))?
        .and_utc();
    Ok(Caller {
        clock: Clock::fixed(at),
        ..seed_caller(user)?
    })
}

/// The organization of that name with its parent, created when missing.
/// One found without a parent (a demo seeded before the territory) is put
/// under it once the administrator exists, in `place_in_territory`.
async fn organization_named(
    db: &DatabaseConnection,
    caller: &Caller,
    name: &str,
    kind: OrganizationKind,
    parent_id: Option<Uuid>,
) -> AppResult<Uuid> {
    if let Some(found) = organization_found(db, name).await? {
        return Ok(found);
    }
    let created = organizations::create_organization_unchecked(
        db,
        caller,
        NewOrganization {
            name: name.into(),
            kind,
            fiscal_code: None,
            parent_id,
        },
    )
    .await?;
    Ok(created.id)
}

/// The id of the catalogue's organization `name`, among those seeded.
fn id_in(ids: &[(&str, Uuid)], name: &str) -> AppResult<Uuid> {
    ids.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, id)| *id)
        .ok_or_else(|| missing(name))
}

/// Puts the catalogue's organizations still without a parent under theirs,
/// as the administrator would.
async fn place_in_territory(
    db: &DatabaseConnection,
    admin: &Caller,
    ids: &[(&str, Uuid)],
) -> AppResult<()> {
    let id_of = |name: &str| id_in(ids, name);
    for (name, _, parent) in ORGANIZATIONS {
        let Some(parent) = parent else { continue };
        let id = id_of(name)?;
        let unplaced = organization::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some_and(|o| o.parent_id.is_none());
        if unplaced {
            organizations::set_organization_parent(db, admin, id, Some(id_of(parent)?)).await?;
        }
    }
    Ok(())
}

/// The REPORTER reads the indicators of the Ambito di Valle Camonica.
async fn give_reporter_territory(
    db: &DatabaseConnection,
    admin: &Caller,
    ambito: Uuid,
) -> AppResult<()> {
    let reporter = demo_user(db, REPORTER_EMAIL).await?;
    if users::territories_of(db, reporter.id).await?.is_empty() {
        users::set_user_territories(db, admin, reporter.id, vec![ambito]).await?;
    }
    Ok(())
}

pub(super) async fn user_with_email(
    db: &DatabaseConnection,
    email: &str,
) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(email))
        .one(db)
        .await?)
}

/// Whether a person with this codice fiscale is on record: the demo writes
/// each of its persons once.
pub(super) async fn person_known(db: &DatabaseConnection, fiscal_code: &str) -> AppResult<bool> {
    Ok(person::Entity::find()
        .filter(person::Column::FiscalCode.eq(fiscal_code))
        .one(db)
        .await?
        .is_some())
}

/// The organization of that name, if there is one.
async fn organization_found(db: &DatabaseConnection, name: &str) -> AppResult<Option<Uuid>> {
    Ok(organization::Entity::find()
        .filter(organization::Column::Name.eq(name))
        .one(db)
        .await?
        .map(|o| o.id))
}

/// The organization of that name, which an earlier step of the seed made.
/// The demo user with this email, which the demo's first step created.
pub(super) async fn demo_user(db: &DatabaseConnection, email: &str) -> AppResult<user::Model> {
    user_with_email(db, email)
        .await?
        .ok_or_else(|| missing(email))
}

pub(super) async fn organization_id(db: &DatabaseConnection, name: &str) -> AppResult<Uuid> {
    organization_found(db, name)
        .await?
        .ok_or_else(|| missing(name))
}

pub(super) fn missing(what: &str) -> AppError {
    AppError::internal(format!("demo data: {what} missing"))
}

/// The team of that name, created with its members when missing.
async fn team_named(
    db: &DatabaseConnection,
    caller: &Caller,
    team: &DemoTeam,
    organization_id: Uuid,
) -> AppResult<Uuid> {
    if let Some(found) = team::Entity::find()
        .filter(team::Column::Name.eq(team.name))
        .one(db)
        .await?
    {
        return Ok(found.id);
    }
    let created =
        teams::create_team_unchecked(db, caller, team.name, team.kind, organization_id).await?;
    for (email, role) in team.members {
        let member = demo_user(db, email).await?;
        teams::add_member_unchecked(db, caller, created.id, member.id, *role).await?;
    }
    Ok(created.id)
}

pub async fn seed_demo(db: &DatabaseConnection, config: &Config) -> AppResult<String> {
    let system = Caller::command_line();

    let mut organization_ids: Vec<(&str, Uuid)> = Vec::new();
    for (name, kind, parent) in ORGANIZATIONS {
        let parent_id = parent.map(|p| id_in(&organization_ids, p)).transpose()?;
        let id = organization_named(db, &system, name, *kind, parent_id).await?;
        organization_ids.push((*name, id));
    }
    let org_id = |name: &str| id_in(&organization_ids, name);

    for u in USERS {
        if user_with_email(db, u.email).await?.is_none() {
            users::create_user_unchecked(
                db,
                &system,
                NewUser {
                    email: u.email.into(),
                    display_name: u.name.into(),
                    password: DEMO_PASSWORD.into(),
                    role: u.role,
                    profession: u.profession,
                    organization_id: Some(org_id(u.organization)?),
                },
            )
            .await?;
        }
    }

    let admin = demo_user(db, DEMO_ADMIN_EMAIL).await?;
    let admin = seed_caller(&admin)?;
    place_in_territory(db, &admin, &organization_ids).await?;
    give_reporter_territory(db, &admin, org_id(VALLE_CAMONICA)?).await?;
    let residences = Residences {
        valle_camonica: VALLE_CAMONICA_COMUNI
            .iter()
            .map(|name| org_id(name).map(|id| (id, town(name))))
            .collect::<AppResult<_>>()?,
        sebino: SEBINO_COMUNI
            .iter()
            .map(|name| org_id(name).map(|id| (id, town(name))))
            .collect::<AppResult<_>>()?,
        small: (org_id(SMALL_COMUNE)?, town(SMALL_COMUNE)),
    };

    // The teams have worked since the history begins (the first of January
    // last year): their members are in service in every quarter it covers.
    let founded = NaiveDate::from_ymd_opt(today().year() - 1, 1, 1)
        .and_then(|day| day.and_hms_opt(9, 0, 0))
        .ok_or_else(|| missing("the teams' founding day"))?
        .and_utc();
    let founding = Caller {
        clock: Clock::fixed(founded),
        ..Caller::command_line()
    };
    let teams = DemoTeams {
        pua: team_named(db, &founding, &PUA, org_id(PUA.organization)?).await?,
        uvm: team_named(db, &founding, &UVM, org_id(UVM.organization)?).await?,
        eemm: team_named(db, &founding, &EEMM, org_id(EEMM.organization)?).await?,
        past_puas: [
            team_named(db, &founding, &PUA_DARFO, org_id(PUA_DARFO.organization)?).await?,
            team_named(db, &founding, &PUA_ISEO, org_id(PUA_ISEO.organization)?).await?,
        ],
    };
    // Takes no case of the demo's: there so that the Sebino has an EEMM.
    let eemm_sebino = team_named(
        db,
        &founding,
        &EEMM_SEBINO,
        org_id(EEMM_SEBINO.organization)?,
    )
    .await?;
    let mut persons_added = seed_persons(db, &teams, &residences).await?;
    let projects_added = projects::seed_projects(db, &teams).await?;
    // The past first, so that today's discharges are the unread news.
    // Each discharge of the past two years brings its patient.
    let past = history::seed_history(db, config, &teams, &residences).await?;
    let discharges_added =
        past + discharges::seed_discharges(db, config, &teams, &residences).await?;
    persons_added += past;
    let admin_user = demo_user(db, DEMO_ADMIN_EMAIL).await?;
    let registers_added = registers::seed_registers(
        db,
        &admin_user,
        &registers::RegisterCast {
            asst: org_id("ASST della Valcamonica")?,
            ats: org_id("ATS della Montagna")?,
            hospital: org_id("Ospedale di Esine")?,
            cooperative: org_id("Cooperativa sociale Il Sentiero")?,
            valle_camonica: org_id(VALLE_CAMONICA)?,
            sebino: org_id(SEBINO)?,
            eemm: teams.eemm,
            eemm_sebino,
        },
    )
    .await?;
    // Deliver what the demo queued, so the .eml files (or the SMTP server) show it.
    let worker = Worker::new(db.clone(), config, Clock::system()).map_err(AppError::internal)?;
    worker.run_once().await?;

    let mut report = String::new();
    let _ = writeln!(
        report,
        "Demo data ready ({persons_added} new persons, {projects_added} new projects, {discharges_added} new discharges); {registers_added} new agreements and meetings. Every account's password: {DEMO_PASSWORD}"
    );
    for u in USERS {
        let _ = writeln!(
            report,
            "  {:<40} {:<9} {}",
            u.email,
            u.role.as_str(),
            u.what
        );
    }
    Ok(report)
}

/// The Comuni the demo's persons live in, as (id, town), by Ambito.
pub(super) struct Residences {
    valle_camonica: Vec<(Uuid, &'static str)>,
    sebino: Vec<(Uuid, &'static str)>,
    /// The small Comune, kept for a few persons only.
    small: (Uuid, &'static str),
}

impl Residences {
    /// The `n`th person's Comune, one Ambito then the other: the persons
    /// spread over both.
    pub(super) fn nth(&self, n: usize) -> (Uuid, &'static str) {
        let comuni = if n.is_multiple_of(2) {
            &self.valle_camonica
        } else {
            &self.sebino
        };
        comuni
            .get(n / 2 % comuni.len().max(1))
            .copied()
            .unwrap_or(self.small)
    }
}

/// "Comune di Breno" → "Breno", for an address.
fn town(name: &'static str) -> &'static str {
    name.trim_start_matches("Comune di ")
}

/// Fifty-four persons in the PUA's care; some sent on to the UVM or the EEMM
/// and taken in charge there, some with a caregiver or a guardian.
async fn seed_persons(
    db: &DatabaseConnection,
    teams: &DemoTeams,
    residences: &Residences,
) -> AppResult<usize> {
    let pua_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
    let geriatra = demo_user(db, "geriatra@ponte.demo").await?;
    let psichiatra = demo_user(db, "psichiatra@ponte.demo").await?;
    let pua_caller = seed_caller(&pua_worker)?;
    let mut added = 0;
    let mut amended_one = false;

    for i in 0..54usize {
        // One sequence per person: skipping an existing one shifts nobody else.
        let mut dice = Dice(2026 + 7919 * i as u64);
        let woman = i % 2 == 0;
        let given = if woman {
            WOMEN[dice.next(WOMEN.len())]
        } else {
            MEN[dice.next(MEN.len())]
        };
        let family = SURNAMES[dice.next(SURNAMES.len())];
        let (place, belfiore) = PLACES[dice.next(PLACES.len())];
        // Mostly older people (PAI, UVM), some adults (mental health, poverty), a few minors.
        let year = match i % 6 {
            0..=2 => 1928 + dice.next(25) as i32,
            3 | 4 => 1960 + dice.next(30) as i32,
            _ => 2009 + dice.next(8) as i32,
        };
        let month = 1 + dice.next(12) as u32;
        let day = 1 + dice.next(28) as u32;
        let sex = if woman { Sex::F } else { Sex::M };
        let Some(code) = encode(family, given, year, month, day, sex, belfiore) else {
            continue;
        };
        if person_known(db, code.as_str()).await? {
            continue;
        }
        let birth_date =
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| missing("birth date"))?;
        let target_groups = match (i % 6, i % 4) {
            (0..=2, 0) => vec![TargetGroup::NonAutosufficiente, TargetGroup::Disabilita],
            (0..=2, _) => vec![TargetGroup::NonAutosufficiente],
            (3, _) => vec![TargetGroup::SaluteMentale],
            (4, 0) => vec![TargetGroup::Poverta, TargetGroup::SenzaDimora],
            (4, _) => vec![TargetGroup::Poverta],
            _ => vec![TargetGroup::Minore, TargetGroup::Disabilita],
        };
        let homeless = target_groups.contains(&TargetGroup::SenzaDimora);
        let (comune, town) = residences.nth(i);
        let residence = if homeless {
            format!("Via della Casa Comunale 1, {town}")
        } else {
            format!(
                "{} {}, {town}",
                STREETS[dice.next(STREETS.len())],
                1 + dice.next(80)
            )
        };
        let created = persons::create_person(
            db,
            &pua_caller,
            PersonDraft {
                fiscal_code: Some(code.as_str().to_owned()),
                fiscal_code_missing_reason: None,
                alternative_code: None,
                given_name: given.into(),
                family_name: family.into(),
                birth_date,
                sex: if woman { Sex::F } else { Sex::M },
                birth_place: Some(place.into()),
                residence: Some(residence),
                homeless,
                residence_comune_id: Some(comune),
                domicile: None,
                phone: Some(format!("0364 {:06}", 100_000 + dice.next(899_999))),
                email: None,
                language: Some(
                    if i % 9 == 0 {
                        "Italiano, Francese"
                    } else {
                        "Italiano"
                    }
                    .into(),
                ),
                target_groups: target_groups.clone(),
            },
            FirstReferral {
                team_id: teams.pua,
                source: [
                    ReferralSource::Family,
                    ReferralSource::Mmg,
                    ReferralSource::SelfReferral,
                    ReferralSource::Hospital,
                ][i % 4],
                reason: "Richiesta di valutazione dei bisogni e orientamento ai servizi".into(),
                urgency: [
                    Urgency::Ordinary,
                    Urgency::Ordinary,
                    Urgency::Priority,
                    Urgency::Urgent,
                ][dice.next(4)],
            },
        )
        .await?;
        added += 1;

        if i % 3 == 0 {
            persons::add_reference_person(
                db,
                &pua_caller,
                created.id,
                NewReferencePerson {
                    kind: if i % 2 == 0 {
                        ReferencePersonKind::Caregiver
                    } else {
                        ReferencePersonKind::AmministratoreDiSostegno
                    },
                    full_name: format!("{} {family}", if i % 2 == 0 { "Paola" } else { "Roberto" }),
                    relationship: Some(if i % 2 == 0 { "figlia" } else { "figlio" }.into()),
                    phone: Some(format!("333 {:07}", 1_000_000 + dice.next(8_999_999))),
                    email: None,
                    notes: None,
                },
            )
            .await?;
        }

        // Frail elderly people go on to the UVM, mental health to the EEMM.
        let onward = if target_groups.contains(&TargetGroup::NonAutosufficiente) && i % 2 == 0 {
            Some((
                teams.uvm,
                &geriatra,
                "Valutazione multidimensionale per piano assistenziale",
            ))
        } else if target_groups.contains(&TargetGroup::SaluteMentale) {
            Some((
                teams.eemm,
                &psichiatra,
                "Presa in carico integrata e progetto terapeutico riabilitativo",
            ))
        } else {
            None
        };
        if let Some((team_id, coordinator, reason)) = onward {
            let referral = referrals::refer_person(
                db,
                &pua_caller,
                NewReferral {
                    person_id: created.id,
                    team_id,
                    source: ReferralSource::Service,
                    reason: reason.into(),
                    urgency: Urgency::Ordinary,
                },
            )
            .await?;
            if i % 4 != 2 {
                referrals::accept_referral(db, &seed_caller(coordinator)?, referral.id).await?;
                if team_id == teams.uvm {
                    let assessed = seed_assessment(db, coordinator, teams.uvm, &created, i).await?;
                    if assessed && !amended_one {
                        amend_first(db, coordinator, created.id).await?;
                        amended_one = true;
                    }
                }
            }
        }
    }
    Ok(added)
}

/// Barthel answers of typical profiles, in item order (FEEDING … STAIRS):
/// bedridden (10), severe (40), moderate (70), slight (95).
const BARTHEL_PROFILES: [[i32; 10]; 4] = [
    [0, 0, 0, 0, 5, 5, 0, 0, 0, 0],
    [5, 0, 0, 5, 10, 5, 5, 5, 5, 0],
    [10, 0, 5, 5, 10, 10, 5, 10, 10, 5],
    [10, 5, 5, 10, 10, 10, 10, 15, 15, 5],
];
const BARTHEL_ITEMS: [&str; 10] = [
    "FEEDING",
    "BATHING",
    "GROOMING",
    "DRESSING",
    "BOWELS",
    "BLADDER",
    "TOILET_USE",
    "TRANSFERS",
    "MOBILITY",
    "STAIRS",
];
/// Lawton levels chosen (1 = most independent description), in item order.
const IADL_PROFILES: [[i32; 8]; 4] = [
    [4, 4, 4, 5, 3, 5, 3, 3],
    [3, 4, 4, 5, 3, 5, 3, 3],
    [1, 2, 2, 3, 2, 3, 2, 2],
    [1, 1, 1, 1, 1, 1, 1, 1],
];
const IADL_ITEMS: [&str; 8] = [
    "TELEPHONE",
    "SHOPPING",
    "FOOD_PREPARATION",
    "HOUSEKEEPING",
    "LAUNDRY",
    "TRANSPORTATION",
    "MEDICATIONS",
    "FINANCES",
];
const SPMSQ_ITEMS: [&str; 10] = [
    "DATE",
    "WEEKDAY",
    "PLACE",
    "PHONE_OR_ADDRESS",
    "AGE",
    "BIRTH_DATE",
    "PRESIDENT",
    "PREVIOUS_PRESIDENT",
    "MOTHER_MAIDEN_NAME",
    "SUBTRACTION",
];

fn answers(items: &[&str], values: &[i32]) -> Vec<(String, i32)> {
    items
        .iter()
        .zip(values)
        .map(|(i, v)| ((*i).to_owned(), *v))
        .collect()
}

/// A joint UVM assessment at home by the geriatra and the nurse of the ASST
/// and the Comune's social worker, signed unless it is one of the drafts.
/// Returns whether it was signed. Older persons in the demo get the heavier profiles.
async fn seed_assessment(
    db: &DatabaseConnection,
    geriatra: &user::Model,
    uvm: Uuid,
    person: &person::Model,
    i: usize,
) -> AppResult<bool> {
    let nurse = demo_user(db, "infermiere@ponte.demo").await?;
    let social_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
    let profile = i % 4;
    let participant_ids = vec![geriatra.id, nurse.id, social_worker.id];
    let errors = [7usize, 5, 3, 1][profile];
    let spmsq: Vec<i32> = (0..10).map(|k| i32::from(k < errors)).collect();
    let caller = seed_caller(geriatra)?;
    let assessed_on = today() - chrono::Days::new(5 + 3 * i as u64);
    let content = AssessmentContent {
        date: assessed_on,
        setting: AssessmentSetting::Domicilio,
        reason: AssessmentReason::FirstAssessment,
        participant_ids,
        instruments: vec![
            InstrumentAnswers {
                instrument: Instrument::Barthel,
                answers: answers(&BARTHEL_ITEMS, &BARTHEL_PROFILES[profile]),
                education: None,
            },
            InstrumentAnswers {
                instrument: Instrument::IadlLawton,
                answers: answers(&IADL_ITEMS, &IADL_PROFILES[profile]),
                education: None,
            },
            InstrumentAnswers {
                instrument: Instrument::Spmsq,
                answers: answers(&SPMSQ_ITEMS, &spmsq),
                education: Some(if i.is_multiple_of(2) {
                    Education::Primary
                } else {
                    Education::Secondary
                }),
            },
        ],
        social_domains: vec![
            SocialDomainLevel {
                domain: SocialDomain::CaregiverNetwork,
                level: [3, 2, 2, 1][profile],
                note: Some(
                    [
                        "Vive sola, nessun familiare vicino",
                        "Figlia presente due giorni a settimana",
                        "Coniuge convivente, affaticato",
                        "Rete familiare presente",
                    ][profile]
                        .into(),
                ),
            },
            SocialDomainLevel {
                domain: SocialDomain::Housing,
                level: [3, 2, 1, 1][profile],
                note: Some(
                    [
                        "Barriere architettoniche, bagno non accessibile",
                        "Scale per l'accesso",
                        "Abitazione adeguata",
                        "Abitazione adeguata",
                    ][profile]
                        .into(),
                ),
            },
            SocialDomainLevel {
                domain: SocialDomain::Economic,
                level: [2, 2, 1, 1][profile],
                note: None,
            },
        ],
        need_level: [
            NeedLevel::High,
            NeedLevel::High,
            NeedLevel::Medium,
            NeedLevel::Low,
        ][profile],
        recommended_setting: [
            CareSetting::Rsa,
            CareSetting::HomeWithAdi,
            CareSetting::HomeWithSad,
            CareSetting::Home,
        ][profile],
        notes: Some("Valutazione multidimensionale a domicilio".into()),
    };
    let subject = AssessmentOf {
        person_id: person.id,
        team_id: uvm,
        project_id: None,
        discharge_id: None,
    };
    let recorded = assessments::record_assessment(db, &caller, subject, content).await?;
    if i % 8 == 4 {
        return Ok(false);
    }
    assessments::sign_assessment(db, &caller, recorded.id).await?;
    Ok(true)
}

/// The demo's one correction: the transfers item was scored too low.
async fn amend_first(
    db: &DatabaseConnection,
    geriatra: &user::Model,
    person_id: Uuid,
) -> AppResult<()> {
    let caller = seed_caller(geriatra)?;
    let social_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
    let page = assessments::person_assessments(db, person_id, PageRequest::first(1)).await?;
    let Some(original) = page.items.into_iter().next() else {
        return Ok(());
    };
    let mut corrected = BARTHEL_PROFILES[0];
    corrected[7] = 5;
    let content = AssessmentContent {
        date: original.assessed_on,
        setting: AssessmentSetting::Domicilio,
        reason: AssessmentReason::FirstAssessment,
        // A UVM's correction is a joint assessment too.
        participant_ids: vec![geriatra.id, social_worker.id],
        instruments: vec![InstrumentAnswers {
            instrument: Instrument::Barthel,
            answers: answers(&BARTHEL_ITEMS, &corrected),
            education: None,
        }],
        social_domains: vec![],
        need_level: NeedLevel::High,
        recommended_setting: CareSetting::Rsa,
        notes: Some("Rettifica: trasferimenti letto-sedia con grande aiuto".into()),
    };
    assessments::amend_assessment(
        db,
        &caller,
        original.id,
        "Punteggio dei trasferimenti rivisto",
        content,
    )
    .await?;
    Ok(())
}
