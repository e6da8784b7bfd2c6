//! The need-to-know rule as a per-row `EXISTS` (`policy::responsible_for`)
//! sees exactly the persons the rule in words gives, and exactly those the
//! former formulation (`IN` the union of every holding of the caller's teams)
//! gave: on random small worlds, for every operator.

use std::collections::{BTreeSet, HashSet};

use entity::{assessment, discharge, person, project, referral, team_membership};
use ponte_server::domain::vocabulary::ReferralStatus;
use ponte_server::policy;
use ponte_server::seed::scale::{seed_scale, ScaleOptions};
use ponte_tests::{on_both_databases, TestApp, TestDb};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::sea_query::{Expr, Query, SelectStatement, UnionType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};
use uuid::Uuid;

on_both_databases!(the_per_row_policy_sees_what_the_rule_and_the_former_union_see,);

const WORLDS: u64 = 8;

async fn the_per_row_policy_sees_what_the_rule_and_the_former_union_see(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_scale(
        &app.db,
        ScaleOptions {
            persons: 64,
            seed: 11,
        },
        &(),
    )
    .await
    .unwrap();
    let teams: Vec<Uuid> = entity::team::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    let today = app.clock.today();

    for world in 0..WORLDS {
        let mut rng = StdRng::seed_from_u64(world);
        scramble(&app, &mut rng, &teams, today).await;
        let world = World::load(&app).await;
        let mut someone_sees = false;
        for user in world.operators() {
            let expected = world.visible_to(user);
            someone_sees |= !expected.is_empty();
            assert_eq!(per_row(&app, user).await, expected, "per-row EXISTS");
            assert_eq!(former_union(&app, user).await, expected, "former IN union");
        }
        assert!(
            someone_sees,
            "a world where nobody sees anybody tests nothing"
        );
    }
}

/// Moves holdings between teams, changes referral statuses and ends or
/// resumes memberships at random.
async fn scramble(app: &TestApp, rng: &mut StdRng, teams: &[Uuid], today: chrono::NaiveDate) {
    let pick = |rng: &mut StdRng| teams[rng.random_range(0..teams.len())];
    for r in referral::Entity::find().all(&app.db).await.unwrap() {
        let status = [
            ReferralStatus::Open,
            ReferralStatus::Accepted,
            ReferralStatus::Closed,
        ][rng.random_range(0..3)];
        set::<referral::Entity>(
            app,
            referral::Column::Id,
            r.id,
            referral::Column::Status,
            status.as_str(),
        )
        .await;
        set::<referral::Entity>(
            app,
            referral::Column::Id,
            r.id,
            referral::Column::TeamId,
            pick(rng),
        )
        .await;
    }
    // Only some of the many assessments move, so that teams keep distinct sets.
    for a in assessment::Entity::find().all(&app.db).await.unwrap() {
        if rng.random_bool(0.2) {
            set::<assessment::Entity>(
                app,
                assessment::Column::Id,
                a.id,
                assessment::Column::TeamId,
                pick(rng),
            )
            .await;
        }
    }
    for p in project::Entity::find().all(&app.db).await.unwrap() {
        set::<project::Entity>(
            app,
            project::Column::Id,
            p.id,
            project::Column::TeamId,
            pick(rng),
        )
        .await;
    }
    for d in discharge::Entity::find().all(&app.db).await.unwrap() {
        set::<discharge::Entity>(
            app,
            discharge::Column::Id,
            d.id,
            discharge::Column::ReceivingTeamId,
            pick(rng),
        )
        .await;
    }
    for m in team_membership::Entity::find().all(&app.db).await.unwrap() {
        let ended = rng.random_bool(0.3).then_some(today);
        set::<team_membership::Entity>(
            app,
            team_membership::Column::Id,
            m.id,
            team_membership::Column::EndedOn,
            ended,
        )
        .await;
    }
}

/// Sets one column of one row behind the API's back.
async fn set<E: EntityTrait>(
    app: &TestApp,
    id_column: E::Column,
    id: Uuid,
    column: E::Column,
    value: impl Into<sea_orm::Value>,
) {
    E::update_many()
        .col_expr(column, Expr::value(value))
        .filter(id_column.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

/// The rows the rule speaks of, read whole, and the rule applied in memory.
struct World {
    /// (user, team) of active memberships.
    active: HashSet<(Uuid, Uuid)>,
    users: BTreeSet<Uuid>,
    /// (person, team) of every holding that makes a team responsible.
    holdings: Vec<(Uuid, Uuid)>,
}

impl World {
    async fn load(app: &TestApp) -> World {
        let memberships = team_membership::Entity::find().all(&app.db).await.unwrap();
        let mut holdings: Vec<(Uuid, Uuid)> = Vec::new();
        for r in referral::Entity::find().all(&app.db).await.unwrap() {
            if matches!(r.status, ReferralStatus::Open | ReferralStatus::Accepted) {
                holdings.push((r.person_id, r.team_id));
            }
        }
        for a in assessment::Entity::find().all(&app.db).await.unwrap() {
            holdings.push((a.person_id, a.team_id));
        }
        for p in project::Entity::find().all(&app.db).await.unwrap() {
            holdings.push((p.person_id, p.team_id));
        }
        for d in discharge::Entity::find().all(&app.db).await.unwrap() {
            holdings.push((d.person_id, d.receiving_team_id));
        }
        World {
            active: memberships
                .iter()
                .filter(|m| m.ended_on.is_none())
                .map(|m| (m.user_id, m.team_id))
                .collect(),
            users: memberships.iter().map(|m| m.user_id).collect(),
            holdings,
        }
    }

    fn operators(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.users.iter().copied()
    }

    fn visible_to(&self, user: Uuid) -> BTreeSet<Uuid> {
        self.holdings
            .iter()
            .filter(|(_, team)| self.active.contains(&(user, *team)))
            .map(|(person, _)| *person)
            .collect()
    }
}

#[derive(FromQueryResult)]
struct Id {
    id: Uuid,
}

async fn per_row(app: &TestApp, user: Uuid) -> BTreeSet<Uuid> {
    person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(policy::responsible_for(
            (person::Entity, person::Column::Id),
            user,
        ))
        .into_model::<Id>()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect()
}

/// The formulation the per-row predicate replaced (until issue 12): the
/// persons `IN` the union of every holding of the user's active teams.
async fn former_union(app: &TestApp, user: Uuid) -> BTreeSet<Uuid> {
    fn held_by_teams_of(
        user: Uuid,
        table: impl sea_orm::Iden + Copy + 'static,
        person: impl sea_orm::Iden + 'static,
        team: impl sea_orm::Iden + 'static,
    ) -> SelectStatement {
        Query::select()
            .column((table, person))
            .from(table)
            .inner_join(
                team_membership::Entity,
                Expr::col((team_membership::Entity, team_membership::Column::TeamId))
                    .equals((table, team)),
            )
            .and_where(
                Expr::col((team_membership::Entity, team_membership::Column::UserId)).eq(user),
            )
            .and_where(
                Expr::col((team_membership::Entity, team_membership::Column::EndedOn)).is_null(),
            )
            .to_owned()
    }
    let mut union = held_by_teams_of(
        user,
        referral::Entity,
        referral::Column::PersonId,
        referral::Column::TeamId,
    );
    union
        .and_where(
            Expr::col((referral::Entity, referral::Column::Status)).is_in([
                ReferralStatus::Open.as_str(),
                ReferralStatus::Accepted.as_str(),
            ]),
        )
        .union(
            UnionType::Distinct,
            held_by_teams_of(
                user,
                assessment::Entity,
                assessment::Column::PersonId,
                assessment::Column::TeamId,
            ),
        )
        .union(
            UnionType::Distinct,
            held_by_teams_of(
                user,
                project::Entity,
                project::Column::PersonId,
                project::Column::TeamId,
            ),
        )
        .union(
            UnionType::Distinct,
            held_by_teams_of(
                user,
                discharge::Entity,
                discharge::Column::PersonId,
                discharge::Column::ReceivingTeamId,
            ),
        );
    let query = Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(Expr::col((person::Entity, person::Column::Id)).in_subquery(union))
        .to_owned();
    let statement = app.db.get_database_backend().build(&query);
    Id::find_by_statement(statement)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect()
}
