use ponte_domain::vocabulary::{DocumentKind, DocumentSubject};
use sea_orm::entity::prelude::*;

/// A file attached to a person's record or to one object of it. The bytes
/// live in the document store under `storage_key`; the row says what they
/// are. Soft-deleted: `deleted_at` with who and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    /// Always set: need-to-know hangs on it.
    pub person_id: Uuid,
    /// `DocumentSubject`.
    pub subject_kind: DocumentSubject,
    pub subject_id: Uuid,
    /// `DocumentKind`.
    pub kind: DocumentKind,
    pub title: String,
    pub document_date: Option<Date>,
    /// Sanitised: no path, no quotes, no control characters.
    pub file_name: String,
    /// As found by the file's content, never as declared.
    pub content_type: String,
    pub size_bytes: i64,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
    pub storage_key: String,
    pub uploaded_by: Uuid,
    pub uploaded_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
    pub deleted_by: Option<Uuid>,
    pub delete_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
