//! Dimissioni protette: a ward reports a frail patient, the receiving PUA or
//! UVM is told at once, the plan is agreed, the patient is discharged (or the
//! report cancelled). Every step that matters notifies through the outbox.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    assessment, discharge, discharge_plan_need, fhir_inbound_bundle, organization, person, project,
    team, team_membership, user,
};
use sea_orm::sea_query::{Expr, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use url::Url;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::discharge_workflow::{
    self, Completion, DischargeAction, DischargeFacts, PlanAssessment, ProtocolRefusal,
};
use crate::domain::fiscal_code::FiscalCode;
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::{
    CancelReason, CareSetting, DischargeNeed, DischargeStatus, OrganizationKind, ProjectKind,
    ProjectStatus, ReferralSource, Sex, TeamKind, Urgency,
};
use crate::error::{AppError, AppResult};
use crate::notify::outbox;
use crate::notify::templates::{initials, Event};
use crate::policy;
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::not_in_future;
use crate::services::page::{fetch_audited_page, Keyset, Page, PageRequest};
use crate::services::persons::{self, FirstReferral, PersonDraft};
use crate::services::projects::{self, NewProject};
use crate::services::reminder_sweep::claim_once;
use crate::services::rows::{find, named, InRow};
use crate::services::versions::{guarded_update, stale, Versioned};

/// Who the discharge is for: someone the reporter may already see, or an
/// identity typed at the ward.
#[derive(Debug, Clone)]
pub enum Patient {
    Existing(Uuid),
    Identity(Box<PersonDraft>),
}

#[derive(Debug, Clone)]
pub struct NewDischarge {
    pub patient: Patient,
    pub hospital_id: Uuid,
    pub ward: String,
    pub admitted_on: NaiveDate,
    pub expected_on: NaiveDate,
    pub team_id: Uuid,
    pub needs: Option<String>,
    pub notes: Option<String>,
}

/// Active members of the receiving team, who are told about every step.
pub(crate) async fn team_members(
    conn: &impl ConnectionTrait,
    team_id: Uuid,
) -> AppResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(
            user::Column::Id.in_subquery(
                Query::select()
                    .column(team_membership::Column::UserId)
                    .from(team_membership::Entity)
                    .and_where(Expr::col(team_membership::Column::TeamId).eq(team_id))
                    .and_where(Expr::col(team_membership::Column::EndedOn).is_null())
                    .to_owned(),
            ),
        )
        .all(conn)
        .await?)
}

/// The case managers of the person's running projects who are still active
/// members of the project's team: one who left is told nothing more.
async fn case_managers(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
) -> AppResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(
            user::Column::Id.in_subquery(
                Query::select()
                    .column((project::Entity, project::Column::CaseManagerId))
                    .from(project::Entity)
                    .inner_join(
                        team_membership::Entity,
                        Expr::col((team_membership::Entity, team_membership::Column::TeamId))
                            .equals((project::Entity, project::Column::TeamId))
                            .and(
                                Expr::col((
                                    team_membership::Entity,
                                    team_membership::Column::UserId,
                                ))
                                .equals((project::Entity, project::Column::CaseManagerId)),
                            ),
                    )
                    .and_where(
                        Expr::col((team_membership::Entity, team_membership::Column::EndedOn))
                            .is_null(),
                    )
                    .and_where(
                        Expr::col((project::Entity, project::Column::PersonId)).eq(person_id),
                    )
                    .and_where(
                        Expr::col((project::Entity, project::Column::Status))
                            .ne(ProjectStatus::Closed.as_str()),
                    )
                    .to_owned(),
            ),
        )
        .all(conn)
        .await?)
}

/// Who is told of a step of a reported discharge.
#[derive(Clone, Copy)]
enum Told {
    /// The receiving team.
    Team,
    /// The receiving team and the case managers of the person's projects.
    TeamAndCaseManagers,
}

/// A step written in its transaction, still open: the discharge as read
/// and as written.
struct Step {
    txn: DatabaseTransaction,
    found: discharge::Model,
    updated: discharge::Model,
}

impl Step {
    /// Ends the step: its writes stand, and the caller gets the discharge.
    async fn commit(self) -> AppResult<discharge::Model> {
        self.txn.commit().await?;
        Ok(self.updated)
    }

    /// Ends the step, queueing first `event` (built from the patient's
    /// initials: no name leaves by email) for those `who` follow the
    /// discharge, in the step's transaction.
    async fn tell_and_commit(
        self,
        caller: &Caller,
        public_url: &Url,
        who: Told,
        event: impl FnOnce(String) -> Event,
    ) -> AppResult<discharge::Model> {
        let found = &self.found;
        let mut recipients = team_members(&self.txn, found.receiving_team_id).await?;
        if matches!(who, Told::TeamAndCaseManagers) {
            recipients.extend(case_managers(&self.txn, found.person_id).await?);
        }
        let event = event(initials_of(&self.txn, found.person_id).await?);
        let discharge_id = Some(found.id);
        outbox::notify(
            &self.txn,
            caller,
            public_url,
            &recipients,
            &event,
            discharge_id,
        )
        .await?;
        self.commit().await
    }
}

pub(crate) async fn initials_of(conn: &impl ConnectionTrait, person_id: Uuid) -> AppResult<String> {
    let found = find::<person::Entity>(conn, person_id).await?;
    Ok(initials(&found.given_name, &found.family_name))
}

/// A day of the stay (`what` names it in the message, `field` in the input):
/// not in the future, not before the admission.
fn check_stay_day(
    field: &str,
    what: &str,
    day: NaiveDate,
    found: &discharge::Model,
    today: NaiveDate,
) -> AppResult<()> {
    not_in_future(field, what, day, today)?;
    if day < found.admitted_on {
        return Err(AppError::validation(
            field,
            format!("{what} precede il ricovero"),
        ));
    }
    Ok(())
}

fn check_dates(admitted_on: NaiveDate, expected_on: NaiveDate, today: NaiveDate) -> AppResult<()> {
    not_in_future("admittedOn", "La data di ricovero", admitted_on, today)?;
    if expected_on < admitted_on {
        return Err(AppError::validation(
            "expectedDischargeOn",
            "La dimissione prevista precede il ricovero",
        ));
    }
    Ok(())
}

/// The patient's identity as typed in a report.
pub struct TypedIdentity {
    pub fiscal_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

/// The row of a discharge just reported: `report` (its text already
/// checked, its patient resolved to `person_id`), who reported it and when,
/// the identity as typed. It is REPORTED: nothing scheduled, planned,
/// assessed or closed yet, and its reminder not sent.
pub fn reported_row(
    person_id: Uuid,
    report: NewDischarge,
    reported_by: Option<Uuid>,
    reported_at: DateTime<Utc>,
    typed: TypedIdentity,
) -> discharge::ActiveModel {
    discharge::ActiveModel {
        id: Set(Uuid::now_v7()),
        version: Set(1),
        person_id: Set(person_id),
        hospital_id: Set(report.hospital_id),
        ward: Set(report.ward),
        admitted_on: Set(report.admitted_on),
        expected_discharge_on: Set(report.expected_on),
        receiving_team_id: Set(report.team_id),
        needs: Set(report.needs),
        notes: Set(report.notes),
        status: Set(DischargeStatus::Reported),
        reported_by: Set(reported_by),
        reported_at: Set(reported_at),
        assessment_scheduled_on: Set(None),
        dischargeable_on: Set(None),
        assessment_id: Set(None),
        plan_destination: Set(None),
        plan_services: Set(None),
        plan_agreed_on: Set(None),
        plan_agreed_by: Set(None),
        discharged_on: Set(None),
        destination: Set(None),
        cancel_reason: Set(None),
        cancel_note: Set(None),
        cancelled_on: Set(None),
        reminder_sent: Set(false),
        updated_at: Set(reported_at),
        reported_fiscal_code: Set(typed.fiscal_code),
        reported_given_name: Set(Some(typed.given_name)),
        reported_family_name: Set(Some(typed.family_name)),
        reported_birth_date: Set(Some(typed.birth_date)),
        reported_sex: Set(Some(typed.sex)),
        plan_note: Set(None),
        project_id: Set(None),
    }
}

/// The ward reports; the receiving team (a PUA or a UVM) is notified at
/// once. Only the hospital's own staff report (in person, or through the
/// hospital's system: `report_discharge_once`), or a member of the receiving
/// team records a report the ward phoned in (`policy::require_discharge_reporter`).
/// A patient not yet known is created in the team's care in the same
/// transaction; one already known by codice fiscale is linked, and the
/// receiving team becomes responsible for them. The reporter is given nothing
/// about a matched person: the discharge keeps the identity as typed. A team
/// member recording on a hospital's behalf links only a person they may
/// already see, so that reporting cannot open a stranger's record to the
/// reporter's own team.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), hospital_id = %input.hospital_id, team_id = %input.team_id))]
pub async fn report_discharge(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
    input: NewDischarge,
) -> AppResult<discharge::Model> {
    policy::may_report_discharges(caller)?;
    let txn = db.begin().await?;
    let created = record_report(&txn, caller, public_url, input).await?;
    txn.commit().await?;
    Ok(created)
}

/// The report of `report_discharge`, in the caller's transaction.
async fn record_report(
    txn: &DatabaseTransaction,
    caller: &Caller,
    public_url: &Url,
    input: NewDischarge,
) -> AppResult<discharge::Model> {
    let team = named::<team::Entity>(txn, input.team_id, "teamId", "Équipe non trovata").await?;
    if ![TeamKind::Pua.as_str(), TeamKind::Uvm.as_str()].contains(&team.kind.as_str()) {
        return Err(AppError::validation(
            "teamId",
            "Le dimissioni protette si segnalano a un PUA o a una UVM",
        ));
    }
    let hospital =
        named::<organization::Entity>(txn, input.hospital_id, "hospitalId", "Ospedale non trovato")
            .await?;
    if hospital.kind != OrganizationKind::Ospedale {
        return Err(AppError::validation(
            "hospitalId",
            "L'organizzazione indicata non è un ospedale",
        ));
    }
    let (reporting_user, reporter) =
        policy::require_discharge_reporter(txn, caller, &hospital, &team).await?;
    let ward = optional_text("ward", Some(&input.ward), 200)?
        .ok_or_else(|| AppError::validation("ward", "Indica il reparto"))?;
    check_dates(input.admitted_on, input.expected_on, caller.today())?;
    let needs = optional_text("needs", input.needs.as_deref(), 10_000)?;
    let notes = optional_text("notes", input.notes.as_deref(), 10_000)?;

    // Resolved first, by reading only: a new person is inserted with the
    // discharge, below.
    enum Resolved {
        Known(Uuid),
        New(Box<persons::NewPersonRows>),
    }
    let (resolved, typed) = match &input.patient {
        Patient::Existing(id) => {
            policy::require_person_access(txn, caller, *id).await?;
            let known = find::<person::Entity>(txn, *id).await?;
            let typed = TypedIdentity {
                fiscal_code: known.fiscal_code,
                given_name: known.given_name,
                family_name: known.family_name,
                birth_date: known.birth_date,
                sex: known.sex,
            };
            (Resolved::Known(*id), typed)
        }
        Patient::Identity(draft) => {
            let code = match draft.fiscal_code.as_deref().map(FiscalCode::parse) {
                Some(Ok(code)) => Some(code),
                // A malformed code is refused by the new person's checks.
                _ => None,
            };
            let known = match &code {
                Some(code) => {
                    person::Entity::find()
                        .filter(person::Column::FiscalCode.eq(code.as_str()))
                        .one(txn)
                        .await?
                }
                None => None,
            };
            let resolved = match known {
                Some(p) => {
                    if reporter == policy::DischargeReporter::TeamOnBehalf
                        && !policy::may_read_person(txn, caller, p.id).await?
                    {
                        return Err(AppError::Conflict(
                            "La persona con questo codice fiscale è già seguita da un'altra équipe: \
                             chiedi al reparto di segnalare la dimissione in Ponte, oppure all'équipe \
                             che la segue di inviarla al PUA"
                                .into(),
                        ));
                    }
                    Resolved::Known(p.id)
                }
                None => Resolved::New(Box::new(
                    persons::checked_new_person(txn, draft, caller.today()).await?,
                )),
            };
            let typed = TypedIdentity {
                fiscal_code: code.map(|c| c.as_str().to_owned()),
                given_name: draft.given_name.trim().to_owned(),
                family_name: draft.family_name.trim().to_owned(),
                birth_date: draft.birth_date,
                sex: draft.sex,
            };
            (resolved, typed)
        }
    };

    let person_id = match resolved {
        Resolved::Known(id) => id,
        Resolved::New(rows) => {
            let first = FirstReferral {
                team_id: input.team_id,
                source: ReferralSource::Hospital,
                reason: "Segnalazione di dimissione protetta".into(),
                urgency: Urgency::Priority,
            };
            persons::insert_new_person(txn, caller, reporting_user, *rows, &first)
                .await?
                .id
        }
    };
    let team_id = input.team_id;
    let checked = NewDischarge {
        ward,
        needs,
        notes,
        ..input
    };
    let created = reported_row(person_id, checked, reporting_user, caller.now(), typed)
        .insert(txn)
        .await?;
    let recipients = team_members(txn, team_id).await?;
    let event = Event::DischargeReported {
        initials: initials_of(txn, person_id).await?,
        expected_on: created.expected_discharge_on,
    };
    let discharge_id = Some(created.id);
    outbox::notify(txn, caller, public_url, &recipients, &event, discharge_id).await?;
    audit::record(
        txn,
        caller,
        AuditEntry::new(AuditAction::DischargeReported)
            .on("discharge", created.id)
            .person(person_id),
    )
    .await?;
    Ok(created)
}

/// The message a hospital's system sent, by its identifier (a FHIR
/// Bundle's `identifier`): the same message twice makes one discharge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageId {
    pub system: String,
    pub value: String,
}

/// What a hospital's system is told of its report: the discharge, and
/// whether this message made it or an earlier send of the same message did.
/// Nothing else: the system learns nothing of a person Ponte already knew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemReport {
    pub discharge_id: Uuid,
    pub created: bool,
}

/// A hospital's system reports a protected discharge (`POST /fhir/r4/Bundle`):
/// the rules of `report_discharge`, for the account's own hospital, once per
/// message. The message is claimed first in the transaction (a row unique by
/// organization and identifier, inserted or left alone), so that a second
/// send, even at the same moment, waits for the first and is answered with
/// its discharge instead of making another.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %input.team_id))]
pub async fn report_discharge_once(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
    message: MessageId,
    input: NewDischarge,
) -> AppResult<SystemReport> {
    let account = policy::require_discharge_system(db, caller).await?;
    let input = NewDischarge {
        hospital_id: account.organization_id,
        ..input
    };
    let txn = db.begin().await?;
    let claim = fhir_inbound_bundle::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(account.organization_id),
        identifier_system: Set(message.system.clone()),
        identifier_value: Set(message.value.clone()),
        service_account_id: Set(account.account_id),
        discharge_id: Set(None),
        received_at: Set(caller.now()),
    };
    let key = [
        fhir_inbound_bundle::Column::OrganizationId,
        fhir_inbound_bundle::Column::IdentifierSystem,
        fhir_inbound_bundle::Column::IdentifierValue,
    ];
    let claimed = claim_once(&txn, claim, key).await?;
    let row = fhir_inbound_bundle::Entity::find()
        .filter(fhir_inbound_bundle::Column::OrganizationId.eq(account.organization_id))
        .filter(fhir_inbound_bundle::Column::IdentifierSystem.eq(&message.system))
        .filter(fhir_inbound_bundle::Column::IdentifierValue.eq(&message.value))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::Internal("the claimed message is not there".into()))?;
    if !claimed {
        return match row.discharge_id {
            Some(discharge_id) => Ok(SystemReport {
                discharge_id,
                created: false,
            }),
            None => Err(AppError::Internal(
                "an earlier send of the message made no discharge".into(),
            )),
        };
    }
    let created = record_report(&txn, caller, public_url, input).await?;
    let mut done: fhir_inbound_bundle::ActiveModel = row.into();
    done.discharge_id = Set(Some(created.id));
    done.update(&txn).await?;
    txn.commit().await?;
    Ok(SystemReport {
        discharge_id: created.id,
        created: true,
    })
}

pub(crate) async fn load(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<discharge::Model> {
    find::<discharge::Entity>(conn, id).await
}

/// One discharge, for its reporter and the receiving team; audited.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %id))]
pub async fn get_discharge(
    db: &DatabaseConnection,
    caller: &Caller,
    id: Uuid,
) -> AppResult<discharge::Model> {
    let found = load(db, id).await?;
    policy::require_discharge_party(db, caller, &found).await?;
    audit::record(
        db,
        caller,
        AuditEntry::new(AuditAction::DischargeRead)
            .on("discharge", id)
            .person(found.person_id),
    )
    .await?;
    Ok(found)
}

#[derive(Debug, Clone, Default)]
pub struct DischargeFilter {
    pub status: Option<DischargeStatus>,
    pub team_id: Option<Uuid>,
    pub hospital_id: Option<Uuid>,
    /// Past the expected date and still not discharged or cancelled.
    pub overdue: bool,
}

/// The discharges the caller reported or whose receiving team they are in,
/// soonest expected first; each listed one is an audited access.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_discharges(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: DischargeFilter,
    page: PageRequest,
) -> AppResult<Page<discharge::Model>> {
    let viewer = policy::require_case_worker(caller)?;
    let mut query = discharge::Entity::find().filter(
        Condition::any()
            .add(discharge::Column::ReportedBy.eq(viewer.user_id))
            .add(
                discharge::Column::ReceivingTeamId.in_subquery(
                    Query::select()
                        .column(team_membership::Column::TeamId)
                        .from(team_membership::Entity)
                        .and_where(Expr::col(team_membership::Column::UserId).eq(viewer.user_id))
                        .and_where(Expr::col(team_membership::Column::EndedOn).is_null())
                        .to_owned(),
                ),
            ),
    );
    if let Some(status) = filter.status {
        query = query.filter(discharge::Column::Status.eq(status.as_str()));
    }
    if let Some(team_id) = filter.team_id {
        query = query.filter(discharge::Column::ReceivingTeamId.eq(team_id));
    }
    if let Some(hospital_id) = filter.hospital_id {
        query = query.filter(discharge::Column::HospitalId.eq(hospital_id));
    }
    if filter.overdue {
        // `discharge_workflow::is_overdue`, in SQL.
        query = query
            .filter(discharge::Column::ExpectedDischargeOn.lt(caller.today()))
            .filter(discharge::Column::Status.is_not_in(
                discharge_workflow::DischargeStatus::FINAL.map(|status| status.as_str()),
            ));
    }
    let txn = db.begin().await?;
    fetch_audited_page(txn, caller, query, &by_expected_day(), page, |d| {
        AuditEntry::new(AuditAction::DischargeListed)
            .on("discharge", d.id)
            .person(d.person_id)
    })
    .await
}

/// The discharge board's order: the nearest expected discharge first, then by id.
fn by_expected_day() -> Keyset<discharge::Model> {
    Keyset::new("discharges")
        .asc(discharge::Column::ExpectedDischargeOn)
        .asc(discharge::Column::Id)
}

fn refused(refusal: discharge_workflow::DischargeRefusal) -> AppError {
    AppError::validation("status", refusal.message_it())
}

/// The status column set to where `action` takes a discharge in `from`, or
/// the workflow's refusal.
fn moved(
    from: DischargeStatus,
    action: DischargeAction,
    facts: &DischargeFacts,
) -> AppResult<(discharge::Column, SimpleExpr)> {
    let next = discharge_workflow::next_status(from, action, facts).map_err(refused)?;
    Ok((discharge::Column::Status, Expr::value(next.as_str())))
}

/// Opens the transaction of a step by one of the discharge's parties, with
/// the discharge read in it.
async fn begin_for_party(
    db: &DatabaseConnection,
    caller: &Caller,
    id: Uuid,
) -> AppResult<(DatabaseTransaction, discharge::Model)> {
    let txn = db.begin().await?;
    let found = load(&txn, id).await?;
    policy::require_discharge_party(&txn, caller, &found).await?;
    Ok((txn, found))
}

/// A discharged or cancelled discharge is no longer edited.
fn still_open(found: &discharge::Model) -> AppResult<()> {
    if found.status.is_final() {
        return Err(AppError::validation(
            "status",
            "La dimissione è conclusa e non si modifica più",
        ));
    }
    Ok(())
}

/// A step by one of the discharge's parties on the version they read: the
/// changes `decide` makes of the discharge as read in the step's
/// transaction, written there.
async fn party_step<T>(
    db: &DatabaseConnection,
    caller: &Caller,
    input: &AtVersion<T>,
    decide: impl FnOnce(&discharge::Model) -> AppResult<Vec<(discharge::Column, SimpleExpr)>>,
) -> AppResult<Step> {
    let (txn, found) = begin_for_party(db, caller, input.id).await?;
    let changes = decide(&found)?;
    let updated = write(&txn, caller, &found, input.expected_version, changes).await?;
    Ok(Step {
        txn,
        found,
        updated,
    })
}

/// Version-checked update of one discharge, inside `txn`, with its audit
/// event. The step was decided on `found`, read in `txn`: it stands only if
/// `found` is the version the caller meant to change, and the guarded update
/// then makes sure nobody changed it since (of two steps decided on one
/// version, one is written and the other is stale).
async fn write(
    txn: &impl ConnectionTrait,
    caller: &Caller,
    found: &discharge::Model,
    expected_version: i32,
    changes: Vec<(discharge::Column, SimpleExpr)>,
) -> AppResult<discharge::Model> {
    if found.version != expected_version {
        return Err(stale(discharge::Entity::NOUN));
    }
    guarded_update::<discharge::Entity>(txn, caller.now(), found.id, expected_version, changes)
        .await?;
    audit::record(
        txn,
        caller,
        AuditEntry::new(AuditAction::DischargeChanged)
            .on("discharge", found.id)
            .person(found.person_id),
    )
    .await?;
    load(txn, found.id).await
}

#[derive(Debug, Clone, Default)]
pub struct DischargeChanges {
    pub ward: Option<String>,
    pub expected_on: Option<NaiveDate>,
    pub needs: Option<String>,
    pub notes: Option<String>,
    /// Setting it on a REPORTED discharge moves it to ASSESSMENT_SCHEDULED.
    pub assessment_scheduled_on: Option<NaiveDate>,
}

/// A changed expected date notifies the team and the case manager, and the
/// day-before reminder becomes due again for the new date.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %input.id))]
pub async fn update_discharge(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
    input: AtVersion<DischargeChanges>,
) -> AppResult<discharge::Model> {
    let changes = &input.change;
    let step = party_step(db, caller, &input, |found| {
        still_open(found)?;
        let from = found.status;
        let mut set: Vec<(discharge::Column, SimpleExpr)> = Vec::new();
        if let Some(text) = &changes.ward {
            let ward = optional_text("ward", Some(text), 200)?
                .ok_or_else(|| AppError::validation("ward", "Indica il reparto"))?;
            set.push((discharge::Column::Ward, Expr::value(ward)));
        }
        if let Some(date) = changes.expected_on {
            check_dates(found.admitted_on, date, caller.today())?;
            set.push((discharge::Column::ExpectedDischargeOn, Expr::value(date)));
            if date != found.expected_discharge_on {
                set.push((discharge::Column::ReminderSent, Expr::value(false)));
            }
        }
        if let Some(text) = &changes.needs {
            set.push((
                discharge::Column::Needs,
                Expr::value(optional_text("needs", Some(text), 10_000)?),
            ));
        }
        if let Some(text) = &changes.notes {
            set.push((
                discharge::Column::Notes,
                Expr::value(optional_text("notes", Some(text), 10_000)?),
            ));
        }
        if let Some(date) = changes.assessment_scheduled_on {
            set.push((discharge::Column::AssessmentScheduledOn, Expr::value(date)));
            if from == DischargeStatus::Reported {
                set.push(moved(
                    from,
                    DischargeAction::ScheduleAssessment,
                    &DischargeFacts::default(),
                )?);
            }
        }
        Ok(set)
    })
    .await?;
    let expected_on = step.updated.expected_discharge_on;
    if expected_on == step.found.expected_discharge_on {
        return step.commit().await;
    }
    step.tell_and_commit(caller, public_url, Told::TeamAndCaseManagers, |initials| {
        Event::ExpectedDateChanged {
            initials,
            expected_on,
        }
    })
    .await
}

/// The date the patient became clinically dischargeable: the start of the
/// wait the seeds measure.
/// The change is that date.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %input.id))]
pub async fn mark_dischargeable(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<NaiveDate>,
) -> AppResult<discharge::Model> {
    let date = input.change;
    let step = party_step(db, caller, &input, |found| {
        still_open(found)?;
        check_stay_day("date", "La data", date, found, caller.today())?;
        Ok(vec![(
            discharge::Column::DischargeableOn,
            Expr::value(date),
        )])
    })
    .await?;
    step.commit().await
}

fn protocol(refusal: ProtocolRefusal) -> AppError {
    AppError::validation(refusal.field(), refusal.message_it())
}

/// The assessment a plan rests on and how the protocol sees it: the one
/// named, else the one already on the plan, else the latest current version
/// recorded for this discharge (a UVM often logs it after the meeting).
async fn plan_assessment(
    conn: &impl ConnectionTrait,
    found: &discharge::Model,
    named: Option<Uuid>,
) -> AppResult<(Option<Uuid>, PlanAssessment)> {
    let assessment = match named.or(found.assessment_id) {
        Some(id) => {
            let row = assessment::Entity::find_by_id(id)
                .one(conn)
                .await
                .in_row(assessment::Entity, id)?;
            let Some(row) = row else {
                return Ok((None, PlanAssessment::OfAnotherPerson));
            };
            row
        }
        None => {
            let latest = assessment::Entity::find()
                .filter(assessment::Column::DischargeId.eq(found.id))
                .filter(super::assessments::current_versions())
                .order_by_desc(assessment::Column::AssessedOn)
                .order_by_desc(assessment::Column::CreatedAt)
                .one(conn)
                .await?;
            let Some(row) = latest else {
                return Ok((None, PlanAssessment::Missing));
            };
            row
        }
    };
    let state = if assessment.person_id != found.person_id {
        PlanAssessment::OfAnotherPerson
    } else if assessment.signed_at.is_none() {
        PlanAssessment::Draft
    } else {
        PlanAssessment::Signed
    };
    Ok((Some(assessment.id), state))
}

/// The plan the receiving team agrees.
#[derive(Debug, Clone)]
pub struct DischargePlan {
    pub destination: CareSetting,
    /// Listed once each, whatever the input repeats.
    pub needs: Vec<DischargeNeed>,
    pub note: Option<String>,
    /// The assessment the plan rests on; without one, the one recorded for
    /// this discharge, if any.
    pub assessment_id: Option<Uuid>,
}

/// The plan's needs, replaced as a whole.
async fn write_needs(
    txn: &impl ConnectionTrait,
    discharge_id: Uuid,
    needs: &[DischargeNeed],
) -> AppResult<()> {
    let mut unique = needs.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let rows = unique
        .into_iter()
        .map(|need| discharge_plan_need::ActiveModel {
            id: Set(Uuid::now_v7()),
            discharge_id: Set(discharge_id),
            need: Set(need),
        });
    replace_children(
        txn,
        discharge_plan_need::Column::DischargeId,
        discharge_id,
        rows,
    )
    .await
}

/// The receiving team agrees the plan: destination, the needs to arrange for
/// and a note, resting on the person's signed assessment (needed when no
/// assessment was scheduled; a draft is refused).
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %input.id))]
pub async fn agree_plan(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<DischargePlan>,
) -> AppResult<discharge::Model> {
    let AtVersion {
        id,
        expected_version,
        change: plan,
    } = input;
    let txn = db.begin().await?;
    let found = load(&txn, id).await?;
    // The plan is the receiving team's, not the ward's.
    let viewer = policy::require_team_member(&txn, caller, found.receiving_team_id).await?;
    let (assessment_id, state) = plan_assessment(&txn, &found, plan.assessment_id).await?;
    discharge_workflow::check_plan_assessment(state).map_err(protocol)?;
    let facts = DischargeFacts {
        has_assessment: assessment_id.is_some(),
    };
    let status = moved(found.status, DischargeAction::AgreePlan, &facts)?;
    let note = optional_text("note", plan.note.as_deref(), 2000)?;
    let updated = write(
        &txn,
        caller,
        &found,
        expected_version,
        vec![
            status,
            (
                discharge::Column::PlanDestination,
                Expr::value(plan.destination.as_str()),
            ),
            (discharge::Column::PlanNote, Expr::value(note)),
            (discharge::Column::PlanAgreedOn, Expr::value(caller.today())),
            (discharge::Column::PlanAgreedBy, Expr::value(viewer.user_id)),
            (discharge::Column::AssessmentId, Expr::value(assessment_id)),
        ],
    )
    .await?;
    write_needs(&txn, id, &plan.needs).await?;
    txn.commit().await?;
    Ok(updated)
}

/// How the patient left hospital.
#[derive(Debug, Clone)]
pub struct DischargeOutcome {
    pub discharged_on: NaiveDate,
    pub destination: CareSetting,
    /// An open project of the person to link instead of the one Ponte picks.
    pub project_id: Option<Uuid>,
    /// The case manager of a PAI opened by the discharge; the caller when not
    /// given.
    pub case_manager_id: Option<Uuid>,
}

/// The project a discharge continues: the one chosen, which must be an open
/// project of the person the caller may see; else, home with services, the
/// open PAI of the receiving team, else any open PAI of the person (the most
/// recent), else a new PAI of the receiving team, opened as `openProject`
/// opens one (same rules, same history and audit).
async fn project_for(
    txn: &DatabaseTransaction,
    caller: &Caller,
    found: &discharge::Model,
    outcome: &DischargeOutcome,
) -> AppResult<Option<Uuid>> {
    if let Some(id) = outcome.project_id {
        let chosen = project::Entity::find_by_id(id)
            .one(txn)
            .await
            .in_row(project::Entity, id)?
            .filter(|p| p.person_id == found.person_id);
        let Some(chosen) = chosen else {
            return Err(AppError::validation(
                "projectId",
                "Il progetto non riguarda questa persona",
            ));
        };
        policy::require_person_access(txn, caller, found.person_id).await?;
        if chosen.status == ProjectStatus::Closed {
            return Err(AppError::validation(
                "projectId",
                "Il progetto è concluso: scegli un progetto aperto della persona",
            ));
        }
        return Ok(Some(chosen.id));
    }
    if !outcome.destination.has_home_services() {
        return Ok(None);
    }
    let open_pai = project::Entity::find()
        .filter(project::Column::PersonId.eq(found.person_id))
        .filter(project::Column::Kind.eq(ProjectKind::Pai.as_str()))
        .filter(project::Column::Status.ne(ProjectStatus::Closed.as_str()))
        .order_by_desc(project::Column::CreatedAt)
        .all(txn)
        .await?;
    let of_team = open_pai
        .iter()
        .find(|p| p.team_id == found.receiving_team_id)
        .or(open_pai.first());
    if let Some(existing) = of_team {
        return Ok(Some(existing.id));
    }
    let viewer = policy::require_case_worker(caller)?;
    if !policy::is_active_member(txn, viewer.user_id, found.receiving_team_id).await? {
        return Err(AppError::validation(
            "destination",
            "La persona non ha un PAI aperto: la dimissione a domicilio con servizi la registra \
             l'équipe ricevente, che apre il PAI",
        ));
    }
    let opened = projects::open_in(
        txn,
        caller,
        NewProject {
            person_id: found.person_id,
            kind: ProjectKind::Pai,
            team_id: found.receiving_team_id,
            case_manager_id: outcome.case_manager_id.unwrap_or(viewer.user_id),
            title: "PAI dopo dimissione protetta".into(),
            start_date: outcome.discharged_on,
            review_every_days: projects::DEFAULT_REVIEW_EVERY_DAYS,
            parallel_reason: None,
            // Whether it becomes integrated is the team's decision, once
            // both sides are ready to sign (`setProjectIntegrated`).
            integrated: false,
        },
    )
    .await?;
    Ok(Some(opened.id))
}

/// The patient left hospital as the protocol allows
/// (`discharge_workflow::complete`); a discharge home with services links or
/// opens the person's PAI in the same transaction. The case manager and the
/// team are told.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %input.id))]
pub async fn complete(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
    input: AtVersion<DischargeOutcome>,
) -> AppResult<discharge::Model> {
    let AtVersion {
        id,
        expected_version,
        change: outcome,
    } = input;
    let (txn, found) = begin_for_party(db, caller, id).await?;
    let (assessment_id, plan_assessment) = plan_assessment(&txn, &found, None).await?;
    let next = discharge_workflow::complete(
        found.status,
        &Completion {
            destination: outcome.destination,
            discharged_on: outcome.discharged_on,
            dischargeable_on: found.dischargeable_on,
            plan_assessment,
        },
    )
    .map_err(protocol)?;
    check_stay_day(
        "dischargedOn",
        "La data di dimissione",
        outcome.discharged_on,
        &found,
        caller.today(),
    )?;
    let project_id = project_for(&txn, caller, &found, &outcome).await?;
    let mut changes = vec![
        (discharge::Column::Status, Expr::value(next.as_str())),
        (
            discharge::Column::DischargedOn,
            Expr::value(outcome.discharged_on),
        ),
        (
            discharge::Column::Destination,
            Expr::value(outcome.destination.as_str()),
        ),
        (discharge::Column::ProjectId, Expr::value(project_id)),
    ];
    // The assessment recorded for the discharge after the plan becomes the
    // plan's: it is what the discharge rested on.
    if found.status == DischargeStatus::PlanAgreed && found.assessment_id.is_none() {
        changes.push((discharge::Column::AssessmentId, Expr::value(assessment_id)));
    }
    let updated = write(&txn, caller, &found, expected_version, changes).await?;
    let discharged_on = outcome.discharged_on;
    let step = Step {
        txn,
        found,
        updated,
    };
    step.tell_and_commit(caller, public_url, Told::TeamAndCaseManagers, |initials| {
        Event::Discharged {
            initials,
            discharged_on,
        }
    })
    .await
}

/// Why a discharge is cancelled.
#[derive(Debug, Clone)]
pub struct Cancellation {
    pub reason: CancelReason,
    pub note: Option<String>,
}

/// Cancelled on death, transfer, refusal or otherwise; the team is told.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), discharge_id = %input.id))]
pub async fn cancel(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
    input: AtVersion<Cancellation>,
) -> AppResult<discharge::Model> {
    let Cancellation { reason, note } = &input.change;
    let step = party_step(db, caller, &input, |found| {
        let status = moved(
            found.status,
            DischargeAction::Cancel,
            &DischargeFacts::default(),
        )?;
        Ok(vec![
            status,
            (
                discharge::Column::CancelReason,
                Expr::value(reason.as_str()),
            ),
            (
                discharge::Column::CancelNote,
                Expr::value(optional_text("note", note.as_deref(), 2000)?),
            ),
            (discharge::Column::CancelledOn, Expr::value(caller.today())),
        ])
    })
    .await?;
    step.tell_and_commit(caller, public_url, Told::Team, |initials| {
        Event::DischargeCancelled { initials }
    })
    .await
}
