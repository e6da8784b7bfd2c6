//! `ponte seed-demo`: a fictional but realistic Italian data set, so a
//! newcomer can sign in and see Ponte at work. Running it twice changes nothing.

use std::fmt::Write as _;

use entity::user;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::caller::Caller;
use crate::enums::{OrganizationKind, Profession, Role};
use crate::error::AppResult;
use crate::services::organizations::{self, NewOrganization};
use crate::services::users::{self, NewUser};

/// Every demo account shares this password; it is printed, and it is demo data.
pub const DEMO_PASSWORD: &str = "ponte-demo-2026";
pub const DEMO_ADMIN_EMAIL: &str = "admin@ponte.demo";

pub async fn seed_demo(db: &DatabaseConnection) -> AppResult<String> {
    let caller = Caller::command_line();
    let mut report = String::new();

    let already = user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(DEMO_ADMIN_EMAIL))
        .one(db)
        .await?;
    if already.is_none() {
        let ambito = organizations::create_organization_unchecked(
            db,
            &caller,
            NewOrganization {
                name: "Ambito Territoriale di Valle Camonica".into(),
                kind: OrganizationKind::Ambito,
                fiscal_code: None,
            },
        )
        .await?;
        users::create_user_unchecked(
            db,
            &caller,
            NewUser {
                email: DEMO_ADMIN_EMAIL.into(),
                display_name: "Amministrazione Ponte".into(),
                password: DEMO_PASSWORD.into(),
                role: Role::Admin,
                profession: Profession::Amministrativo,
                organization_id: Some(ambito.id),
            },
        )
        .await?;
    }

    let _ = writeln!(
        report,
        "Demo data ready. Sign in with (password for every account: {DEMO_PASSWORD}):"
    );
    let _ = writeln!(report, "  {DEMO_ADMIN_EMAIL:<32} ADMIN");
    Ok(report)
}
