//! Referrals (accesso): a person sent to a team, taken in charge, closed with
//! an outcome. Open and accepted referrals make the team responsible.

use entity::{person, referral, team};
use sea_orm::sea_query::{CaseStatement, Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::{ReferralSource, ReferralStatus, Urgency};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_audited_page, KeyKind, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, find, insert_audited, lock, named, InRow};

const IN_CHARGE: [&str; 2] = ["OPEN", "ACCEPTED"];

#[derive(Debug, Clone)]
pub struct NewReferral {
    pub person_id: Uuid,
    pub team_id: Uuid,
    pub source: ReferralSource,
    pub reason: String,
    pub urgency: Urgency,
}

/// Someone responsible for the person sends them to another team (the PUA
/// routes to the UVM, a service asks the EEMM…).
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %input.person_id, team_id = %input.team_id))]
pub async fn refer_person(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewReferral,
) -> AppResult<referral::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_person_access(&txn, caller, input.person_id).await?;
    let reason = optional_text("reason", Some(&input.reason), 2000)?
        .ok_or_else(|| AppError::validation("reason", "Indica il motivo dell'invio"))?;
    named::<team::Entity>(&txn, input.team_id, "teamId", "Équipe non trovata").await?;
    // The person's referrals change one at a time (a no-op on SQLite, whose
    // write transactions already do): of two sendings to the same team at
    // once, the second sees the first.
    person::Entity::find_by_id(input.person_id)
        .lock_exclusive()
        .one(&txn)
        .await
        .in_row(person::Entity, input.person_id)?;
    let open = referral::Entity::find()
        .filter(referral::Column::PersonId.eq(input.person_id))
        .filter(referral::Column::TeamId.eq(input.team_id))
        .filter(referral::Column::Status.is_in(IN_CHARGE))
        .count(&txn)
        .await?;
    if open > 0 {
        return Err(AppError::Conflict(
            "La persona è già segnalata o in carico a questa équipe".into(),
        ));
    }
    let row = referral::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(input.person_id),
        team_id: Set(input.team_id),
        source: Set(input.source),
        reason: Set(reason),
        urgency: Set(input.urgency),
        status: Set(ReferralStatus::Open),
        created_by: Set(Some(viewer.user_id)),
        created_at: Set(caller.now()),
        accepted_by: Set(None),
        accepted_at: Set(None),
        closed_by: Set(None),
        closed_at: Set(None),
        outcome: Set(None),
    };
    insert_audited(txn, caller, row, |created| {
        AuditEntry::new(AuditAction::ReferralCreated)
            .on("referral", created.id)
            .person(created.person_id)
            .details(json!({ "teamId": created.team_id }))
    })
    .await
}

async fn load(conn: &impl ConnectionTrait, referral_id: Uuid) -> AppResult<referral::Model> {
    find::<referral::Entity>(conn, referral_id).await
}

/// Loads a referral for a move by a member of its team, inside the move's
/// transaction, and holds its row until the transaction ends. Referrals
/// carry no version (the API names none), so the row lock is what makes the
/// check of the status and the write one step on PostgreSQL: a concurrent
/// move waits, then reads the status this one wrote. SQLite takes no row
/// locks: its write transactions already exclude each other.
async fn lock_for_team_member(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    referral_id: Uuid,
) -> AppResult<(Uuid, referral::Model)> {
    let found = lock::<referral::Entity>(conn, referral_id).await?;
    let viewer = policy::require_team_member(conn, caller, found.team_id).await?;
    Ok((viewer.user_id, found))
}

/// A move of a referral: the status it reaches, the columns that keep who
/// made it and when, and the event the trail records.
struct Move {
    status: ReferralStatus,
    by: referral::Column,
    at: referral::Column,
    action: AuditAction,
}

const ACCEPT: Move = Move {
    status: ReferralStatus::Accepted,
    by: referral::Column::AcceptedBy,
    at: referral::Column::AcceptedAt,
    action: AuditAction::ReferralAccepted,
};

const CLOSE: Move = Move {
    status: ReferralStatus::Closed,
    by: referral::Column::ClosedBy,
    at: referral::Column::ClosedAt,
    action: AuditAction::ReferralClosed,
};

/// Writes `step` by `mover` (with the columns in `more` the move also sets)
/// on a referral locked by `lock_for_team_member`, with its audit event, and
/// commits it; the referral as the move left it.
async fn write(
    txn: DatabaseTransaction,
    caller: &Caller,
    found: &referral::Model,
    mover: Uuid,
    step: &Move,
    more: Vec<(referral::Column, SimpleExpr)>,
) -> AppResult<referral::Model> {
    let mut update = referral::Entity::update_many()
        .col_expr(referral::Column::Status, Expr::value(step.status.as_str()))
        .col_expr(step.by, Expr::value(mover))
        .col_expr(step.at, Expr::value(caller.now()));
    for (column, value) in more {
        update = update.col_expr(column, value);
    }
    update
        .filter(referral::Column::Id.eq(found.id))
        .exec(&txn)
        .await?;
    let updated = load(&txn, found.id).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(step.action)
            .on("referral", found.id)
            .person(found.person_id),
    )
    .await?;
    Ok(updated)
}

/// The receiving team takes the person in charge.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), referral_id = %referral_id))]
pub async fn accept_referral(
    db: &DatabaseConnection,
    caller: &Caller,
    referral_id: Uuid,
) -> AppResult<referral::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = lock_for_team_member(&txn, caller, referral_id).await?;
    if found.status != ReferralStatus::Open {
        return Err(AppError::validation(
            "referralId",
            "Si può prendere in carico solo una segnalazione aperta",
        ));
    }
    write(txn, caller, &found, user_id, &ACCEPT, vec![]).await
}

/// Ends the referral with an outcome; the team stops being responsible
/// through it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), referral_id = %referral_id))]
pub async fn close_referral(
    db: &DatabaseConnection,
    caller: &Caller,
    referral_id: Uuid,
    outcome: &str,
) -> AppResult<referral::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = lock_for_team_member(&txn, caller, referral_id).await?;
    let outcome = optional_text("outcome", Some(outcome), 2000)?
        .ok_or_else(|| AppError::validation("outcome", "Indica l'esito della segnalazione"))?;
    if found.status == ReferralStatus::Closed {
        return Err(AppError::validation(
            "referralId",
            "La segnalazione è già chiusa",
        ));
    }
    write(
        txn,
        caller,
        &found,
        user_id,
        &CLOSE,
        vec![(referral::Column::Outcome, Expr::value(outcome))],
    )
    .await
}

/// The team's work list: its open (and, on request, accepted) referrals,
/// most urgent first. Closed ones are not listed: the team may no longer be
/// responsible for those persons.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %team_id))]
pub async fn team_referrals(
    db: &DatabaseConnection,
    caller: &Caller,
    team_id: Uuid,
    status: Option<ReferralStatus>,
    page: PageRequest,
) -> AppResult<Page<referral::Model>> {
    let txn = db.begin().await?;
    policy::require_team_member(&txn, caller, team_id).await?;
    let statuses: Vec<&str> = match status {
        Some(ReferralStatus::Closed) => {
            return Err(AppError::validation(
                "status",
                "L'elenco dell'équipe mostra solo segnalazioni aperte o accolte",
            ))
        }
        Some(s) => vec![s.as_str()],
        None => IN_CHARGE.to_vec(),
    };
    let query = referral::Entity::find()
        .filter(referral::Column::TeamId.eq(team_id))
        .filter(referral::Column::Status.is_in(statuses));
    fetch_audited_page(txn, caller, query, &most_urgent_first(), page, |r| {
        AuditEntry::new(AuditAction::PersonListed)
            .on("referral", r.id)
            .person(r.person_id)
    })
    .await
}

/// A team's referrals in the order they are to be taken up: the most urgent
/// first, then the oldest, then by id.
fn most_urgent_first() -> Keyset<referral::Model> {
    Keyset::<referral::Model>::new("referrals")
        .asc_expr(KeyKind::Int, urgency_rank_sql(), |row| {
            urgency_rank(row.urgency).into()
        })
        .asc(referral::Column::CreatedAt)
        .asc(referral::Column::Id)
}

/// Where an urgency puts a referral in its team's list, URGENT first
/// (alphabetically URGENT would come last).
fn urgency_rank(urgency: Urgency) -> i64 {
    match urgency {
        Urgency::Urgent => 0,
        Urgency::Priority => 1,
        Urgency::Ordinary => 2,
    }
}

/// `urgency_rank` in SQL.
fn urgency_rank_sql() -> SimpleExpr {
    Urgency::ALL
        .iter()
        .fold(CaseStatement::new(), |case, urgency| {
            case.case(
                Expr::col((referral::Entity, referral::Column::Urgency)).eq(urgency.as_str()),
                urgency_rank(*urgency),
            )
        })
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_urgent_referrals_come_first() {
        let mut all = Urgency::ALL.to_vec();
        all.sort_by_key(|urgency| urgency_rank(*urgency));
        assert_eq!(
            all,
            vec![Urgency::Urgent, Urgency::Priority, Urgency::Ordinary]
        );
    }
}
