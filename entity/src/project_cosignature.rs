use ponte_domain::vocabulary::IntegratedPart;
use sea_orm::entity::prelude::*;

/// An organization's signature of an integrated PAI, for its part (health or
/// social).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_cosignatures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub organization_id: Uuid,
    /// `IntegratedPart`, from the organization's kind when it signed.
    pub part: IntegratedPart,
    pub signed_on: Date,
    /// Who signed for the organization, as written on the paper.
    pub signatory: Option<String>,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
