use ponte_domain::vocabulary::DiaryKind;
use sea_orm::entity::prelude::*;

/// One entry of a person's diario sociale: an interview, a home visit, a
/// call, a network meeting. Its text is the author's until 24 hours after
/// it was written; then it is corrected by annotations only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "diary_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    pub person_id: Uuid,
    pub project_id: Option<Uuid>,
    pub referral_id: Option<Uuid>,
    pub assessment_id: Option<Uuid>,
    pub discharge_id: Option<Uuid>,
    /// `DiaryKind`.
    pub kind: DiaryKind,
    pub occurred_at: DateTimeUtc,
    pub duration_minutes: Option<i32>,
    pub place: Option<String>,
    pub text: String,
    /// A date to come back to it (the agenda lists it).
    pub follow_up_on: Option<Date>,
    /// Seen only by its author and the person's current case managers.
    pub confidential: bool,
    pub author_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
