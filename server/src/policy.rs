//! The access policy: every authorization decision of Ponte is made here and
//! applied by the service functions, never only by the UI or a resolver.
//!
//! Roles: ADMIN manages users, organizations and teams but reads no case data
//! by role; AUDITOR reads only the audit trail; OPERATOR works on cases;
//! REPORTER reads aggregate indicators of their territories and no case data
//! at all (every case path asks `require_case_worker`, which only an OPERATOR
//! passes).
//!
//! Need-to-know: an OPERATOR reads and writes a person's case data only while
//! they are an active member of a team responsible for the person. A team is
//! responsible while it holds an OPEN or ACCEPTED referral of the person, once
//! it assessed the person, runs a project for them or receives their protected
//! discharge. Being a project's case manager gives nothing of its own: it ends
//! with the membership of the project's team. Responsibilities are defined in
//! `responsible_for` and nowhere else; `graphql::guard` asks
//! `readable_persons` for every case object a field hands out.

use entity::{
    assessment, diary_entry, discharge, document, organization, person, project, referral, team,
    team_membership, user,
};
use sea_orm::sea_query::{
    Alias, Condition, Expr, IntoColumnRef, IntoTableRef, Query, SelectStatement, SimpleExpr,
    UnionType,
};
use std::collections::HashSet;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityName, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Select,
};
use uuid::Uuid;

use crate::caller::{Caller, ServiceAccountActor, Viewer};
use crate::domain::vocabulary::{
    DocumentSubject, OrganizationKind, ProjectStatus, ReferralStatus, Role, ServiceScope, TeamKind,
    TeamRole,
};
use crate::error::{AppError, AppResult};
use crate::services::rows::find;
use crate::services::territory::{lies_within, territory_ids, within_territories};

pub fn require_signed_in(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

pub fn require_admin(caller: &Caller) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    if viewer.role == Role::Admin {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Organization names and kinds are directory data every signed-in user needs
/// (to pick a provider or a hospital), not case data.
pub fn can_list_organizations(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

pub fn can_list_users(caller: &Caller) -> AppResult<&Viewer> {
    require_admin(caller)
}

/// Case data is worked on by operators; admins and auditors never read it by role.
pub fn require_case_worker(caller: &Caller) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    if viewer.role == Role::Operator {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `user_id` is responsible today for the person whose id is the
/// outer query's column `person`: through an active membership of a team that
/// holds an open or accepted referral of the person, assessed the person, runs
/// a project for them or receives their protected discharge.
///
/// One correlated `EXISTS` over the four holdings of the person (each found
/// by its `person_id` index) joined to the user's active memberships, so a
/// page ordered by its own index checks only the rows it shows. On 100,000
/// persons the caseload's first page took 7 ms this way; as `IN (the union of
/// every person the user's teams hold)`, or as four `EXISTS` joined by `OR`,
/// PostgreSQL built the whole set first (120–190 ms).
pub fn responsible_for(person: impl IntoColumnRef, user_id: Uuid) -> SimpleExpr {
    some_responsible_team(
        person,
        team_membership::Entity,
        (team_membership::Entity, team_membership::Column::TeamId),
        Condition::all()
            .add(Expr::col((team_membership::Entity, team_membership::Column::UserId)).eq(user_id))
            .add(Expr::col((team_membership::Entity, team_membership::Column::EndedOn)).is_null()),
    )
}

/// `EXISTS` a team responsible for the person of `person` joined to
/// `table` (on its column `team` naming the team) where `condition` holds.
fn some_responsible_team(
    person: impl IntoColumnRef,
    table: impl IntoTableRef,
    team: impl IntoColumnRef,
    condition: Condition,
) -> SimpleExpr {
    let person = SimpleExpr::Column(person.into_column_ref());
    let held = Alias::new("held");
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from_subquery(responsible_teams(&person), held.clone())
            .inner_join(table, Expr::col(team).equals((held, Alias::new(HELD_TEAM))))
            .cond_where(condition)
            .to_owned(),
    )
}

/// The teams responsible for the person `person` names (a column of the
/// outer query or a value), one row per holding, under the column
/// [`HELD_TEAM`]: an open or accepted referral, an assessment, a project, a
/// protected discharge received. The one definition of responsibility,
/// which [`responsible_for`] joins to a user's memberships and
/// [`organization_responsible_for`] to a team's organization.
pub fn responsible_teams(person: &SimpleExpr) -> SelectStatement {
    let mut holdings = holding(
        referral::Entity,
        referral::Column::PersonId,
        referral::Column::TeamId,
        person,
    );
    holdings.and_where(
        Expr::col((held_alias(referral::Entity), referral::Column::Status)).is_in([
            ReferralStatus::Open.as_str(),
            ReferralStatus::Accepted.as_str(),
        ]),
    );
    holdings
        .union(
            UnionType::All,
            holding(
                assessment::Entity,
                assessment::Column::PersonId,
                assessment::Column::TeamId,
                person,
            ),
        )
        .union(
            UnionType::All,
            holding(
                project::Entity,
                project::Column::PersonId,
                project::Column::TeamId,
                person,
            ),
        )
        .union(
            UnionType::All,
            holding(
                discharge::Entity,
                discharge::Column::PersonId,
                discharge::Column::ReceivingTeamId,
                person,
            ),
        )
        .to_owned()
}

/// Whether `organization_id` is responsible today for the person whose id
/// is the outer query's column `person`: one of its teams is responsible
/// for them ([`responsible_teams`]). A service account reads a record
/// (`fhir:read`) for its organization on this ground.
pub fn organization_responsible_for(
    person: impl IntoColumnRef,
    organization_id: Uuid,
) -> SimpleExpr {
    some_responsible_team(
        person,
        team::Entity,
        (team::Entity, team::Column::Id),
        Condition::all()
            .add(Expr::col((team::Entity, team::Column::OrganizationId)).eq(organization_id)),
    )
}

/// The column every holding of `responsible_for` names its team by.
pub const HELD_TEAM: &str = "team_id";

/// A holding table under an alias of its own, so that the outer query's
/// table (`projects` for the caseload) is the one `person` names.
fn held_alias(entity: impl EntityName) -> Alias {
    Alias::new(format!("held_{}", entity.table_name()))
}

/// The teams that hold the person of `person` in `entity`'s rows.
fn holding<E: EntityTrait>(
    entity: E,
    person_column: E::Column,
    team_column: E::Column,
    person: &SimpleExpr,
) -> SelectStatement {
    let alias = held_alias(entity);
    Query::select()
        .expr_as(
            Expr::col((alias.clone(), team_column)),
            Alias::new(HELD_TEAM),
        )
        .from_as(entity, alias.clone())
        .and_where(Expr::col((alias, person_column)).eq(person.clone()))
        .to_owned()
}

/// Work on a project (goals, budget, transitions) is for the active members
/// of its team; its case manager is one of them, and stops being able to work
/// on it when they leave the team.
pub async fn require_project_worker<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    found: &project::Model,
) -> AppResult<&'a Viewer> {
    let viewer = require_person_access(conn, caller, found.person_id).await?;
    match active_membership(conn, viewer.user_id, found.team_id).await? {
        Some(_) => Ok(viewer),
        None => Err(AppError::Forbidden),
    }
}

/// Whether `user_id` is an active member of `team_id` today, as a fact a
/// decision rests on (they may be a project's case manager, say). On
/// PostgreSQL the membership stays locked (`FOR SHARE`) until the caller's
/// transaction ends, so that ending it (`services::teams::remove_member`,
/// which locks it `FOR UPDATE` before looking for the projects the member
/// manages) waits for the decision and then sees it. SQLite takes no row
/// locks: a write transaction there already excludes every other writer.
pub async fn is_active_member(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    team_id: Uuid,
) -> AppResult<bool> {
    Ok(active_memberships(user_id, team_id)
        .lock_shared()
        .one(conn)
        .await?
        .is_some())
}

/// Allows reading and writing the person's case data, or says why not.
/// An unknown person is NOT_FOUND only for those who could see one.
pub async fn require_person_access<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    person_id: Uuid,
) -> AppResult<&'a Viewer> {
    let viewer = require_case_worker(caller)?;
    require_responsible(
        conn,
        person_id,
        responsible_for((person::Entity, person::Column::Id), viewer.user_id),
    )
    .await?;
    Ok(viewer)
}

/// Passes when `responsible` (a condition on the `persons` row) holds for
/// the person; else FORBIDDEN when the person exists, NOT_FOUND when not.
async fn require_responsible(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    responsible: SimpleExpr,
) -> AppResult<()> {
    let held = person::Entity::find()
        .filter(person::Column::Id.eq(person_id))
        .filter(responsible)
        .count(conn)
        .await?
        > 0;
    if held {
        return Ok(());
    }
    let exists = person::Entity::find_by_id(person_id).count(conn).await? > 0;
    Err(if exists {
        AppError::Forbidden
    } else {
        AppError::NotFound
    })
}

/// The open membership of `user_id` in `team_id` (at most one), to read or lock.
pub fn active_memberships(user_id: Uuid, team_id: Uuid) -> Select<team_membership::Entity> {
    team_membership::Entity::find()
        .filter(team_membership::Column::TeamId.eq(team_id))
        .filter(team_membership::Column::UserId.eq(user_id))
        .filter(team_membership::Column::EndedOn.is_null())
}

async fn active_membership(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    team_id: Uuid,
) -> AppResult<Option<team_membership::Model>> {
    Ok(active_memberships(user_id, team_id).one(conn).await?)
}

async fn require_team_exists(conn: &impl ConnectionTrait, team_id: Uuid) -> AppResult<team::Model> {
    find::<team::Entity>(conn, team_id).await
}

/// Work inside a team (its referrals, creating persons in its care) needs an
/// active membership and the OPERATOR role.
pub async fn require_team_member<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    team_id: Uuid,
) -> AppResult<&'a Viewer> {
    let viewer = require_case_worker(caller)?;
    require_team_exists(conn, team_id).await?;
    match active_membership(conn, viewer.user_id, team_id).await? {
        Some(_) => Ok(viewer),
        None => Err(AppError::Forbidden),
    }
}

/// Membership is managed by admins and by the team's own coordinators.
pub async fn require_membership_manager<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    team_id: Uuid,
) -> AppResult<&'a Viewer> {
    let viewer = caller.viewer()?;
    require_team_exists(conn, team_id).await?;
    if viewer.role == Role::Admin {
        return Ok(viewer);
    }
    match active_membership(conn, viewer.user_id, team_id).await? {
        Some(m) if m.team_role == TeamRole::Coordinator && viewer.role == Role::Operator => {
            Ok(viewer)
        }
        _ => Err(AppError::Forbidden),
    }
}

/// Nobody changes their own role: an administrator who made themselves an
/// OPERATOR would be one team membership away from case data with no second
/// person involved. Another administrator must do it (and is audited).
pub fn require_other_to_change_role(
    viewer: &Viewer,
    user_id: Uuid,
    from: Role,
    to: Role,
) -> AppResult<()> {
    if viewer.user_id == user_id && from != to {
        return Err(AppError::ForbiddenBecause(
            "Non puoi cambiare il tuo stesso ruolo: chiedilo a un altro amministratore".into(),
        ));
    }
    Ok(())
}

/// Nobody adds themselves to a team: membership opens the records of the
/// team's persons, so another administrator or the team's coordinator must
/// grant it (and is audited).
pub fn require_other_to_add_member(viewer: &Viewer, user_id: Uuid) -> AppResult<()> {
    if viewer.user_id == user_id {
        return Err(AppError::ForbiddenBecause(
            "Non puoi aggiungere te stesso a un'équipe: chiedilo a un altro amministratore".into(),
        ));
    }
    Ok(())
}

/// PUA operators may look up a person's identity across all persons, to
/// avoid creating duplicates at the front door.
pub async fn require_pua_member<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
) -> AppResult<&'a Viewer> {
    let viewer = require_case_worker(caller)?;
    let pua_memberships = team_membership::Entity::find()
        .filter(team_membership::Column::UserId.eq(viewer.user_id))
        .filter(team_membership::Column::EndedOn.is_null())
        .filter(
            team_membership::Column::TeamId.in_subquery(
                Query::select()
                    .column(team::Column::Id)
                    .from(team::Entity)
                    .and_where(Expr::col(team::Column::Kind).eq(TeamKind::Pua.as_str()))
                    .to_owned(),
            ),
        )
        .count(conn)
        .await?;
    if pua_memberships > 0 {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The team directory (names, kinds, members) is staff information, not case
/// data: every signed-in user needs it to refer a person to a team.
pub fn can_read_team_directory(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

/// Aggregate indicators carry no personal data, but a team's numbers are
/// its own business: admins see every team, operators the teams they are in.
pub async fn require_indicator_access(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    team_id: Option<Uuid>,
) -> AppResult<()> {
    let viewer = caller.viewer()?;
    match (viewer.role, team_id) {
        (Role::Admin, _) => Ok(()),
        (Role::Operator, Some(team_id)) => {
            require_team_member(conn, caller, team_id).await.map(|_| ())
        }
        (Role::Operator, None) => Err(AppError::validation(
            "teamId",
            "Indica l'équipe di cui vuoi vedere gli indicatori",
        )),
        _ => Err(AppError::Forbidden),
    }
}

/// The catalogue of indicators describes what is counted, not anyone's
/// numbers: every signed-in user may read it.
pub fn can_read_indicator_catalogue(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

/// Who reads the Ambito's indicators (`services::indicators`), and whether
/// they see small counts. ADMIN reads any territory or team, every count
/// shown. A REPORTER reads one of their territories or a territory under it,
/// never a team, and small counts are suppressed for them. An OPERATOR reads
/// a team they are an active member of, as for the team's own indicators.
/// An AUDITOR reads none. Returns whether to suppress small counts.
pub async fn require_indicators_reader(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    territory_id: Option<Uuid>,
    team_id: Option<Uuid>,
) -> AppResult<bool> {
    let viewer = caller.viewer()?;
    match viewer.role {
        Role::Admin => Ok(false),
        Role::Reporter => {
            if team_id.is_some() {
                return Err(AppError::ForbiddenBecause(
                    "Gli indicatori di un'équipe sono per i suoi componenti: indica un territorio"
                        .into(),
                ));
            }
            let Some(territory_id) = territory_id else {
                return Err(AppError::validation(
                    "territoryId",
                    "Indica il territorio di cui vuoi vedere gli indicatori",
                ));
            };
            let mine = territory_ids(conn, viewer.user_id).await?;
            if lies_within(conn, territory_id, &mine).await? {
                Ok(true)
            } else {
                Err(AppError::ForbiddenBecause(
                    "Questo territorio non è tra quelli di tua competenza".into(),
                ))
            }
        }
        Role::Operator if territory_id.is_some() => Err(AppError::ForbiddenBecause(
            "Gli indicatori di un territorio sono per l'Ufficio di Piano: indica la tua équipe"
                .into(),
        )),
        Role::Operator => require_indicator_access(conn, caller, team_id)
            .await
            .map(|()| false),
        Role::Auditor => Err(AppError::Forbidden),
    }
}

/// A discharge is seen by the ward user who reported it (that discharge
/// only, not the person's record) and by the receiving team's members.
pub async fn require_discharge_party<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    found: &discharge::Model,
) -> AppResult<&'a Viewer> {
    let viewer = require_case_worker(caller)?;
    if found.reported_by == Some(viewer.user_id)
        || active_membership(conn, viewer.user_id, found.receiving_team_id)
            .await?
            .is_some()
    {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Of `person_ids`, the persons whose record the caller may read: one query
/// for a whole batch, so that every nested field can ask.
pub async fn readable_persons(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    person_ids: &[Uuid],
) -> AppResult<HashSet<Uuid>> {
    persons_where(conn, caller, person_ids, responsible_for).await
}

/// Of `person_ids`, the persons for which `holds(person column, case
/// worker's id)` is true: one query for a whole batch; none for a caller who
/// is not a case worker, who reads no case data by role.
async fn persons_where(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    person_ids: &[Uuid],
    holds: fn((person::Entity, person::Column), Uuid) -> SimpleExpr,
) -> AppResult<HashSet<Uuid>> {
    let Ok(viewer) = require_case_worker(caller) else {
        return Ok(HashSet::new());
    };
    if person_ids.is_empty() {
        return Ok(HashSet::new());
    }
    let rows: Vec<Uuid> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::Id.is_in(person_ids.iter().copied()))
        .filter(holds((person::Entity, person::Column::Id), viewer.user_id))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Who may see a case object without being responsible for its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// This user.
    User(Uuid),
    /// The active members of this team.
    MembersOf(Uuid),
}

/// A discharge is seen by the user who reported it (the ward, who sees that
/// discharge only, not the person's record; none when the hospital's system
/// reported it) besides those responsible.
pub fn discharge_parties(found: &discharge::Model) -> Vec<Party> {
    let mut parties = vec![Party::MembersOf(found.receiving_team_id)];
    parties.extend(found.reported_by.map(Party::User));
    parties
}

/// A referral is part of its team's work list: the team's active members see
/// it after it closed, when its person may no longer be theirs.
pub fn referral_parties(found: &referral::Model) -> [Party; 1] {
    [Party::MembersOf(found.team_id)]
}

/// The teams the caller is an active member of today.
pub async fn active_teams(
    conn: &impl ConnectionTrait,
    caller: &Caller,
) -> AppResult<HashSet<Uuid>> {
    let Ok(viewer) = require_case_worker(caller) else {
        return Ok(HashSet::new());
    };
    let rows: Vec<Uuid> = team_membership::Entity::find()
        .select_only()
        .column(team_membership::Column::TeamId)
        .filter(team_membership::Column::UserId.eq(viewer.user_id))
        .filter(team_membership::Column::EndedOn.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Who may ask to report a protected discharge at all, before anything is
/// read: a case worker, or a service account with `discharges:report`
/// (`require_discharge_reporter` then says for which hospital).
pub fn may_report_discharges(caller: &Caller) -> AppResult<()> {
    match &caller.service_account {
        Some(account) => require_scope(account, ServiceScope::DischargesReport),
        None => require_case_worker(caller).map(|_| ()),
    }
}

/// A hospital's system reporting discharges (`POST /fhir/r4/Bundle`): a
/// service account with `discharges:report` of an organization that is a
/// hospital; the hospital it reports for is its own.
pub async fn require_discharge_system<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
) -> AppResult<&'a ServiceAccountActor> {
    let Some(account) = &caller.service_account else {
        return Err(AppError::Unauthenticated);
    };
    require_scope(account, ServiceScope::DischargesReport)?;
    let hospital = organization::Entity::find_by_id(account.organization_id)
        .one(conn)
        .await?;
    if hospital.is_some_and(|o| o.kind == OrganizationKind::Ospedale) {
        Ok(account)
    } else {
        Err(AppError::ForbiddenBecause(
            "Solo il sistema di un ospedale segnala dimissioni protette".into(),
        ))
    }
}

/// How a protected discharge came to be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DischargeReporter {
    /// A user of the hospital named in the report.
    HospitalStaff,
    /// A member of the receiving PUA or UVM recording a report the ward
    /// phoned in, on the hospital's behalf.
    TeamOnBehalf,
    /// The hospital's own system (a service account of the hospital with
    /// `discharges:report`, through `POST /fhir/r4/Bundle`).
    HospitalSystem,
}

/// Reporting a protected discharge is for the hospital's own staff, for the
/// hospital's own system (a service account of that hospital with the
/// `discharges:report` scope), or for an active member of the receiving team
/// (a PUA or a UVM) recording a report phoned in by the ward. Reporting
/// grants the reporter nothing of the person's record: a hospital user sees
/// the discharge they reported and what they typed, a hospital's system gets
/// the discharge's reference only; a team member links only persons they may
/// already see (`services::discharges::report_discharge`). The reporting
/// user comes back with the answer, none for a system.
pub async fn require_discharge_reporter(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    hospital: &organization::Model,
    receiving_team: &team::Model,
) -> AppResult<(Option<Uuid>, DischargeReporter)> {
    if let Some(account) = &caller.service_account {
        require_scope(account, ServiceScope::DischargesReport)?;
        return if account.organization_id == hospital.id {
            Ok((None, DischargeReporter::HospitalSystem))
        } else {
            Err(AppError::Forbidden)
        };
    }
    let viewer = require_case_worker(caller)?;
    if viewer.organization_id == Some(hospital.id) {
        return Ok((Some(viewer.user_id), DischargeReporter::HospitalStaff));
    }
    if active_membership(conn, viewer.user_id, receiving_team.id)
        .await?
        .is_some()
    {
        return Ok((Some(viewer.user_id), DischargeReporter::TeamOnBehalf));
    }
    Err(AppError::Forbidden)
}

/// The case diary: writing in a person's diary needs need-to-know on the
/// person; the linked project, referral, assessment or discharge must be the
/// person's (`services::case_diary` checks that on the rows it loads).
pub async fn require_diary_writer<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    person_id: Uuid,
) -> AppResult<&'a Viewer> {
    require_person_access(conn, caller, person_id).await
}

/// Whether `user_id` is a current case manager of the person of the outer
/// query's column `person`: the case manager of a project of theirs that is
/// not closed, while an active member of the project's team (being a case
/// manager gives nothing of its own, see the module's note).
pub fn manages_case_of(person: impl IntoColumnRef, user_id: Uuid) -> SimpleExpr {
    let person = SimpleExpr::Column(person.into_column_ref());
    let managed = Alias::new("managed_project");
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from_as(project::Entity, managed.clone())
            .inner_join(
                team_membership::Entity,
                Expr::col((team_membership::Entity, team_membership::Column::TeamId))
                    .equals((managed.clone(), project::Column::TeamId)),
            )
            .and_where(Expr::col((managed.clone(), project::Column::PersonId)).eq(person))
            .and_where(Expr::col((managed.clone(), project::Column::CaseManagerId)).eq(user_id))
            .and_where(
                Expr::col((managed, project::Column::Status)).ne(ProjectStatus::Closed.as_str()),
            )
            .and_where(
                Expr::col((team_membership::Entity, team_membership::Column::UserId)).eq(user_id),
            )
            .and_where(
                Expr::col((team_membership::Entity, team_membership::Column::EndedOn)).is_null(),
            )
            .to_owned(),
    )
}

/// Which diary entries `user_id` may read among those of persons they are
/// responsible for: every entry that is not confidential; a confidential one
/// only as its author or as a current case manager of its person. Never by
/// role: other team members, the ward, admins and auditors do not see it.
/// Need-to-know on the person is asked besides (`require_person_access`,
/// `readable_persons`).
pub fn reads_diary_entry(user_id: Uuid) -> SimpleExpr {
    Expr::col((diary_entry::Entity, diary_entry::Column::Confidential))
        .eq(false)
        .or(Expr::col((diary_entry::Entity, diary_entry::Column::AuthorId)).eq(user_id))
        .or(manages_case_of(
            (diary_entry::Entity, diary_entry::Column::PersonId),
            user_id,
        ))
}

/// Of `person_ids`, the persons `caller` is a current case manager of: who,
/// besides the author, reads their confidential diary entries.
pub async fn managed_persons(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    person_ids: &[Uuid],
) -> AppResult<HashSet<Uuid>> {
    persons_where(conn, caller, person_ids, manages_case_of).await
}

/// Reading one diary entry (to show, edit or annotate it): need-to-know on
/// its person, and for a confidential entry being its author or a current
/// case manager of its person.
pub async fn require_diary_reader<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    found: &diary_entry::Model,
) -> AppResult<&'a Viewer> {
    let viewer = require_person_access(conn, caller, found.person_id).await?;
    if !found.confidential || found.author_id == viewer.user_id {
        return Ok(viewer);
    }
    if managed_persons(conn, caller, &[found.person_id])
        .await?
        .contains(&found.person_id)
    {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Which documents `user_id` may read among those of persons they are
/// responsible for: every document that is not on a diary entry; one on a
/// diary entry only when they may read the entry (`reads_diary_entry`), so
/// a confidential entry's files stay with its author and the person's
/// current case managers on every list.
pub fn reads_document(user_id: Uuid) -> SimpleExpr {
    Expr::col((document::Entity, document::Column::SubjectKind))
        .ne(DocumentSubject::DiaryEntry.as_str())
        .or(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(diary_entry::Entity)
                .and_where(
                    Expr::col((diary_entry::Entity, diary_entry::Column::Id))
                        .equals((document::Entity, document::Column::SubjectId)),
                )
                .and_where(reads_diary_entry(user_id))
                .to_owned(),
        ))
}

/// Reading one document (its file): need-to-know on its person, and for a
/// document on a diary entry reading that entry (`require_diary_reader`).
/// Never by role: an administrator or an auditor reads the trail, not the
/// files.
pub async fn require_document_reader<'a>(
    conn: &impl ConnectionTrait,
    caller: &'a Caller,
    found: &document::Model,
) -> AppResult<&'a Viewer> {
    require_case_worker(caller)?;
    if found.subject_kind == DocumentSubject::DiaryEntry {
        let entry = find::<diary_entry::Entity>(conn, found.subject_id).await?;
        require_diary_reader(conn, caller, &entry).await
    } else {
        require_person_access(conn, caller, found.person_id).await
    }
}

/// Whether the viewer may open the person's whole record.
pub async fn may_read_person(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    person_id: Uuid,
) -> AppResult<bool> {
    match require_person_access(conn, caller, person_id).await {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden | AppError::NotFound | AppError::Unauthenticated) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Which territories a REPORTER reads is for the administrators who assign
/// them and for the reporter themselves.
pub fn can_read_user_territories(caller: &Caller, user_id: Uuid) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    if viewer.role == Role::Admin || viewer.user_id == user_id {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// What a viewer reaches in the agreements and meetings registers (issue
/// 15), read once per request: these registers hold no case data, so they
/// are read by the organizations they concern rather than by
/// responsibility for a person.
#[derive(Debug, Clone, Default)]
pub struct RegisterReach {
    pub role: Option<Role>,
    pub user_id: Option<Uuid>,
    /// The viewer's own organization.
    pub organization_id: Option<Uuid>,
    /// The teams the viewer is an active member of, with their organizations.
    pub teams: HashSet<Uuid>,
    pub team_organizations: HashSet<Uuid>,
    /// For a REPORTER, every organization in or under their territories.
    pub territory: HashSet<Uuid>,
    /// A REPORTER given "manages agreements" (`User.managesAgreements`).
    pub manages_agreements: bool,
}

impl RegisterReach {
    /// ADMIN and AUDITOR read both registers whole.
    pub fn reads_everything(&self) -> bool {
        matches!(self.role, Some(Role::Admin | Role::Auditor))
    }

    /// An agreement is read by ADMIN and AUDITOR, by the users of a party
    /// (their organization, or their active team's), and by a REPORTER
    /// whose territories contain a party. `None`: every agreement; else
    /// the organizations whose agreements the viewer reads.
    pub fn agreement_parties_read(&self) -> Option<HashSet<Uuid>> {
        if self.reads_everything() {
            return None;
        }
        let mut organizations: HashSet<Uuid> = self.organization_id.into_iter().collect();
        organizations.extend(&self.team_organizations);
        organizations.extend(&self.territory);
        Some(organizations)
    }

    pub fn may_read_agreement(&self, parties: &[Uuid]) -> bool {
        match self.agreement_parties_read() {
            None => true,
            Some(read) => parties.iter().any(|p| read.contains(p)),
        }
    }

    /// An agreement is created, changed and withdrawn by ADMIN, and by a
    /// REPORTER who manages agreements when at least one party lies in
    /// their territories (an agreement of the Ambito with a body outside it,
    /// a hospital of another ASST, is still the Ambito's to keep).
    pub fn may_manage_agreement(&self, parties: &[Uuid]) -> bool {
        match self.role {
            Some(Role::Admin) => true,
            Some(Role::Reporter) if self.manages_agreements => {
                parties.iter().any(|p| self.territory.contains(p))
            }
            _ => false,
        }
    }

    /// Whether the viewer may manage agreements at all (to create one).
    pub fn manages_some_agreements(&self) -> bool {
        self.role == Some(Role::Admin)
            || (self.role == Some(Role::Reporter) && self.manages_agreements)
    }

    /// A meeting is read by ADMIN and AUDITOR, the organizing team's active
    /// members, the users of the organizing organization, its participants
    /// and a REPORTER whose territories contain the organizer.
    pub fn may_read_meeting(
        &self,
        team: Option<Uuid>,
        organizer: Uuid,
        participants: &[Uuid],
    ) -> bool {
        self.reads_everything()
            || team.is_some_and(|t| self.teams.contains(&t))
            || self.organization_id == Some(organizer)
            || self.territory.contains(&organizer)
            || self.user_id.is_some_and(|me| participants.contains(&me))
    }

    /// A meeting is recorded and changed by the organizing team's active
    /// members (MEMBER or COORDINATOR, as OPERATOR); one organized by an
    /// organization, by ADMIN and by the agreement managers over it.
    pub fn may_record_meeting(&self, team: Option<Uuid>, organizer: Uuid) -> bool {
        match team {
            Some(team) => self.role == Some(Role::Operator) && self.teams.contains(&team),
            None => self.may_manage_agreement(&[organizer]),
        }
    }

    /// Staff names (a party's contact, a meeting's participants) are not
    /// for the AUDITOR, who reads the registers for what they say.
    pub fn sees_staff(&self) -> bool {
        self.role.is_some() && self.role != Some(Role::Auditor)
    }
}

/// The caller's reach in the agreements and meetings registers.
pub async fn register_reach(
    conn: &impl ConnectionTrait,
    caller: &Caller,
) -> AppResult<RegisterReach> {
    let viewer = caller.viewer()?;
    let mut reach = RegisterReach {
        role: Some(viewer.role),
        user_id: Some(viewer.user_id),
        organization_id: viewer.organization_id,
        ..RegisterReach::default()
    };
    match viewer.role {
        Role::Operator => {
            reach.teams = active_teams(conn, caller).await?;
            if !reach.teams.is_empty() {
                let organizations: Vec<Uuid> = team::Entity::find()
                    .select_only()
                    .column(team::Column::OrganizationId)
                    .filter(team::Column::Id.is_in(reach.teams.iter().copied()))
                    .into_tuple()
                    .all(conn)
                    .await?;
                reach.team_organizations = organizations.into_iter().collect();
            }
        }
        Role::Reporter => {
            let roots = territory_ids(conn, viewer.user_id).await?;
            reach.territory = within_territories(conn, &roots).await?;
            reach.manages_agreements = user::Entity::find_by_id(viewer.user_id)
                .one(conn)
                .await?
                .is_some_and(|u| u.manages_agreements);
        }
        Role::Admin | Role::Auditor => {}
    }
    Ok(reach)
}

/// Requires the reach of one who may manage agreements over `parties`.
pub fn require_agreement_manager(reach: &RegisterReach, parties: &[Uuid]) -> AppResult<()> {
    if reach.may_manage_agreement(parties) {
        Ok(())
    } else if reach.manages_some_agreements() {
        Err(AppError::ForbiddenBecause(
            "Nessuna delle parti è nei territori di tua competenza".into(),
        ))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Requires the reach of one who may record a meeting of this organizer.
pub fn require_meeting_recorder(
    reach: &RegisterReach,
    team: Option<Uuid>,
    organizer: Uuid,
) -> AppResult<()> {
    if reach.may_record_meeting(team, organizer) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The audit trail is for auditors (and the DPO) only.
pub fn require_auditor(caller: &Caller) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    if viewer.role == Role::Auditor {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Service accounts and the nomenclatore mapping are the installation's
/// configuration: ADMIN only. A service account itself never reaches
/// `/graphql`, so it never passes here.
pub fn can_manage_service_accounts(caller: &Caller) -> AppResult<&Viewer> {
    require_admin(caller)
}

/// The nomenclatore mapping is read by those who edit it and by the
/// planning offices that send the flow.
pub fn can_read_nomenclatore(caller: &Caller) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    match viewer.role {
        Role::Admin | Role::Reporter => Ok(viewer),
        _ => Err(AppError::Forbidden),
    }
}

/// A service account does what its scopes say, nothing more.
pub fn require_scope(account: &ServiceAccountActor, scope: ServiceScope) -> AppResult<()> {
    if account.scopes.contains(&scope) {
        Ok(())
    } else {
        Err(AppError::ForbiddenBecause(format!(
            "Il service account non ha l'ambito {}",
            scope.wire()
        )))
    }
}

/// The interventions flow of a territory (issue 18.5) holds personal data
/// (the codice fiscale) for the Region's social-services flow: a service
/// account with `export:interventions` of an organization the territory
/// lies within (an ATS's data warehouse sends its Ambiti's), or a REPORTER
/// of that territory or one above it. Nobody else, ADMIN included.
pub async fn require_interventions_exporter(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    territory_id: Uuid,
) -> AppResult<()> {
    if let Some(account) = &caller.service_account {
        require_scope(account, ServiceScope::ExportInterventions)?;
        return if lies_within(conn, territory_id, &[account.organization_id]).await? {
            Ok(())
        } else {
            Err(AppError::ForbiddenBecause(
                "Questo territorio non è sotto l'ente del service account".into(),
            ))
        };
    }
    let viewer = caller.viewer()?;
    if viewer.role != Role::Reporter {
        return Err(AppError::Forbidden);
    }
    let mine = territory_ids(conn, viewer.user_id).await?;
    if lies_within(conn, territory_id, &mine).await? {
        Ok(())
    } else {
        Err(AppError::ForbiddenBecause(
            "Questo territorio non è tra quelli di tua competenza".into(),
        ))
    }
}

/// A person's whole record in FHIR (`$everything`, issue 18.3): for a
/// service account with `fhir:read` of an organization responsible for the
/// person (`organization_responsible_for`), or for a user with need-to-know
/// (`require_person_access`). An unknown person is NOT_FOUND, a known one
/// FORBIDDEN, for an account with the scope as for an OPERATOR.
pub async fn require_record_reader(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    person_id: Uuid,
) -> AppResult<()> {
    let Some(account) = &caller.service_account else {
        return require_person_access(conn, caller, person_id)
            .await
            .map(|_| ());
    };
    require_scope(account, ServiceScope::FhirRead)?;
    require_responsible(
        conn,
        person_id,
        organization_responsible_for(
            (person::Entity, person::Column::Id),
            account.organization_id,
        ),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocabulary::Profession;
    use uuid::Uuid;

    #[test]
    fn responsibility_is_one_correlated_exists_on_the_outer_row() {
        use sea_orm::sea_query::PostgresQueryBuilder;
        let sql = Query::select()
            .column((project::Entity, project::Column::Id))
            .from(project::Entity)
            .and_where(responsible_for(
                (project::Entity, project::Column::PersonId),
                Uuid::nil(),
            ))
            .to_string(PostgresQueryBuilder);
        assert_eq!(sql.matches("EXISTS").count(), 1, "{sql}");
        assert!(!sql.contains(" IN (SELECT"), "{sql}");
        // Each holding names the outer row's person, under an alias that
        // cannot be confused with the outer table.
        assert_eq!(
            sql.matches(r#"= "projects"."person_id""#).count(),
            4,
            "{sql}"
        );
        assert!(sql.contains(r#""projects" AS "held_projects""#), "{sql}");
    }

    fn caller(role: Option<Role>) -> Caller {
        Caller {
            viewer: role.map(|role| Viewer {
                user_id: Uuid::now_v7(),
                role,
                profession: Profession::Other,
                organization_id: None,
            }),
            ..Caller::default()
        }
    }

    #[test]
    fn only_admins_pass_the_admin_check() {
        assert!(require_admin(&caller(Some(Role::Admin))).is_ok());
        assert!(matches!(
            require_admin(&caller(Some(Role::Operator))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_admin(&caller(Some(Role::Auditor))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_admin(&caller(None)),
            Err(AppError::Unauthenticated)
        ));
    }

    #[test]
    fn only_operators_work_on_case_data_and_only_auditors_read_the_trail() {
        assert!(require_case_worker(&caller(Some(Role::Operator))).is_ok());
        assert!(matches!(
            require_case_worker(&caller(Some(Role::Admin))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_case_worker(&caller(Some(Role::Auditor))),
            Err(AppError::Forbidden)
        ));
        assert!(require_auditor(&caller(Some(Role::Auditor))).is_ok());
        assert!(matches!(
            require_auditor(&caller(Some(Role::Admin))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_auditor(&caller(None)),
            Err(AppError::Unauthenticated)
        ));
    }

    #[test]
    fn a_reporter_is_never_a_case_worker_an_admin_or_an_auditor() {
        let reporter = caller(Some(Role::Reporter));
        assert!(matches!(
            require_case_worker(&reporter),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(require_admin(&reporter), Err(AppError::Forbidden)));
        assert!(matches!(
            require_auditor(&reporter),
            Err(AppError::Forbidden)
        ));
    }

    #[test]
    fn nobody_grants_themselves_a_role_or_a_team() {
        let admin = caller(Some(Role::Admin));
        let me = admin.viewer.as_ref().unwrap();
        let other = Uuid::now_v7();
        assert!(matches!(
            require_other_to_change_role(me, me.user_id, Role::Admin, Role::Operator),
            Err(AppError::ForbiddenBecause(_))
        ));
        // Saving one's own form with the role unchanged is no change of role.
        assert!(require_other_to_change_role(me, me.user_id, Role::Admin, Role::Admin).is_ok());
        assert!(require_other_to_change_role(me, other, Role::Admin, Role::Operator).is_ok());
        assert!(matches!(
            require_other_to_add_member(me, me.user_id),
            Err(AppError::ForbiddenBecause(_))
        ));
        assert!(require_other_to_add_member(me, other).is_ok());
    }

    #[test]
    fn anyone_signed_in_may_list_organizations() {
        for role in Role::ALL {
            assert!(can_list_organizations(&caller(Some(*role))).is_ok());
        }
        assert!(can_list_organizations(&caller(None)).is_err());
    }
}
