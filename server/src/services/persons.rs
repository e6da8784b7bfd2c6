//! Persons (beneficiari): created in the care of a team, read and changed
//! only by those responsible for them, every access audited.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{organization, person, privacy_consent, project, reference_person, referral};
use sea_orm::sea_query::{Expr, LikeExpr, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set, SqlErr, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::account::check_email;
use crate::domain::fiscal_code::FiscalCode;
use crate::domain::person_identity::{self, optional_text, IdentityError};
use crate::domain::search_text;
use crate::domain::vocabulary::{
    AgeBand, ConsentKind, FiscalCodeMissingReason, OrganizationKind, ProjectStatus,
    ReferencePersonKind, ReferralSource, ReferralStatus, Sex, TargetGroup, Urgency,
};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::at_version::AtVersion;
use crate::services::not_in_future;
use crate::services::page::{fetch_audited_page, Keyset, Page, PageRequest};
use crate::services::person_search;
use crate::services::rows::{commit_audited, find, named};
use crate::services::versions::{guarded_update, stale, Versioned};

impl From<IdentityError> for AppError {
    fn from(err: IdentityError) -> Self {
        AppError::validation(err.field, err.message)
    }
}

/// Everything that describes a person, as the operator entered it.
#[derive(Debug, Clone)]
pub struct PersonDraft {
    pub fiscal_code: Option<String>,
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    pub birth_place: Option<String>,
    pub residence: Option<String>,
    pub homeless: bool,
    /// The Comune of residence (of residenza fittizia for a homeless person).
    pub residence_comune_id: Option<Uuid>,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    pub target_groups: Vec<TargetGroup>,
}

/// The first access that puts a new person in a team's care.
#[derive(Debug, Clone)]
pub struct FirstReferral {
    pub team_id: Uuid,
    pub source: ReferralSource,
    pub reason: String,
    pub urgency: Urgency,
}

/// Changes to a person: `None` keeps a field; an empty text clears it.
#[derive(Debug, Clone, Default)]
pub struct PersonChanges {
    pub fiscal_code: Option<String>,
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub birth_place: Option<String>,
    pub residence: Option<String>,
    pub homeless: Option<bool>,
    /// A new Comune of residence; `None` keeps the current one.
    pub residence_comune_id: Option<Uuid>,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    pub target_groups: Option<Vec<TargetGroup>>,
}

/// The column values of a draft that passed every rule.
struct Checked {
    fiscal_code: Option<String>,
    missing_reason: Option<FiscalCodeMissingReason>,
    alternative_code: Option<String>,
    given_name: String,
    family_name: String,
    search_name: String,
    birth_date: NaiveDate,
    sex: Sex,
    birth_place: Option<String>,
    residence: Option<String>,
    homeless: bool,
    residence_comune_id: Option<Uuid>,
    domicile: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    language: Option<String>,
    target_groups: String,
}

fn check(draft: &PersonDraft, today: NaiveDate) -> AppResult<Checked> {
    let given_name = person_identity::check_name("givenName", &draft.given_name)?;
    let family_name = person_identity::check_name("familyName", &draft.family_name)?;
    person_identity::check_birth_date(draft.birth_date, today)?;
    let code = person_identity::check_code(
        draft.fiscal_code.as_deref(),
        draft.fiscal_code_missing_reason,
        draft.alternative_code.as_deref(),
        draft.birth_date,
        draft.sex,
    )?;
    let email = optional_text("email", draft.email.as_deref(), 254)?;
    if let Some(email) = &email {
        check_email(email).map_err(|m| AppError::validation("email", m))?;
    }
    if draft.homeless
        && draft
            .residence
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
    {
        return Err(AppError::validation(
            "residence",
            "Per la residenza fittizia indica l'indirizzo assegnato dal Comune",
        ));
    }
    let mut groups: Vec<&str> = draft.target_groups.iter().map(|g| g.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    Ok(Checked {
        search_name: format!(" {}", search_text::name_tokens(&given_name, &family_name)),
        given_name,
        family_name,
        fiscal_code: code.fiscal_code,
        missing_reason: code.missing_reason,
        alternative_code: code.alternative_code,
        birth_date: draft.birth_date,
        sex: draft.sex,
        birth_place: optional_text("birthPlace", draft.birth_place.as_deref(), 100)?,
        residence: optional_text("residence", draft.residence.as_deref(), 200)?,
        homeless: draft.homeless,
        residence_comune_id: draft.residence_comune_id,
        domicile: optional_text("domicile", draft.domicile.as_deref(), 200)?,
        phone: optional_text("phone", draft.phone.as_deref(), 40)?,
        email,
        language: optional_text("language", draft.language.as_deref(), 40)?,
        target_groups: groups.join(","),
    })
}

/// The Comune of residence must be a Comune of the catalogue: the territory's
/// indicators count persons by it.
async fn check_residence_comune(
    conn: &impl ConnectionTrait,
    comune_id: Option<Uuid>,
) -> AppResult<()> {
    let Some(comune_id) = comune_id else {
        return Ok(());
    };
    let field = "residenceComuneId";
    let comune = named::<organization::Entity>(
        conn,
        comune_id,
        field,
        "Il Comune di residenza non è nel catalogo degli enti",
    )
    .await?;
    if comune.kind != OrganizationKind::Comune {
        return Err(AppError::validation(
            field,
            "La residenza va indicata con un Comune (non un altro tipo di ente)",
        ));
    }
    Ok(())
}

pub async fn load(conn: &impl ConnectionTrait, person_id: Uuid) -> AppResult<person::Model> {
    find::<person::Entity>(conn, person_id).await
}

/// A change to a part of the person's record (a reference person, a privacy
/// consent) moves the person's version on in the same transaction, as
/// `projects::touch` does for a project: the record a client read, and the
/// version it names, include those parts, and a change decided on the
/// record meanwhile conflicts with this one instead of missing it.
async fn touch(conn: &impl ConnectionTrait, now: DateTime<Utc>, person_id: Uuid) -> AppResult<()> {
    let found = load(conn, person_id).await?;
    guarded_update::<person::Entity>(conn, now, person_id, found.version, vec![]).await
}

fn duplicate_fiscal_code() -> AppError {
    // Says nothing about the existing person: the caller may not be responsible for them.
    AppError::Conflict("Esiste già una persona con questo codice fiscale".into())
}

pub(crate) fn map_unique(err: sea_orm::DbErr) -> AppError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => duplicate_fiscal_code(),
        _ => err.into(),
    }
}

async fn fiscal_code_taken(
    conn: &impl ConnectionTrait,
    code: &str,
    except: Option<Uuid>,
) -> AppResult<bool> {
    let mut query = person::Entity::find().filter(person::Column::FiscalCode.eq(code));
    if let Some(id) = except {
        query = query.filter(person::Column::Id.ne(id));
    }
    Ok(query.count(conn).await? > 0)
}

/// The stored list, comma-separated. A name that is not in the vocabulary is
/// a broken row, reported as such (with the person named in the log), never
/// skipped.
pub fn target_groups_of(model: &person::Model) -> AppResult<Vec<TargetGroup>> {
    model
        .target_groups
        .split(',')
        .filter(|name| !name.is_empty())
        .map(|name| {
            TargetGroup::parse(name).ok_or_else(|| {
                AppError::internal(format!(
                    "persons row {}: unknown TargetGroup {name:?}",
                    model.id
                ))
            })
        })
        .collect()
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %first.team_id))]
pub async fn create_person(
    db: &DatabaseConnection,
    caller: &Caller,
    draft: PersonDraft,
    first: FirstReferral,
) -> AppResult<person::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_team_member(&txn, caller, first.team_id)
        .await
        .map_err(|e| match e {
            AppError::NotFound => AppError::validation("teamId", "Équipe non trovata"),
            other => other,
        })?;
    let checked = checked_new_person(&txn, &draft, caller.today()).await?;
    let created = insert_new_person(&txn, caller, Some(viewer.user_id), checked, &first).await?;
    txn.commit().await?;
    Ok(created)
}

/// A new person's draft that passed every rule, ready to insert.
pub struct NewPersonRows(Checked);

/// Checks a new person's identity, including that the codice fiscale is free.
pub async fn checked_new_person(
    conn: &impl ConnectionTrait,
    draft: &PersonDraft,
    today: NaiveDate,
) -> AppResult<NewPersonRows> {
    let checked = check(draft, today)?;
    check_residence_comune(conn, checked.residence_comune_id).await?;
    if let Some(code) = &checked.fiscal_code {
        if fiscal_code_taken(conn, code, None).await? {
            return Err(duplicate_fiscal_code());
        }
    }
    Ok(NewPersonRows(checked))
}

/// Inserts a new person and the first referral that puts them in a team's
/// care, with their audit events, inside the caller's transaction.
pub async fn insert_new_person(
    txn: &impl ConnectionTrait,
    caller: &Caller,
    created_by: Option<Uuid>,
    rows: NewPersonRows,
    first: &FirstReferral,
) -> AppResult<person::Model> {
    let NewPersonRows(checked) = rows;
    let reason = optional_text("referralReason", Some(&first.reason), 2000)?
        .unwrap_or_else(|| "Primo accesso".to_owned());
    let now = caller.now();
    let person_id = Uuid::now_v7();
    let created = person::ActiveModel {
        id: Set(person_id),
        version: Set(1),
        fiscal_code: Set(checked.fiscal_code),
        fiscal_code_missing_reason: Set(checked.missing_reason),
        alternative_code: Set(checked.alternative_code),
        given_name: Set(checked.given_name),
        family_name: Set(checked.family_name),
        search_name: Set(checked.search_name),
        birth_date: Set(checked.birth_date),
        birth_place: Set(checked.birth_place),
        sex: Set(checked.sex),
        residence: Set(checked.residence),
        homeless: Set(checked.homeless),
        residence_comune_id: Set(checked.residence_comune_id),
        domicile: Set(checked.domicile),
        phone: Set(checked.phone),
        email: Set(checked.email),
        language: Set(checked.language),
        target_groups: Set(checked.target_groups),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await
    .map_err(map_unique)?;
    let referral_id = Uuid::now_v7();
    referral::ActiveModel {
        id: Set(referral_id),
        person_id: Set(person_id),
        team_id: Set(first.team_id),
        source: Set(first.source),
        reason: Set(reason),
        urgency: Set(first.urgency),
        status: Set(ReferralStatus::Open),
        created_by: Set(created_by),
        created_at: Set(now),
        accepted_by: Set(None),
        accepted_at: Set(None),
        closed_by: Set(None),
        closed_at: Set(None),
        outcome: Set(None),
    }
    .insert(txn)
    .await?;
    audit::record_many(
        txn,
        caller,
        [
            AuditEntry::new(AuditAction::PersonCreated)
                .on("person", person_id)
                .person(person_id),
            AuditEntry::new(AuditAction::ReferralCreated)
                .on("referral", referral_id)
                .person(person_id)
                .details(json!({ "teamId": first.team_id })),
        ],
    )
    .await?;
    Ok(created)
}

fn merge(current: &person::Model, changes: PersonChanges) -> AppResult<PersonDraft> {
    let keep = |change: Option<String>, now: &Option<String>| match change {
        None => now.clone(),
        Some(text) if text.trim().is_empty() => None,
        Some(text) => Some(text),
    };
    // A new codice fiscale replaces the missing-reason pair, and back.
    let (fiscal_code, missing_reason, alternative_code) =
        if changes.fiscal_code.is_some() || changes.fiscal_code_missing_reason.is_some() {
            (
                changes.fiscal_code.filter(|c| !c.trim().is_empty()),
                changes.fiscal_code_missing_reason,
                changes.alternative_code,
            )
        } else {
            (
                current.fiscal_code.clone(),
                current.fiscal_code_missing_reason,
                keep(changes.alternative_code, &current.alternative_code),
            )
        };
    Ok(PersonDraft {
        fiscal_code,
        fiscal_code_missing_reason: missing_reason,
        alternative_code,
        given_name: changes
            .given_name
            .unwrap_or_else(|| current.given_name.clone()),
        family_name: changes
            .family_name
            .unwrap_or_else(|| current.family_name.clone()),
        birth_date: changes.birth_date.unwrap_or(current.birth_date),
        sex: changes.sex.unwrap_or(current.sex),
        birth_place: keep(changes.birth_place, &current.birth_place),
        residence: keep(changes.residence, &current.residence),
        homeless: changes.homeless.unwrap_or(current.homeless),
        residence_comune_id: changes.residence_comune_id.or(current.residence_comune_id),
        domicile: keep(changes.domicile, &current.domicile),
        phone: keep(changes.phone, &current.phone),
        email: keep(changes.email, &current.email),
        language: keep(changes.language, &current.language),
        target_groups: match changes.target_groups {
            Some(groups) => groups,
            None => target_groups_of(current)?,
        },
    })
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %input.id))]
pub async fn update_person(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<PersonChanges>,
) -> AppResult<person::Model> {
    let AtVersion {
        id: person_id,
        expected_version,
        change: changes,
    } = input;
    let txn = db.begin().await?;
    policy::require_person_access(&txn, caller, person_id).await?;
    let current = load(&txn, person_id).await?;
    if current.version != expected_version {
        return Err(stale(person::Entity::NOUN));
    }
    let checked = check(&merge(&current, changes)?, caller.today())?;
    if checked.residence_comune_id != current.residence_comune_id {
        check_residence_comune(&txn, checked.residence_comune_id).await?;
    }
    if let Some(code) = &checked.fiscal_code {
        if fiscal_code_taken(&txn, code, Some(person_id)).await? {
            return Err(duplicate_fiscal_code());
        }
    }
    let changed: Vec<&str> = [
        ("fiscalCode", checked.fiscal_code != current.fiscal_code),
        ("givenName", checked.given_name != current.given_name),
        ("familyName", checked.family_name != current.family_name),
        ("birthDate", checked.birth_date != current.birth_date),
        ("sex", checked.sex != current.sex),
        (
            "residence",
            checked.residence != current.residence
                || checked.homeless != current.homeless
                || checked.residence_comune_id != current.residence_comune_id,
        ),
        (
            "contacts",
            checked.phone != current.phone || checked.email != current.email,
        ),
        (
            "targetGroups",
            checked.target_groups != current.target_groups,
        ),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect();

    guarded_update::<person::Entity>(
        &txn,
        caller.now(),
        person_id,
        expected_version,
        vec![
            (person::Column::FiscalCode, Expr::value(checked.fiscal_code)),
            (
                person::Column::FiscalCodeMissingReason,
                Expr::value(checked.missing_reason),
            ),
            (
                person::Column::AlternativeCode,
                Expr::value(checked.alternative_code),
            ),
            (person::Column::GivenName, Expr::value(checked.given_name)),
            (person::Column::FamilyName, Expr::value(checked.family_name)),
            (person::Column::SearchName, Expr::value(checked.search_name)),
            (person::Column::BirthDate, Expr::value(checked.birth_date)),
            (person::Column::BirthPlace, Expr::value(checked.birth_place)),
            (person::Column::Sex, Expr::value(checked.sex.as_str())),
            (person::Column::Residence, Expr::value(checked.residence)),
            (person::Column::Homeless, Expr::value(checked.homeless)),
            (
                person::Column::ResidenceComuneId,
                Expr::value(checked.residence_comune_id),
            ),
            (person::Column::Domicile, Expr::value(checked.domicile)),
            (person::Column::Phone, Expr::value(checked.phone)),
            (person::Column::Email, Expr::value(checked.email)),
            (person::Column::Language, Expr::value(checked.language)),
            (
                person::Column::TargetGroups,
                Expr::value(checked.target_groups),
            ),
        ],
    )
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::PersonUpdated)
            .on("person", person_id)
            .person(person_id)
            .details(json!({ "changed": changed })),
    )
    .await?;
    let updated = load(&txn, person_id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Reads a person's record; the read itself is audited.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn get_person(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
) -> AppResult<person::Model> {
    let txn = db.begin().await?;
    policy::require_person_access(&txn, caller, person_id).await?;
    let found = load(&txn, person_id).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::PersonRead)
            .on("person", person_id)
            .person(person_id),
    )
    .await?;
    Ok(found)
}

/// What the persons list is narrowed to besides the search: each filter
/// only takes persons away from those the caller is responsible for.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    /// Name prefixes (accents, case and apostrophes ignored) or an exact
    /// codice fiscale.
    pub search: Option<String>,
    /// A team holding an open or accepted referral of the person (the
    /// record's "équipe responsabili").
    pub team_id: Option<Uuid>,
    /// The case manager of one of the person's projects; with
    /// `project_status`, of a project in that status, else of one not closed.
    pub case_manager_id: Option<Uuid>,
    pub target_group: Option<TargetGroup>,
    pub age_band: Option<AgeBand>,
    /// One of the person's projects is in this status.
    pub project_status: Option<ProjectStatus>,
}

/// Persons the caller is responsible for, narrowed by `filter`. Each listed
/// person is an audited access.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_persons(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: PersonFilter,
    page: PageRequest,
) -> AppResult<Page<person::Model>> {
    let viewer = policy::require_case_worker(caller)?;
    let mut query = person::Entity::find().filter(policy::responsible_for(
        (person::Entity, person::Column::Id),
        viewer.user_id,
    ));
    let txn = db.begin().await?;
    if let Some(text) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        query = match FiscalCode::parse(text) {
            Ok(code) => query.filter(person::Column::FiscalCode.eq(code.as_str())),
            Err(_) => query.filter(person_search::name_condition(&txn, text).await?),
        };
    }
    if let Some(team_id) = filter.team_id {
        query = query.filter(held_by_team(team_id));
    }
    if filter.case_manager_id.is_some() || filter.project_status.is_some() {
        query = query.filter(with_project(filter.case_manager_id, filter.project_status));
    }
    if let Some(group) = filter.target_group {
        query = query.filter(in_target_group(group));
    }
    if let Some(band) = filter.age_band {
        let dates = person_identity::birth_dates_in(band, caller.today());
        if let Some(after) = dates.born_after {
            query = query.filter(person::Column::BirthDate.gt(after));
        }
        if let Some(last) = dates.born_on_or_before {
            query = query.filter(person::Column::BirthDate.lte(last));
        }
    }
    fetch_audited_page(txn, caller, query, &by_name(), page, |p| {
        AuditEntry::new(AuditAction::PersonListed)
            .on("person", p.id)
            .person(p.id)
    })
    .await
}

/// The person has an open or accepted referral to `team_id`. Correlated on
/// the referrals' person index, like `policy::responsible_for`, so a page
/// walked in name order checks only the rows it shows.
fn held_by_team(team_id: Uuid) -> SimpleExpr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(referral::Entity)
            .and_where(
                Expr::col((referral::Entity, referral::Column::PersonId))
                    .equals((person::Entity, person::Column::Id)),
            )
            .and_where(Expr::col((referral::Entity, referral::Column::TeamId)).eq(team_id))
            .and_where(
                Expr::col((referral::Entity, referral::Column::Status)).is_in([
                    ReferralStatus::Open.as_str(),
                    ReferralStatus::Accepted.as_str(),
                ]),
            )
            .to_owned(),
    )
}

/// The person has a project managed by `case_manager_id` and/or in
/// `status`: one project meeting both. A case manager alone means the
/// projects they manage now, not the closed ones.
fn with_project(case_manager_id: Option<Uuid>, status: Option<ProjectStatus>) -> SimpleExpr {
    let mut projects = Query::select();
    projects.expr(Expr::val(1)).from(project::Entity).and_where(
        Expr::col((project::Entity, project::Column::PersonId))
            .equals((person::Entity, person::Column::Id)),
    );
    if let Some(user_id) = case_manager_id {
        projects
            .and_where(Expr::col((project::Entity, project::Column::CaseManagerId)).eq(user_id));
    }
    match status {
        Some(status) => projects
            .and_where(Expr::col((project::Entity, project::Column::Status)).eq(status.as_str())),
        None => projects.and_where(
            Expr::col((project::Entity, project::Column::Status))
                .ne(ProjectStatus::Closed.as_str()),
        ),
    };
    Expr::exists(projects.to_owned())
}

/// `persons.target_groups` keeps the names comma-separated: `group` is one
/// of them, alone, first, last or between two others.
fn in_target_group(group: TargetGroup) -> Condition {
    let name = group.as_str().replace('_', "\\_");
    let column = || Expr::col((person::Entity, person::Column::TargetGroups));
    let like = |pattern: String| column().like(LikeExpr::new(pattern).escape('\\'));
    Condition::any()
        .add(column().eq(group.as_str()))
        .add(like(format!("{name},%")))
        .add(like(format!("%,{name}")))
        .add(like(format!("%,{name},%")))
}

/// The persons list's order: by folded name, then id.
fn by_name() -> Keyset<person::Model> {
    Keyset::new("persons")
        .asc(person::Column::SearchName)
        .asc(person::Column::Id)
}

#[derive(Debug, Clone)]
pub struct NewReferencePerson {
    pub kind: ReferencePersonKind,
    pub full_name: String,
    pub relationship: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn add_reference_person(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    input: NewReferencePerson,
) -> AppResult<person::Model> {
    let txn = db.begin().await?;
    policy::require_person_access(&txn, caller, person_id).await?;
    let full_name = person_identity::check_name("fullName", &input.full_name)?;
    let email = optional_text("email", input.email.as_deref(), 254)?;
    if let Some(email) = &email {
        check_email(email).map_err(|m| AppError::validation("email", m))?;
    }
    let id = Uuid::now_v7();
    let added = reference_person::ActiveModel {
        id: Set(id),
        person_id: Set(person_id),
        kind: Set(input.kind),
        full_name: Set(full_name),
        relationship: Set(optional_text(
            "relationship",
            input.relationship.as_deref(),
            100,
        )?),
        phone: Set(optional_text("phone", input.phone.as_deref(), 40)?),
        email: Set(email),
        notes: Set(optional_text("notes", input.notes.as_deref(), 2000)?),
        created_at: Set(caller.now()),
    };
    touch(&txn, caller.now(), person_id).await?;
    added.insert(&txn).await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::ReferencePersonAdded)
            .on("reference_person", id)
            .person(person_id)
            .details(json!({ "kind": input.kind.as_str() })),
    )
    .await?;
    let person = load(&txn, person_id).await?;
    txn.commit().await?;
    Ok(person)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn record_privacy_consent(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    kind: ConsentKind,
    granted: bool,
    given_on: NaiveDate,
) -> AppResult<person::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_person_access(&txn, caller, person_id).await?;
    not_in_future("givenOn", "La data del consenso", given_on, caller.today())?;
    touch(&txn, caller.now(), person_id).await?;
    let id = Uuid::now_v7();
    privacy_consent::ActiveModel {
        id: Set(id),
        person_id: Set(person_id),
        kind: Set(kind),
        granted: Set(granted),
        given_on: Set(given_on),
        recorded_by: Set(viewer.user_id),
        recorded_at: Set(caller.now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::PrivacyConsentRecorded)
            .on("privacy_consent", id)
            .person(person_id)
            .details(json!({ "kind": kind.as_str(), "granted": granted })),
    )
    .await?;
    let person = load(&txn, person_id).await?;
    txn.commit().await?;
    Ok(person)
}

/// For PUA operators at the front door: is this codice fiscale already known?
/// Answers identity fields only, and the lookup is audited when it finds someone.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn identity_by_fiscal_code(
    db: &DatabaseConnection,
    caller: &Caller,
    fiscal_code: &str,
) -> AppResult<Option<person::Model>> {
    let txn = db.begin().await?;
    policy::require_pua_member(&txn, caller).await?;
    let code = FiscalCode::parse(fiscal_code)
        .map_err(|e| AppError::validation("fiscalCode", e.message_it()))?;
    let found = person::Entity::find()
        .filter(person::Column::FiscalCode.eq(code.as_str()))
        .one(&txn)
        .await?;
    if let Some(person) = &found {
        audit::record(
            &txn,
            caller,
            AuditEntry::new(AuditAction::PersonIdentityLookup)
                .on("person", person.id)
                .person(person.id),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(found)
}
