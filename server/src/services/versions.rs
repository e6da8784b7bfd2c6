//! Optimistic concurrency: a change names the version it was made on
//! (`expectedVersion`) and writes the next one, guarded by `version = expected`.

use chrono::{DateTime, Utc};
use entity::{
    assessment, budget_resource, diary_entry, discharge, document, meeting, network_agreement,
    person, project, user,
};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// The version a guarded update writes. The client's `expectedVersion` is any
/// Int; the largest one has no successor, and no record ever gets there.
pub fn next_version(expected: i32) -> AppResult<i32> {
    expected.checked_add(1).ok_or_else(|| {
        AppError::validation(
            "expectedVersion",
            "Questa versione della scheda non esiste: ricarica e riprova",
        )
    })
}

/// What the people who change a record call it, with its article: the
/// message of a change that came too late names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    with_article: &'static str,
    feminine: bool,
}

impl Noun {
    pub const fn masculine(with_article: &'static str) -> Noun {
        Noun {
            with_article,
            feminine: false,
        }
    }

    pub const fn feminine(with_article: &'static str) -> Noun {
        Noun {
            with_article,
            feminine: true,
        }
    }
}

/// Someone else changed the record since the caller read it.
pub fn stale(what: Noun) -> AppError {
    let changed = if what.feminine {
        "stata modificata"
    } else {
        "stato modificato"
    };
    AppError::Conflict(format!(
        "{} è {changed} da qualcun altro nel frattempo: ricarica e riprova",
        what.with_article
    ))
}

/// A table whose rows carry a `version` that every change moves on.
pub trait Versioned: EntityTrait {
    const NOUN: Noun;
    const ID: Self::Column;
    const VERSION: Self::Column;
    /// `updated_at`, on the tables that keep it.
    const UPDATED_AT: Option<Self::Column>;

    /// What else a row must be for any change (a signed assessment is final).
    fn changeable() -> Condition {
        Condition::all()
    }

    /// A database refusal of the update (a unique key, say) as the user reads it.
    fn refused(err: DbErr) -> AppError {
        err.into()
    }
}

macro_rules! versioned {
    ($table:ident, $noun:expr, updated_at: $updated_at:expr $(, $extra:item)* $(,)?) => {
        impl Versioned for $table::Entity {
            const NOUN: Noun = $noun;
            const ID: $table::Column = $table::Column::Id;
            const VERSION: $table::Column = $table::Column::Version;
            const UPDATED_AT: Option<$table::Column> = $updated_at;
            $($extra)*
        }
    };
}

versioned!(
    project,
    Noun::masculine("Il progetto"),
    updated_at: Some(project::Column::UpdatedAt),
);
versioned!(
    person,
    Noun::feminine("La scheda"),
    updated_at: Some(person::Column::UpdatedAt),
    fn refused(err: DbErr) -> AppError {
        crate::services::persons::map_unique(err)
    },
);
versioned!(
    discharge,
    Noun::feminine("La dimissione"),
    updated_at: Some(discharge::Column::UpdatedAt),
);
versioned!(
    assessment,
    Noun::feminine("La valutazione"),
    updated_at: None,
    fn changeable() -> Condition {
        Condition::all().add(assessment::Column::SignedAt.is_null())
    },
);
versioned!(
    budget_resource,
    Noun::feminine("La risorsa"),
    updated_at: Some(budget_resource::Column::UpdatedAt),
);
versioned!(
    network_agreement,
    Noun::masculine("L'accordo"),
    updated_at: Some(network_agreement::Column::UpdatedAt),
);
versioned!(
    meeting,
    Noun::masculine("L'incontro"),
    updated_at: Some(meeting::Column::UpdatedAt),
);
versioned!(
    document,
    Noun::masculine("Il documento"),
    updated_at: None,
    fn changeable() -> Condition {
        Condition::all().add(document::Column::DeletedAt.is_null())
    },
);
versioned!(
    diary_entry,
    Noun::feminine("La nota di diario"),
    updated_at: Some(diary_entry::Column::UpdatedAt),
);
versioned!(
    user,
    Noun::masculine("L'utente"),
    updated_at: Some(user::Column::UpdatedAt),
);

/// The one way a versioned row changes: `changes` plus the next version (and
/// `updated_at`), written only if the row is still at `expected`. The check
/// and the write are one statement, so of two writers holding the same
/// version exactly one gets the row; the other gets `stale`. An empty
/// `changes` only moves the version on: how a child's change claims its
/// parent. `now` is the time of the change.
pub async fn guarded_update<E: Versioned>(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    id: Uuid,
    expected: i32,
    changes: Vec<(E::Column, SimpleExpr)>,
) -> AppResult<()> {
    let mut update = E::update_many().col_expr(E::VERSION, Expr::value(next_version(expected)?));
    if let Some(updated_at) = E::UPDATED_AT {
        update = update.col_expr(updated_at, Expr::value(now));
    }
    for (column, value) in changes {
        update = update.col_expr(column, value);
    }
    let moved = update
        .filter(E::ID.eq(id))
        .filter(E::VERSION.eq(expected))
        .filter(E::changeable())
        .exec(conn)
        .await
        .map_err(E::refused)?;
    if moved.rows_affected != 1 {
        return Err(stale(E::NOUN));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_version_follows_and_the_largest_int_is_refused() {
        assert_eq!(next_version(1).unwrap(), 2);
        let err = next_version(i32::MAX).unwrap_err();
        assert!(
            matches!(err, AppError::Validation { ref field, .. } if field == "expectedVersion")
        );
    }

    #[test]
    fn a_late_change_names_the_record_in_its_gender() {
        let message = |noun| match stale(noun) {
            AppError::Conflict(message) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            message(project::Entity::NOUN),
            "Il progetto è stato modificato da qualcun altro nel frattempo: ricarica e riprova"
        );
        assert_eq!(
            message(discharge::Entity::NOUN),
            "La dimissione è stata modificata da qualcun altro nel frattempo: ricarica e riprova"
        );
    }
}
