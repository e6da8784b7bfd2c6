use ponte_domain::vocabulary::{AssessmentReason, AssessmentSetting, CareSetting, NeedLevel};
use sea_orm::entity::prelude::*;

/// A UVM multidimensional assessment. Editable as a draft; once signed it is
/// never changed again: a correction is a new row whose `amends_id` names
/// the version it corrects, so the original stays byte for byte.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub team_id: Uuid,
    pub project_id: Option<Uuid>,
    pub discharge_id: Option<Uuid>,
    pub assessed_on: Date,
    /// `AssessmentSetting`.
    pub setting: AssessmentSetting,
    /// `AssessmentReason`.
    pub reason: AssessmentReason,
    /// `NeedLevel`.
    pub need_level: NeedLevel,
    /// `CareSetting`.
    pub recommended_setting: CareSetting,
    pub notes: Option<String>,
    pub logged_by: Uuid,
    pub created_at: DateTimeUtc,
    pub version: i32,
    pub signed_at: Option<DateTimeUtc>,
    pub signed_by: Option<Uuid>,
    pub amends_id: Option<Uuid>,
    pub amendment_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
