//! Teams (UVM, équipe multidisciplinare, PUA, services) and their membership
//! over time: members come from several organizations; ending a membership
//! keeps its history.

use entity::{organization, project, team, team_membership, user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::account::check_display_name;
use crate::domain::vocabulary::{ProjectStatus, TeamKind, TeamRole};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, insert_audited, lock, named, InRow};

#[derive(Debug, Clone)]
pub struct NewTeam {
    pub name: String,
    pub kind: TeamKind,
    pub organization_id: Uuid,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), organization_id = %input.organization_id))]
pub async fn create_team(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewTeam,
) -> AppResult<team::Model> {
    policy::require_admin(caller)?;
    create_team_unchecked(db, caller, &input.name, input.kind, input.organization_id).await
}

/// For the demo seed, authorized by running on the server.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), organization_id = %organization_id))]
pub async fn create_team_unchecked(
    db: &DatabaseConnection,
    caller: &Caller,
    name: &str,
    kind: TeamKind,
    organization_id: Uuid,
) -> AppResult<team::Model> {
    let name = check_display_name(name).map_err(|m| AppError::validation("name", m))?;
    let txn = db.begin().await?;
    named::<organization::Entity>(&txn, organization_id, "organizationId", "Ente non trovato")
        .await?;
    let row = team::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        kind: Set(kind),
        organization_id: Set(organization_id),
        created_at: Set(caller.now()),
    };
    insert_audited(txn, caller, row, |created| {
        AuditEntry::new(AuditAction::TeamCreated)
            .on("team", created.id)
            .details(json!({ "kind": created.kind }))
    })
    .await
}

#[derive(Debug, Clone)]
pub struct NewMember {
    pub team_id: Uuid,
    pub user_id: Uuid,
    pub role: TeamRole,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %input.team_id, user_id = %input.user_id))]
pub async fn add_member(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewMember,
) -> AppResult<team::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_membership_manager(&txn, caller, input.team_id).await?;
    policy::require_other_to_add_member(viewer, input.user_id)?;
    insert_member(txn, caller, input.team_id, input.user_id, input.role).await
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %team_id, user_id = %user_id))]
pub async fn add_member_unchecked(
    db: &DatabaseConnection,
    caller: &Caller,
    team_id: Uuid,
    user_id: Uuid,
    role: TeamRole,
) -> AppResult<team::Model> {
    insert_member(db.begin().await?, caller, team_id, user_id, role).await
}

/// Locks the team for a change of its membership, on PostgreSQL (SQLite's
/// write transactions already exclude each other): two changes of one
/// team's members take turns, so that the second sees what the first did
/// (two additions of one user make one membership).
async fn lock_team(conn: &impl ConnectionTrait, team_id: Uuid) -> AppResult<team::Model> {
    lock::<team::Entity>(conn, team_id).await
}

/// Adds the membership and commits it.
async fn insert_member(
    txn: DatabaseTransaction,
    caller: &Caller,
    team_id: Uuid,
    user_id: Uuid,
    role: TeamRole,
) -> AppResult<team::Model> {
    match user::Entity::find_by_id(user_id)
        .one(&txn)
        .await
        .in_row(user::Entity, user_id)?
    {
        Some(u) if u.active => {}
        Some(_) => return Err(AppError::validation("userId", "L'utente è disattivato")),
        None => return Err(AppError::validation("userId", "Utente non trovato")),
    }
    let team = lock_team(&txn, team_id).await?;
    let already = policy::active_memberships(user_id, team_id)
        .count(&txn)
        .await?;
    if already > 0 {
        return Err(AppError::Conflict(
            "L'utente fa già parte dell'équipe".into(),
        ));
    }
    let membership = team_membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        team_id: Set(team_id),
        user_id: Set(user_id),
        team_role: Set(role),
        started_on: Set(caller.today()),
        ended_on: Set(None),
        created_at: Set(caller.now()),
    };
    insert_audited(txn, caller, membership, |_| {
        AuditEntry::new(AuditAction::TeamMemberAdded)
            .on("team", team_id)
            .details(json!({ "userId": user_id, "teamRole": role.as_str() }))
    })
    .await?;
    Ok(team)
}

/// Ends the membership today: from now on the user no longer works on the
/// team's persons, and the history still shows they did.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %team_id, user_id = %user_id))]
pub async fn remove_member(
    db: &DatabaseConnection,
    caller: &Caller,
    team_id: Uuid,
    user_id: Uuid,
) -> AppResult<team::Model> {
    let txn = db.begin().await?;
    policy::require_membership_manager(&txn, caller, team_id).await?;
    let team = lock_team(&txn, team_id).await?;
    // Locked before the projects are looked at: a decision that rests on the
    // membership (making the user a project's case manager) holds it
    // `FOR SHARE` (`policy::is_active_member`), so it either finished and
    // its project is found below, or it waits and then finds no membership.
    let membership = policy::active_memberships(user_id, team_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let managed = open_projects_managed(&txn, team_id, user_id).await?;
    if !managed.is_empty() {
        return Err(AppError::Refused {
            field: "userId".into(),
            reasons: managed
                .iter()
                .map(|p| wording::managed_project(p.kind.as_str(), p.start_date, &p.id.to_string()))
                .collect(),
        });
    }
    let Some(membership) = membership else {
        return Err(AppError::validation(
            "userId",
            "L'utente non fa parte dell'équipe",
        ));
    };
    team_membership::Entity::update_many()
        .col_expr(
            team_membership::Column::EndedOn,
            Expr::value(caller.today()),
        )
        .filter(team_membership::Column::Id.eq(membership.id))
        .exec(&txn)
        .await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::TeamMemberRemoved)
            .on("team", team_id)
            .details(json!({ "userId": user_id })),
    )
    .await?;
    Ok(team)
}

/// The projects of the team, not yet closed, whose case manager is `user_id`:
/// a member who manages cases cannot leave the team until each has another
/// case manager (`changeCaseManager`), so that no person is left without one.
async fn open_projects_managed(
    conn: &impl ConnectionTrait,
    team_id: Uuid,
    user_id: Uuid,
) -> AppResult<Vec<project::Model>> {
    Ok(project::Entity::find()
        .filter(project::Column::TeamId.eq(team_id))
        .filter(project::Column::CaseManagerId.eq(user_id))
        .filter(project::Column::Status.ne(ProjectStatus::Closed.as_str()))
        .order_by_asc(project::Column::StartDate)
        .all(conn)
        .await?)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = %team_id))]
pub async fn get_team(
    db: &DatabaseConnection,
    caller: &Caller,
    team_id: Uuid,
) -> AppResult<Option<team::Model>> {
    policy::can_read_team_directory(caller)?;
    team::Entity::find_by_id(team_id)
        .one(db)
        .await
        .in_row(team::Entity, team_id)
}

/// The team directory; `mine` keeps the teams the caller is an active member of.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_teams(
    db: &DatabaseConnection,
    caller: &Caller,
    mine: bool,
    kind: Option<TeamKind>,
    page: PageRequest,
) -> AppResult<Page<team::Model>> {
    let viewer = policy::can_read_team_directory(caller)?;
    let mut query = team::Entity::find();
    if mine {
        query = query.filter(
            team::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(team_membership::Column::TeamId)
                    .from(team_membership::Entity)
                    .and_where(Expr::col(team_membership::Column::UserId).eq(viewer.user_id))
                    .and_where(Expr::col(team_membership::Column::EndedOn).is_null())
                    .to_owned(),
            ),
        );
    }
    if let Some(kind) = kind {
        query = query.filter(team::Column::Kind.eq(kind.as_str()));
    }
    fetch_page(db, query, &by_name(), page).await
}

/// The team directory's order: by name, then id.
fn by_name() -> Keyset<team::Model> {
    Keyset::new("teams")
        .asc(team::Column::Name)
        .asc(team::Column::Id)
}
