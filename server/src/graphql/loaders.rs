//! DataLoaders: nested fields batch their lookups into one query per level
//! instead of one per row (no N+1). Two generic shapes cover the relations:
//! a row by its id, and the rows that belong to a parent; one more gives a
//! person's assessments in their current versions.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::Context;
use entity::{
    assessment, assessment_participant, assessment_result, assessment_social_domain,
    budget_agreement, budget_resource, budget_use, diary_annotation, diary_entry_participant,
    discharge, discharge_plan_need, document, life_area_score, meeting, meeting_participant,
    meeting_service, network_agreement, network_agreement_life_area, network_agreement_party,
    network_agreement_service, organization, person, privacy_consent, project, project_cosignature,
    project_event, project_goal, project_intervention, project_review, reference_person, referral,
    team, team_membership, user,
};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::caller::Caller;
use crate::error::AppError;
use crate::policy;
use crate::services::assessments::current_assessments_of;

/// A table whose rows are looked up by their UUID primary key.
pub trait Keyed: EntityTrait {
    fn key_column() -> Self::Column;
    fn key_of(model: &Self::Model) -> Uuid;
}

/// A table whose rows belong to a parent row, listed in a stable order.
pub trait ChildOf: EntityTrait {
    fn parent_column() -> Self::Column;
    fn parent_of(model: &Self::Model) -> Uuid;
    fn order_column() -> Self::Column;
}

macro_rules! keyed {
    ($($module:ident),+) => {
        $(impl Keyed for $module::Entity {
            fn key_column() -> Self::Column {
                $module::Column::Id
            }
            fn key_of(model: &Self::Model) -> Uuid {
                model.id
            }
        })+
    };
}
keyed!(
    organization,
    user,
    person,
    team,
    assessment,
    project,
    network_agreement,
    meeting
);

macro_rules! child_of {
    ($module:ident, $parent:ident, $order:ident) => {
        impl ChildOf for $module::Entity {
            fn parent_column() -> Self::Column {
                $module::Column::$parent
            }
            fn parent_of(model: &Self::Model) -> Uuid {
                paste_field!(model, $module)
            }
            fn order_column() -> Self::Column {
                $module::Column::$order
            }
        }
    };
}

/// The parent id of each child table's row.
macro_rules! paste_field {
    ($model:ident, reference_person) => {
        $model.person_id
    };
    ($model:ident, privacy_consent) => {
        $model.person_id
    };
    ($model:ident, referral) => {
        $model.person_id
    };
    ($model:ident, team_membership) => {
        $model.team_id
    };
    ($model:ident, assessment_participant) => {
        $model.assessment_id
    };
    ($model:ident, assessment_result) => {
        $model.assessment_id
    };
    ($model:ident, assessment_social_domain) => {
        $model.assessment_id
    };
    ($model:ident, project) => {
        $model.person_id
    };
    ($model:ident, project_goal) => {
        $model.project_id
    };
    ($model:ident, project_intervention) => {
        $model.project_id
    };
    ($model:ident, project_review) => {
        $model.project_id
    };
    ($model:ident, project_event) => {
        $model.project_id
    };
    ($model:ident, budget_resource) => {
        $model.project_id
    };
    ($model:ident, budget_agreement) => {
        $model.project_id
    };
    ($model:ident, project_cosignature) => {
        $model.project_id
    };
    ($model:ident, life_area_score) => {
        $model.project_id
    };
    ($model:ident, discharge) => {
        $model.person_id
    };
    ($model:ident, discharge_plan_need) => {
        $model.discharge_id
    };
    ($model:ident, budget_use) => {
        $model.resource_id
    };
    ($model:ident, network_agreement_party) => {
        $model.agreement_id
    };
    ($model:ident, network_agreement_service) => {
        $model.agreement_id
    };
    ($model:ident, network_agreement_life_area) => {
        $model.agreement_id
    };
    ($model:ident, meeting_participant) => {
        $model.meeting_id
    };
    ($model:ident, meeting_service) => {
        $model.meeting_id
    };
    ($model:ident, diary_entry_participant) => {
        $model.entry_id
    };
    ($model:ident, diary_annotation) => {
        $model.entry_id
    };
    // Loaded by `agreement_id IN (…)`, so it is always set here.
    ($model:ident, meeting) => {
        $model.agreement_id.unwrap_or_default()
    };
    // A document by the object it is attached to.
    ($model:ident, document) => {
        $model.subject_id
    };
    // Loaded by `amends_id IN (…)`, so it is always set here.
    ($model:ident, assessment) => {
        $model.amends_id.unwrap_or_default()
    };
}
child_of!(reference_person, PersonId, CreatedAt);
child_of!(privacy_consent, PersonId, RecordedAt);
child_of!(referral, PersonId, CreatedAt);
child_of!(team_membership, TeamId, StartedOn);
child_of!(assessment_participant, AssessmentId, Id);
child_of!(assessment_result, AssessmentId, Instrument);
child_of!(assessment_social_domain, AssessmentId, Domain);
child_of!(project, PersonId, StartDate);
child_of!(project_goal, ProjectId, CreatedAt);
child_of!(project_intervention, ProjectId, StartDate);
child_of!(project_review, ProjectId, ReviewedOn);
child_of!(project_event, ProjectId, OccurredAt);
child_of!(budget_resource, ProjectId, CreatedAt);
child_of!(budget_agreement, ProjectId, CreatedAt);
child_of!(life_area_score, ProjectId, ScoredOn);
child_of!(project_cosignature, ProjectId, SignedOn);
child_of!(budget_use, ResourceId, UsedOn);
child_of!(discharge, PersonId, ReportedAt);
child_of!(discharge_plan_need, DischargeId, Need);
child_of!(network_agreement_party, AgreementId, Id);
child_of!(network_agreement_service, AgreementId, Service);
child_of!(network_agreement_life_area, AgreementId, LifeArea);
child_of!(meeting_participant, MeetingId, Id);
child_of!(meeting_service, MeetingId, Service);
child_of!(diary_entry_participant, EntryId, Id);
child_of!(diary_annotation, EntryId, CreatedAt);
// The meetings that implement an agreement.
child_of!(meeting, AgreementId, PlannedOn);
child_of!(document, SubjectId, UploadedAt);
// The amendment of a version (at most one, by a unique index).
child_of!(assessment, AmendsId, CreatedAt);

pub struct ById<E>(DatabaseConnection, PhantomData<E>);
pub struct ChildrenOf<E>(DatabaseConnection, PhantomData<E>);
/// A person's assessments, each in its latest version, newest first.
pub struct CurrentAssessmentsOf(DatabaseConnection);

impl<E> Loader<Uuid> for ById<E>
where
    E: Keyed + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    type Value = E::Model;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        match E::find()
            .filter(E::key_column().is_in(keys.iter().copied()))
            .all(&self.0)
            .await
        {
            Ok(rows) => Ok(rows.into_iter().map(|row| (E::key_of(&row), row)).collect()),
            Err(err) => Err(Arc::new(name_the_row::<E>(&self.0, keys, err).await)),
        }
    }
}

/// A batch that could not be read is read again row by row, only on this
/// error path, so the log names the row to repair (a stored value outside
/// its vocabulary, say) instead of the whole batch.
async fn name_the_row<E: Keyed>(db: &DatabaseConnection, keys: &[Uuid], err: DbErr) -> DbErr {
    for key in keys {
        if let Err(row_err) = E::find().filter(E::key_column().eq(*key)).one(db).await {
            return DbErr::Custom(format!(
                "{} row {key}: {row_err}",
                E::default().table_name()
            ));
        }
    }
    err
}

impl<E> Loader<Uuid> for ChildrenOf<E>
where
    E: ChildOf + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    type Value = Vec<E::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = E::find()
            .filter(E::parent_column().is_in(keys.iter().copied()))
            .order_by_asc(E::order_column())
            .all(&self.0)
            .await
            .map_err(Arc::new)?;
        let mut grouped: HashMap<Uuid, Vec<E::Model>> = HashMap::new();
        for row in rows {
            grouped.entry(E::parent_of(&row)).or_default().push(row);
        }
        Ok(grouped)
    }
}

/// Every document of a person's record, whatever it is attached to, oldest
/// first, that the request's viewer may read (`policy::reads_document`: a
/// confidential diary entry's only for who reads the entry); deleted ones
/// are left out. Nobody signed in, none.
pub struct DocumentsOfPerson {
    db: DatabaseConnection,
    reader: Option<Uuid>,
}

impl Loader<Uuid> for DocumentsOfPerson {
    type Value = Vec<document::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let Some(reader) = self.reader else {
            return Ok(HashMap::new());
        };
        let rows = document::Entity::find()
            .filter(document::Column::PersonId.is_in(keys.iter().copied()))
            .filter(policy::reads_document(reader))
            .filter(document::Column::DeletedAt.is_null())
            .order_by_asc(document::Column::UploadedAt)
            .order_by_asc(document::Column::Id)
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let mut grouped: HashMap<Uuid, Vec<document::Model>> = HashMap::new();
        for row in rows {
            grouped.entry(row.person_id).or_default().push(row);
        }
        Ok(grouped)
    }
}

/// The documents of the person's whole record.
pub async fn documents_of_person(
    ctx: &Context<'_>,
    person: Uuid,
) -> async_graphql::Result<Vec<document::Model>> {
    let loader = ctx.data::<DataLoader<DocumentsOfPerson, HashMapCache>>()?;
    Ok(loader
        .load_one(person)
        .await
        .map_err(|e| AppError::internal(format!("loading documents: {e}")))?
        .unwrap_or_default())
}

impl Loader<Uuid> for CurrentAssessmentsOf {
    type Value = Vec<assessment::Model>;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        current_assessments_of(&self.0, keys)
            .await
            .map_err(Arc::new)
    }
}

// Cached for the request: the same team or user appears under many rows,
// and without a cache every later request for it would be a new query.
fn by_id<E>(db: &DatabaseConnection, window: Duration) -> DataLoader<ById<E>, HashMapCache> {
    cached(ById(db.clone(), PhantomData), window)
}

fn children<E>(
    db: &DatabaseConnection,
    window: Duration,
) -> DataLoader<ChildrenOf<E>, HashMapCache> {
    cached(ChildrenOf(db.clone(), PhantomData), window)
}

/// `window` is how long a loader waits for sibling rows to ask for their
/// keys before it queries (`Config::batch_window`).
fn cached<L>(loader: L, window: Duration) -> DataLoader<L, HashMapCache> {
    DataLoader::with_cache(loader, tokio::spawn, HashMapCache::default()).delay(window)
}

/// The loaders of one request: their caches must not outlive it, since the
/// next request may belong to someone who may see less.
pub fn attach(
    request: async_graphql::Request,
    db: &DatabaseConnection,
    caller: &Caller,
    window: Duration,
) -> async_graphql::Request {
    request
        .data(by_id::<organization::Entity>(db, window))
        .data(by_id::<user::Entity>(db, window))
        .data(by_id::<person::Entity>(db, window))
        .data(by_id::<team::Entity>(db, window))
        .data(children::<reference_person::Entity>(db, window))
        .data(children::<privacy_consent::Entity>(db, window))
        .data(children::<referral::Entity>(db, window))
        .data(children::<team_membership::Entity>(db, window))
        .data(by_id::<assessment::Entity>(db, window))
        .data(children::<assessment::Entity>(db, window))
        .data(cached(CurrentAssessmentsOf(db.clone()), window))
        .data(children::<assessment_participant::Entity>(db, window))
        .data(children::<assessment_result::Entity>(db, window))
        .data(children::<assessment_social_domain::Entity>(db, window))
        .data(by_id::<project::Entity>(db, window))
        .data(children::<project::Entity>(db, window))
        .data(children::<project_goal::Entity>(db, window))
        .data(children::<project_intervention::Entity>(db, window))
        .data(children::<project_review::Entity>(db, window))
        .data(children::<project_event::Entity>(db, window))
        .data(children::<budget_resource::Entity>(db, window))
        .data(children::<budget_agreement::Entity>(db, window))
        .data(children::<life_area_score::Entity>(db, window))
        .data(children::<project_cosignature::Entity>(db, window))
        .data(children::<budget_use::Entity>(db, window))
        .data(children::<discharge::Entity>(db, window))
        .data(children::<discharge_plan_need::Entity>(db, window))
        .data(by_id::<network_agreement::Entity>(db, window))
        .data(children::<network_agreement_party::Entity>(db, window))
        .data(children::<network_agreement_service::Entity>(db, window))
        .data(children::<network_agreement_life_area::Entity>(db, window))
        .data(by_id::<meeting::Entity>(db, window))
        .data(children::<meeting::Entity>(db, window))
        .data(children::<meeting_participant::Entity>(db, window))
        .data(children::<meeting_service::Entity>(db, window))
        .data(children::<document::Entity>(db, window))
        .data(cached(
            DocumentsOfPerson {
                db: db.clone(),
                reader: caller.viewer().ok().map(|v| v.user_id),
            },
            window,
        ))
        .data(children::<diary_entry_participant::Entity>(db, window))
        .data(children::<diary_annotation::Entity>(db, window))
        .data(crate::graphql::context::ReachOnce::default())
}

/// One row by id through the request's loader.
pub async fn one<E>(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<E::Model>>
where
    E: Keyed + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    let loader = ctx.data::<DataLoader<ById<E>, HashMapCache>>()?;
    Ok(loader
        .load_one(id)
        .await
        .map_err(|e| AppError::internal(format!("loading by id: {e}")))?)
}

/// Several rows by id in one call, in the order of `ids`; ids with no row
/// are left out.
pub async fn each_of<E>(ctx: &Context<'_>, ids: &[Uuid]) -> async_graphql::Result<Vec<E::Model>>
where
    E: Keyed + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    let loader = ctx.data::<DataLoader<ById<E>, HashMapCache>>()?;
    let found = loader
        .load_many(ids.iter().copied())
        .await
        .map_err(|e| AppError::internal(format!("loading by id: {e}")))?;
    Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
}

/// Several parents' rows at once, by parent.
pub async fn many_of<E>(
    ctx: &Context<'_>,
    parents: impl IntoIterator<Item = Uuid>,
) -> async_graphql::Result<HashMap<Uuid, Vec<E::Model>>>
where
    E: ChildOf + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    let loader = ctx.data::<DataLoader<ChildrenOf<E>, HashMapCache>>()?;
    Ok(loader
        .load_many(parents)
        .await
        .map_err(|e| AppError::internal(format!("loading children: {e}")))?)
}

/// The person's assessments in their current versions, newest first.
pub async fn current_assessments(
    ctx: &Context<'_>,
    person: Uuid,
) -> async_graphql::Result<Vec<assessment::Model>> {
    let loader = ctx.data::<DataLoader<CurrentAssessmentsOf, HashMapCache>>()?;
    Ok(loader
        .load_one(person)
        .await
        .map_err(|e| AppError::internal(format!("loading assessments: {e:?}")))?
        .unwrap_or_default())
}

/// A parent's rows through the request's loader.
pub async fn many<E>(ctx: &Context<'_>, parent: Uuid) -> async_graphql::Result<Vec<E::Model>>
where
    E: ChildOf + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    Ok(many_of::<E>(ctx, [parent])
        .await?
        .remove(&parent)
        .unwrap_or_default())
}
