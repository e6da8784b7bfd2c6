use ponte_domain::vocabulary::DiaryParticipantRole;
use sea_orm::entity::prelude::*;

/// Who took part in a diary entry: a Ponte user (`user_id`), or someone
/// else by `role` with an optional description ("la figlia", "SerD").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "diary_entry_participants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub entry_id: Uuid,
    pub user_id: Option<Uuid>,
    /// `DiaryParticipantRole`, for those who are not Ponte users.
    pub role: Option<DiaryParticipantRole>,
    pub description: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
