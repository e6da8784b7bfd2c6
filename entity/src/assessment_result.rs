use ponte_domain::vocabulary::{Education, Instrument};
use sea_orm::entity::prelude::*;

/// One instrument's answers and the score and band the server computed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment_results")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub assessment_id: Uuid,
    /// `Instrument`.
    pub instrument: Instrument,
    pub score: i32,
    /// SPMSQ's errors as counted, before the schooling adjustment; null for
    /// other instruments and for results stored before it was kept.
    pub raw_errors: Option<i32>,
    /// The band's code, e.g. `SEVERE`.
    pub band: String,
    pub education: Option<Education>,
    /// JSON array of `{ "item": …, "value": … }` in the instrument's item order.
    pub answers: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
