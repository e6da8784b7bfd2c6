//! The demo's agreements and meetings (issue 15): a Convenzione between the
//! ASST and the cooperative for the SAD (ending within 60 days, so its
//! reminder goes out), the protocol for protected discharges, the Accordo
//! di Programma of the Piano di Zona, a co-design agreement; in each Ambito
//! a monthly training and a monthly supervision of its EEMM since January
//! last year, some planned ahead, a caregiver course and a co-design table.
//! Everything goes through the services, each past step on its own day.

use chrono::{Datelike, Days, Months, NaiveDate};
use entity::{meeting, network_agreement, user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::caller::Caller;
use crate::clock::today;
use crate::domain::vocabulary::{
    AgreementPartyRole, LifeArea, MeetingKind, NetworkAgreementKind, ServiceKind,
};
use crate::error::AppResult;
use crate::services::at_version::AtVersion;
use crate::services::meetings::{self, Attendance, MeetingInput};
use crate::services::network_agreements::{self, AgreementInput, Elements, PartyInput};
use crate::services::users::{self, UserChanges};

use super::{demo_user, missing, seed_caller, seed_caller_on, user_with_email};

/// The organizations, teams and people the registers name.
pub(super) struct RegisterCast {
    pub(super) asst: Uuid,
    pub(super) ats: Uuid,
    pub(super) hospital: Uuid,
    pub(super) cooperative: Uuid,
    pub(super) valle_camonica: Uuid,
    pub(super) sebino: Uuid,
    pub(super) eemm: Uuid,
    pub(super) eemm_sebino: Uuid,
}

/// Seeds both registers; returns how many agreements and meetings it added.
pub(super) async fn seed_registers(
    db: &DatabaseConnection,
    admin: &user::Model,
    cast: &RegisterCast,
) -> AppResult<usize> {
    let reporter = demo_user(db, super::catalogue::REPORTER_EMAIL).await?;
    if !reporter.manages_agreements {
        let managing = AtVersion::new(reporter.id, reporter.version).with(UserChanges {
            manages_agreements: Some(true),
            ..UserChanges::default()
        });
        users::update_user(db, &seed_caller(admin)?, managing).await?;
    }
    let mut added = 0;
    let co_design = seed_agreements(db, admin, cast, &mut added).await?;
    let people = People::find(db).await?;
    for ambito in [
        Ambito {
            name: "Valle Camonica",
            team: cast.eemm,
            coordinator: &people.psichiatra,
            organization: cast.valle_camonica,
            recorder: &reporter,
            agreement: Some(co_design),
        },
        Ambito {
            name: "Sebino",
            team: cast.eemm_sebino,
            coordinator: &people.iseo,
            organization: cast.sebino,
            recorder: admin,
            agreement: None,
        },
    ] {
        added += seed_meetings(db, &ambito, &people).await?;
    }
    Ok(added)
}

struct People {
    psichiatra: user::Model,
    iseo: user::Model,
    educatore: user::Model,
    oss: user::Model,
    infermiere: user::Model,
}

impl People {
    async fn find(db: &DatabaseConnection) -> AppResult<People> {
        Ok(People {
            psichiatra: demo_user(db, "psichiatra@ponte.demo").await?,
            iseo: demo_user(db, "assistente.sociale.iseo@ponte.demo").await?,
            educatore: demo_user(db, "educatore@ponte.demo").await?,
            oss: demo_user(db, "oss@ponte.demo").await?,
            infermiere: demo_user(db, "infermiere@ponte.demo").await?,
        })
    }
}

fn date(year: i32, month: u32, day: u32) -> AppResult<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| missing("date"))
}

fn party(organization_id: Uuid, role: AgreementPartyRole, contact: Option<Uuid>) -> PartyInput {
    PartyInput {
        organization_id,
        role,
        contact_user_id: contact,
    }
}

/// Creates the agreement on the day it was recorded, unless one of that
/// title exists. Returns its id.
async fn agreement(
    db: &DatabaseConnection,
    admin: &user::Model,
    recorded_on: NaiveDate,
    input: AgreementInput,
    added: &mut usize,
) -> AppResult<Uuid> {
    if let Some(found) = network_agreement::Entity::find()
        .filter(network_agreement::Column::Title.eq(input.title.as_str()))
        .one(db)
        .await?
    {
        return Ok(found.id);
    }
    let caller = seed_caller_on(admin, recorded_on.min(today()))?;
    let created = network_agreements::create_agreement(db, &caller, input).await?;
    *added += 1;
    Ok(created.id)
}

/// The four agreements; returns the co-design agreement's id.
async fn seed_agreements(
    db: &DatabaseConnection,
    admin: &user::Model,
    cast: &RegisterCast,
    added: &mut usize,
) -> AppResult<Uuid> {
    let now = today();
    let last_year = now.year() - 1;
    let asst_contact = user_with_email(db, "geriatra@ponte.demo")
        .await?
        .map(|u| u.id);
    let cooperative_contact = user_with_email(db, "operatore.ets@ponte.demo")
        .await?
        .map(|u| u.id);
    let hospital_contact = user_with_email(db, "dimissioni.ospedale@ponte.demo")
        .await?
        .map(|u| u.id);
    // Signed in March last year, ending 45 days from today: the 60-day
    // reminder goes out when the demo is seeded.
    let sad_signed = date(last_year, 3, 16)?;
    let sad_until = now
        .checked_add_days(Days::new(45))
        .ok_or_else(|| missing("the SAD agreement's end"))?;
    agreement(
        db,
        admin,
        sad_signed,
        AgreementInput {
            kind: NetworkAgreementKind::Convenzione,
            title: "Convenzione ASST–Cooperativa Il Sentiero per il Servizio di assistenza domiciliare".into(),
            parties: vec![
                party(cast.asst, AgreementPartyRole::Promoter, asst_contact),
                party(cast.cooperative, AgreementPartyRole::EtsPartner, cooperative_contact),
                party(cast.valle_camonica, AgreementPartyRole::Signatory, None),
            ],
            services: vec![ServiceKind::Sad, ServiceKind::Adi],
            life_areas: vec![LifeArea::HealthWellbeing, LifeArea::SocialInclusion],
            signed_on: Some(sad_signed),
            valid_from: Some(date(last_year, 4, 1)?),
            valid_until: Some(sad_until),
            protocol_number: Some(format!("Prot. ASST n. 4127/{last_year}")),
            elements: Elements {
                purpose: Some("Integrare l'assistenza domiciliare sociale (SAD) con quella sanitaria (ADI) per le persone non autosufficienti".into()),
                recipients: Some("Persone non autosufficienti residenti nell'Ambito con un PAI che prevede il SAD".into()),
                actions: Some("Valutazione congiunta in UVM, PAI integrato, erogazione degli interventi domiciliari, verifica trimestrale".into()),
                actors: Some("ASST della Valcamonica, Cooperativa sociale Il Sentiero, Ambito di Valle Camonica".into()),
                timing: Some("Presa in carico entro 10 giorni dalla valutazione; verifica ogni tre mesi".into()),
                responsibilities: Some("L'ASST coordina l'UVM; la cooperativa eroga il SAD; l'Ambito finanzia e monitora".into()),
                monitoring_indicators: Some("Interventi SAD attivi; nuove prese in carico; progetti SAD con piano integrato".into()),
            },
        },
        added,
    )
    .await?;
    let protocol_signed = date(last_year - 1, 10, 20)?;
    agreement(
        db,
        admin,
        protocol_signed,
        AgreementInput {
            kind: NetworkAgreementKind::ProtocolloDIntesa,
            title: "Protocollo per le dimissioni protette Ospedale di Esine – Ambiti".into(),
            parties: vec![
                party(cast.asst, AgreementPartyRole::Promoter, asst_contact),
                party(cast.hospital, AgreementPartyRole::Signatory, hospital_contact),
                party(cast.valle_camonica, AgreementPartyRole::Signatory, None),
                party(cast.sebino, AgreementPartyRole::Signatory, None),
            ],
            services: vec![ServiceKind::Sad, ServiceKind::Adi, ServiceKind::Rsa],
            life_areas: vec![LifeArea::HealthWellbeing, LifeArea::Housing],
            signed_on: Some(protocol_signed),
            valid_from: Some(date(last_year, 1, 1)?),
            valid_until: Some(date(now.year() + 1, 12, 31)?),
            protocol_number: Some(format!("Prot. n. 9812/{}", last_year - 1)),
            elements: Elements {
                purpose: Some("Garantire la continuità delle cure tra ospedale e territorio alla dimissione".into()),
                recipients: Some("Persone ricoverate con bisogni sociosanitari alla dimissione".into()),
                actions: Some("Segnalazione dal reparto, valutazione UVM in reparto, piano concordato prima della dimissione".into()),
                actors: Some("Reparti e nucleo dimissioni dell'ospedale, PUA, UVM, servizi sociali dei Comuni".into()),
                timing: Some("Segnalazione almeno 5 giorni prima della data prevista di dimissione".into()),
                responsibilities: Some("L'ospedale segnala; il PUA attiva l'UVM; l'Ambito attiva i servizi sociali".into()),
                monitoring_indicators: Some("Tempi di attesa della dimissione; persone servite dal percorso".into()),
            },
        },
        added,
    )
    .await?;
    let adp_signed = date(last_year - 1, 12, 15)?;
    agreement(
        db,
        admin,
        adp_signed,
        AgreementInput {
            kind: NetworkAgreementKind::AccordoDiProgramma,
            title: format!(
                "Accordo di Programma per il Piano di Zona {}–{}",
                last_year,
                last_year + 2
            ),
            parties: vec![
                party(cast.valle_camonica, AgreementPartyRole::Promoter, None),
                party(cast.ats, AgreementPartyRole::Signatory, None),
                party(cast.asst, AgreementPartyRole::Signatory, asst_contact),
            ],
            services: Vec::new(),
            life_areas: LifeArea::ALL.to_vec(),
            signed_on: Some(adp_signed),
            valid_from: Some(date(last_year, 1, 1)?),
            valid_until: Some(date(last_year + 2, 12, 31)?),
            protocol_number: Some(format!("Rep. n. 27/{}", last_year - 1)),
            elements: Elements {
                purpose: Some("Programmare in modo integrato gli interventi sociali e sociosanitari dell'Ambito".into()),
                recipients: Some("La popolazione dell'Ambito, con attenzione alle fragilità".into()),
                actions: Some("Valutazione multidimensionale congiunta; PUA integrati; EEMM; formazione comune".into()),
                actors: Some("Comuni dell'Ambito, ATS della Montagna, ASST della Valcamonica, terzo settore".into()),
                timing: Some("Triennale, con verifica annuale".into()),
                responsibilities: Some("L'Ufficio di Piano coordina; ATS e ASST per la parte sanitaria".into()),
                monitoring_indicators: Some("Situazioni valutate congiuntamente; EEMM attive; incontri formativi svolti".into()),
            },
        },
        added,
    )
    .await?;
    let co_design_signed = date(last_year, 2, 10)?;
    agreement(
        db,
        admin,
        co_design_signed,
        AgreementInput {
            kind: NetworkAgreementKind::CoProgettazione,
            title: "Co-progettazione dei servizi per la domiciliarità con il terzo settore".into(),
            parties: vec![
                party(cast.valle_camonica, AgreementPartyRole::Promoter, None),
                party(
                    cast.cooperative,
                    AgreementPartyRole::EtsPartner,
                    cooperative_contact,
                ),
            ],
            services: vec![ServiceKind::Sad, ServiceKind::Sollievo, ServiceKind::Pasti],
            life_areas: vec![LifeArea::Housing, LifeArea::SocialInclusion],
            signed_on: Some(co_design_signed),
            valid_from: Some(co_design_signed),
            valid_until: None,
            protocol_number: None,
            elements: Elements {
                purpose: Some(
                    "Progettare insieme al terzo settore i servizi che sostengono la vita a casa"
                        .into(),
                ),
                ..Elements::default()
            },
        },
        added,
    )
    .await
}

/// An Ambito's meetings: its EEMM's training and supervision, its caregiver
/// course and its co-design table.
struct Ambito<'a> {
    name: &'static str,
    team: Uuid,
    coordinator: &'a user::Model,
    organization: Uuid,
    /// Who records the Ambito's own meetings (an agreement manager, or ADMIN).
    recorder: &'a user::Model,
    agreement: Option<Uuid>,
}

/// One meeting planned (and, when its day has passed, held or cancelled)
/// unless one of that title on that day exists.
struct Planned<'a> {
    by: &'a user::Model,
    kind: MeetingKind,
    title: String,
    on: NaiveDate,
    team: Option<Uuid>,
    organization: Option<Uuid>,
    participants: Vec<Uuid>,
    external: i32,
    agreement: Option<Uuid>,
    /// A past meeting that did not take place.
    cancelled: bool,
}

async fn plan(db: &DatabaseConnection, meeting: Planned<'_>) -> AppResult<usize> {
    let exists = meeting::Entity::find()
        .filter(meeting::Column::Title.eq(meeting.title.as_str()))
        .filter(meeting::Column::PlannedOn.eq(meeting.on))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(0);
    }
    let now = today();
    let planned_ahead = meeting
        .on
        .checked_sub_days(Days::new(30))
        .unwrap_or(meeting.on)
        .min(now);
    let planning: Caller = seed_caller_on(meeting.by, planned_ahead)?;
    let services = match meeting.kind {
        MeetingKind::FormazioneCaregiver => vec![ServiceKind::Sollievo],
        MeetingKind::CoProgettazione => vec![ServiceKind::Sad, ServiceKind::Sollievo],
        _ => Vec::new(),
    };
    let created = meetings::plan_meeting(
        db,
        &planning,
        MeetingInput {
            kind: meeting.kind,
            title: meeting.title,
            planned_on: meeting.on,
            held_on: None,
            team_id: meeting.team,
            organization_id: meeting.organization,
            participant_ids: meeting.participants.clone(),
            external_participants: 0,
            services,
            agreement_id: meeting.agreement,
            note: None,
        },
    )
    .await?;
    if meeting.on <= now {
        let that_day = seed_caller_on(meeting.by, meeting.on)?;
        let planned = AtVersion::new(created.id, created.version);
        if meeting.cancelled {
            let reason = "Rinviato per l'assenza del formatore".to_owned();
            meetings::cancel_meeting(db, &that_day, planned.with(reason)).await?;
        } else {
            let attendance = Attendance {
                held_on: meeting.on,
                participant_ids: meeting.participants,
                external_participants: meeting.external,
                note: None,
            };
            meetings::record_meeting_held(db, &that_day, planned.with(attendance)).await?;
        }
    }
    Ok(1)
}

/// From January last year to two months ahead: every month a training and
/// a supervision of the EEMM (one training in six did not take place), a
/// caregiver course session and a co-design table every quarter.
async fn seed_meetings(
    db: &DatabaseConnection,
    ambito: &Ambito<'_>,
    people: &People,
) -> AppResult<usize> {
    let now = today();
    let start = date(now.year() - 1, 1, 1)?;
    let end = now
        .checked_add_months(Months::new(2))
        .ok_or_else(|| missing("two months ahead"))?;
    let members = vec![
        ambito.coordinator.id,
        people.educatore.id,
        people.oss.id,
        people.infermiere.id,
    ];
    let mut added = 0;
    let mut month = start;
    let mut n = 0u32;
    while month <= end {
        let training_on = month
            .checked_add_days(Days::new(9))
            .ok_or_else(|| missing("date"))?;
        added += plan(
            db,
            Planned {
                by: ambito.coordinator,
                kind: MeetingKind::Formazione,
                title: format!(
                    "Formazione EEMM {}: la valutazione multidimensionale",
                    ambito.name
                ),
                on: training_on,
                team: Some(ambito.team),
                organization: None,
                participants: members.clone(),
                external: 0,
                agreement: None,
                cancelled: n % 6 == 5,
            },
        )
        .await?;
        let supervision_on = month
            .checked_add_days(Days::new(20))
            .ok_or_else(|| missing("date"))?;
        added += plan(
            db,
            Planned {
                by: ambito.coordinator,
                kind: MeetingKind::Supervisione,
                title: format!("Supervisione dei casi EEMM {}", ambito.name),
                on: supervision_on,
                team: Some(ambito.team),
                organization: None,
                participants: members.clone(),
                external: 0,
                agreement: None,
                cancelled: false,
            },
        )
        .await?;
        if month.month() % 3 == 2 {
            let course_on = month
                .checked_add_days(Days::new(14))
                .ok_or_else(|| missing("date"))?;
            added += plan(
                db,
                Planned {
                    by: ambito.recorder,
                    kind: MeetingKind::FormazioneCaregiver,
                    title: format!("Corso per caregiver familiari – {}", ambito.name),
                    on: course_on,
                    team: None,
                    organization: Some(ambito.organization),
                    participants: vec![people.oss.id],
                    external: 9 + (n % 7) as i32,
                    agreement: None,
                    cancelled: false,
                },
            )
            .await?;
            added += plan(
                db,
                Planned {
                    by: ambito.recorder,
                    kind: MeetingKind::CoProgettazione,
                    title: format!(
                        "Tavolo di co-progettazione della domiciliarità – {}",
                        ambito.name
                    ),
                    on: course_on
                        .checked_add_days(Days::new(3))
                        .ok_or_else(|| missing("date"))?,
                    team: None,
                    organization: Some(ambito.organization),
                    participants: vec![people.educatore.id],
                    external: 4,
                    agreement: ambito.agreement,
                    cancelled: false,
                },
            )
            .await?;
        }
        month = month
            .checked_add_months(Months::new(1))
            .ok_or_else(|| missing("next month"))?;
        n += 1;
    }
    Ok(added)
}
