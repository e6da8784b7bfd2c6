//! Documents attached to the record: the `Document` type (case data, built
//! only through `guard`), the lists on a person, a project, an assessment,
//! a discharge and a diary entry, and `deleteDocument`. Uploading and downloading the
//! file are HTTP (`http::documents`): a file is not JSON.

use async_graphql::{ComplexObject, Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::document;
use uuid::Uuid;

use crate::domain::vocabulary::DocumentSubject as Subject;
use crate::graphql::context::scope;
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::parse_id;
use crate::graphql::loaders;
use crate::graphql::scalars::Date;
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{DocumentKind, DocumentSubject};
use crate::services::at_version::AtVersion;
use crate::services::documents as service;

/// A file attached to a person's record. Its bytes are served by
/// `GET /documents/{id}` (`downloadUrl`), as an attachment, to those who may
/// read the person's record; every download is audited.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Document {
    pub id: ID,
    pub version: i32,
    pub kind: DocumentKind,
    /// What the document is attached to; `subjectId` is its id.
    pub subject_kind: DocumentSubject,
    pub subject_id: ID,
    pub title: String,
    /// The document's own date (signed on, issued on), if given.
    pub document_date: Option<Date>,
    /// The name it downloads under (sanitised).
    pub file_name: String,
    /// As found in the content: application/pdf, image/jpeg, image/png, ODT or DOCX.
    pub content_type: String,
    pub size_bytes: i64,
    /// Hex SHA-256 of the bytes: the same file uploaded twice has the same.
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
    /// Set once deleted (then it is in no list any more).
    pub deleted_at: Option<DateTime<Utc>>,
    pub delete_reason: Option<String>,
    #[graphql(skip)]
    pub row: document::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for Document {
    type Row = document::Model;

    fn person_of(row: &document::Model) -> Uuid {
        row.person_id
    }

    fn reveal(m: document::Model, seen: Seen) -> Self {
        Document {
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            kind: m.kind.into(),
            subject_kind: m.subject_kind.into(),
            subject_id: ID(m.subject_id.to_string()),
            title: m.title.clone(),
            document_date: m.document_date.map(Date),
            file_name: m.file_name.clone(),
            content_type: m.content_type.clone(),
            size_bytes: m.size_bytes,
            sha256: m.sha256.clone(),
            uploaded_at: m.uploaded_at,
            deleted_at: m.deleted_at,
            delete_reason: m.delete_reason.clone(),
            row: m,
        }
    }
}

#[ComplexObject]
impl Document {
    /// Where the file is downloaded (same session; an attachment).
    async fn download_url(&self) -> String {
        format!("/documents/{}", self.row.id)
    }

    async fn uploaded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.row.uploaded_by)).await
    }

    async fn deleted_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.row.deleted_by).await
    }
}

/// The documents attached to the record of kind `kind` and id `subject_id`,
/// not deleted, oldest first, each through the document policy.
pub async fn of_subject(
    ctx: &Context<'_>,
    kind: Subject,
    subject_id: Uuid,
) -> async_graphql::Result<Vec<Document>> {
    let rows = loaders::many::<document::Entity>(ctx, subject_id)
        .await?
        .into_iter()
        .filter(|d| d.subject_kind == kind && d.deleted_at.is_none())
        .collect();
    guard::all(ctx, rows).await
}

/// Every document of a person's record (not deleted), whatever it is
/// attached to, oldest first; those of confidential diary entries only for
/// the viewers who read the entry (filtered in SQL by the loader).
pub async fn of_person(ctx: &Context<'_>, person_id: Uuid) -> async_graphql::Result<Vec<Document>> {
    let rows = loaders::documents_of_person(ctx, person_id).await?;
    guard::all(ctx, rows).await
}

#[derive(Default)]
pub struct DocumentMutation;

#[Object]
impl DocumentMutation {
    /// Takes a document away with a reason (a soft delete): it leaves the
    /// lists and its file is no longer served; the row stays, and the audit
    /// trail (DOCUMENT_DELETED, with the reason) shows it to auditors. For
    /// those who may write on what it is attached to.
    async fn delete_document(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
        expected_version: i32,
    ) -> async_graphql::Result<Document> {
        let s = scope(ctx)?;
        let document_id = parse_id(&id, "id")?;
        let deletion = AtVersion::new(document_id, expected_version).with(reason);
        let deleted = service::delete_document(s.db, s.caller, deletion).await?;
        guard::require(ctx, deleted).await
    }
}
