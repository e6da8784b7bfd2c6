//! Who took part in an act recorded with its participants (a UVM assessment,
//! a project's review): each named once, at least one, every one a user.

use std::collections::HashMap;

use entity::user;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// The users `ids` name, once each and in id order; refused on
/// `participantIds` when none is named ("Indica chi ha partecipato
/// {to_what}") or one does not exist.
pub async fn participants(
    conn: &impl ConnectionTrait,
    ids: &[Uuid],
    to_what: &str,
) -> AppResult<Vec<user::Model>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(AppError::validation(
            "participantIds",
            format!("Indica chi ha partecipato {to_what}"),
        ));
    }
    let mut found: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    ids.iter()
        .map(|id| {
            found
                .remove(id)
                .ok_or_else(|| AppError::validation("participantIds", "Un partecipante non esiste"))
        })
        .collect()
}
