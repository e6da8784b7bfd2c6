//! Documents attached to the record (issue 17 point 3): the signed PAI, the
//! consent form, the UVM minutes, the hospital's letter, an identity
//! document. A document hangs on a subject (the person, a project, an
//! assessment, a discharge or a diary entry) and always on its person:
//! need-to-know is the person's, and on a confidential diary entry the
//! entry's (`policy::require_document_reader`). Its bytes live in the document store (`crate::document_store`)
//! under a random key; its row says what it is. Uploading, every download
//! (refused ones too) and deleting are audited; deleting is soft, with a
//! reason.

use bytes::Bytes;
use chrono::NaiveDate;
use entity::{assessment, diary_entry, discharge, document, person, project};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set, TransactionTrait};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::document_store::{new_key, DocumentStore};
use crate::domain::documents::{check_delete_reason, sanitize_file_name};
use crate::domain::network_agreements::check_title;
use crate::domain::vocabulary::{DocumentKind, DocumentSubject};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::at_version::AtVersion;
use crate::services::network_agreements::refused;
use crate::services::rows::{commit_audited, find, find_optional};
use crate::services::versions::{guarded_update, stale, Versioned};

/// The types Ponte keeps, each as found in the content (its magic bytes),
/// whatever the name or the declared type say: the MIME type it is served
/// with and the extension its name ends in.
pub const ALLOWED_TYPES: [(&str, &str); 5] = [
    ("application/pdf", "pdf"),
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("application/vnd.oasis.opendocument.text", "odt"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
];

pub const REFUSED_TYPE: &str =
    "Tipo di file non ammesso: si accettano PDF, JPEG, PNG, ODT e DOCX (il tipo è letto dal contenuto del file)";

/// The allowed type of `bytes`, or None.
pub fn content_type_of(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let found = infer::get(bytes)?;
    ALLOWED_TYPES
        .iter()
        .find(|(mime, _)| *mime == found.mime_type())
        .copied()
}

/// What an upload brings, as read from the request.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub subject_kind: DocumentSubject,
    pub subject_id: Uuid,
    pub kind: DocumentKind,
    pub title: String,
    pub document_date: Option<NaiveDate>,
    /// As the browser sent it: sanitised here.
    pub file_name: String,
    pub bytes: Bytes,
}

/// The person a subject is about; `NotFound` naming `subjectId` when there is
/// no such subject.
async fn person_of_subject(
    conn: &impl ConnectionTrait,
    kind: DocumentSubject,
    id: Uuid,
) -> AppResult<Uuid> {
    let person = match kind {
        DocumentSubject::Person => find_optional::<person::Entity>(conn, id)
            .await?
            .map(|p| p.id),
        DocumentSubject::Project => find_optional::<project::Entity>(conn, id)
            .await?
            .map(|p| p.person_id),
        DocumentSubject::Assessment => find_optional::<assessment::Entity>(conn, id)
            .await?
            .map(|a| a.person_id),
        DocumentSubject::Discharge => find_optional::<discharge::Entity>(conn, id)
            .await?
            .map(|d| d.person_id),
        DocumentSubject::DiaryEntry => find_optional::<diary_entry::Entity>(conn, id)
            .await?
            .map(|e| e.person_id),
    };
    person.ok_or(AppError::NotFound)
}

/// Writing a document on a subject is for those responsible for its person;
/// on a project, for the active members of the project's team, as every
/// other change of the project; on a diary entry, for those who may read
/// the entry (a confidential one: its author and the current case managers).
async fn authorize_writing(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    kind: DocumentSubject,
    subject_id: Uuid,
) -> AppResult<Uuid> {
    policy::require_case_worker(caller)?;
    let person_id = person_of_subject(conn, kind, subject_id).await?;
    match kind {
        DocumentSubject::Project => {
            let found = find::<project::Entity>(conn, subject_id).await?;
            policy::require_project_worker(conn, caller, &found).await?;
        }
        DocumentSubject::DiaryEntry => {
            let found = find::<diary_entry::Entity>(conn, subject_id).await?;
            policy::require_diary_reader(conn, caller, &found).await?;
        }
        _ => {
            policy::require_person_access(conn, caller, person_id).await?;
        }
    }
    Ok(person_id)
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores a document: the caller may write on the subject, the title and
/// the type (by content) are right; then the bytes go to the store under a
/// new random key and the row and its audit event are written in one
/// transaction. If the row cannot be written the bytes are taken away.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), subject_id = %new.subject_id))]
pub async fn upload_document(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    caller: &Caller,
    new: NewDocument,
) -> AppResult<document::Model> {
    let txn = db.begin().await?;
    let person_id = authorize_writing(&txn, caller, new.subject_kind, new.subject_id).await?;
    let viewer = caller.viewer()?;
    let title = check_title(&new.title).map_err(refused)?;
    if new.bytes.is_empty() {
        return Err(AppError::validation("file", "Il file è vuoto"));
    }
    let (content_type, extension) =
        content_type_of(&new.bytes).ok_or_else(|| AppError::validation("file", REFUSED_TYPE))?;
    let file_name = sanitize_file_name(&new.file_name, extension);
    let size_bytes = i64::try_from(new.bytes.len())
        .map_err(|_| AppError::validation("file", "File troppo grande"))?;
    let sha256 = hex(&Sha256::digest(&new.bytes));
    let key = new_key();
    let row = document::ActiveModel {
        id: Set(Uuid::new_v4()),
        version: Set(1),
        person_id: Set(person_id),
        subject_kind: Set(new.subject_kind),
        subject_id: Set(new.subject_id),
        kind: Set(new.kind),
        title: Set(title),
        document_date: Set(new.document_date),
        file_name: Set(file_name),
        content_type: Set(content_type.to_owned()),
        size_bytes: Set(size_bytes),
        sha256: Set(sha256),
        storage_key: Set(key.clone()),
        uploaded_by: Set(viewer.user_id),
        uploaded_at: Set(caller.now()),
        deleted_at: Set(None),
        deleted_by: Set(None),
        delete_reason: Set(None),
    };
    store.put(&key, new.bytes).await?;
    let written = async {
        let saved = row.insert(&txn).await?;
        commit_audited(
            txn,
            caller,
            AuditEntry::new(AuditAction::DocumentUploaded)
                .on("document", saved.id)
                .person(person_id)
                .details(json!({
                    "subjectKind": saved.subject_kind.as_str(),
                    "subjectId": saved.subject_id,
                    "kind": saved.kind.as_str(),
                    "sizeBytes": saved.size_bytes,
                    "sha256": saved.sha256,
                })),
        )
        .await?;
        Ok::<_, AppError>(saved)
    }
    .await;
    if written.is_err() {
        if let Err(err) = store.remove(&key).await {
            tracing::error!(error = ?err, "a document's bytes stayed in the store without a row");
        }
    }
    written
}

/// A document not deleted, for those responsible for its person and, on a
/// confidential diary entry, for those who read the entry (an auditor reads
/// the trail, not the files: a deleted document is NOT_FOUND for everybody).
async fn readable(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    document_id: Uuid,
) -> AppResult<document::Model> {
    policy::require_case_worker(caller)?;
    let found = find_optional::<document::Entity>(conn, document_id)
        .await?
        .filter(|d| d.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    policy::require_document_reader(conn, caller, &found).await?;
    Ok(found)
}

/// A document's row and bytes, for `GET /documents/{id}`. Every answer is
/// audited: the download, and a refusal (not signed in aside) with what was
/// asked for.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), document_id = %document_id))]
pub async fn download_document(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    caller: &Caller,
    document_id: Uuid,
) -> AppResult<(document::Model, Bytes)> {
    caller.viewer()?;
    let txn = db.begin().await?;
    let found = match readable(&txn, caller, document_id).await {
        Ok(found) => found,
        Err(err) => {
            drop(txn);
            record_refusal(db, caller, document_id, &err).await?;
            return Err(err);
        }
    };
    let bytes = store.get(&found.storage_key).await?.ok_or_else(|| {
        AppError::internal(format!(
            "document {} has no bytes in the store (key {})",
            found.id, found.storage_key
        ))
    })?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::DocumentDownloaded)
            .on("document", found.id)
            .person(found.person_id),
    )
    .await?;
    Ok((found, bytes))
}

async fn record_refusal(
    db: &DatabaseConnection,
    caller: &Caller,
    document_id: Uuid,
    err: &AppError,
) -> AppResult<()> {
    // The person, when the document exists: an auditor reading the
    // person's accesses sees the attempt too.
    let person_id = find_optional::<document::Entity>(db, document_id)
        .await?
        .map(|d| d.person_id);
    let mut entry = AuditEntry::new(AuditAction::DocumentDownloadRefused)
        .on("document", document_id)
        .details(json!({ "code": err.code() }));
    if let Some(person_id) = person_id {
        entry = entry.person(person_id);
    }
    audit::record(db, caller, entry).await
}

/// Takes a document away: it leaves every list and its file is no longer
/// served; the row stays, with who, when and why, and the audit trail says
/// so. For those who may write on its subject. The change is the reason.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), document_id = %input.id))]
pub async fn delete_document(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<String>,
) -> AppResult<document::Model> {
    let AtVersion {
        id: document_id,
        expected_version,
        change: reason,
    } = input;
    let txn = db.begin().await?;
    policy::require_case_worker(caller)?;
    let found = find_optional::<document::Entity>(&txn, document_id)
        .await?
        .filter(|d| d.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    authorize_writing(&txn, caller, found.subject_kind, found.subject_id).await?;
    let viewer = caller.viewer()?;
    let reason = check_delete_reason(&reason).map_err(refused)?;
    if found.version != expected_version {
        return Err(stale(document::Entity::NOUN));
    }
    let now = caller.now();
    guarded_update::<document::Entity>(
        &txn,
        now,
        document_id,
        expected_version,
        vec![
            (document::Column::DeletedAt, Expr::value(now)),
            (document::Column::DeletedBy, Expr::value(viewer.user_id)),
            (document::Column::DeleteReason, Expr::value(reason.clone())),
        ],
    )
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::DocumentDeleted)
            .on("document", document_id)
            .person(found.person_id)
            .details(json!({ "reason": reason, "title": found.title })),
    )
    .await?;
    let updated = find::<document::Entity>(&txn, document_id).await?;
    txn.commit().await?;
    Ok(updated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_is_read_from_the_content() {
        assert_eq!(
            content_type_of(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            Some(("application/pdf", "pdf"))
        );
        assert_eq!(
            content_type_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(("image/png", "png"))
        );
        assert_eq!(
            content_type_of(b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
            Some(("image/jpeg", "jpg"))
        );
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend([0u8; 26]);
        odt.extend(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(content_type_of(&odt).map(|(_, ext)| ext), Some("odt"));
        assert_eq!(content_type_of(b"<!DOCTYPE html><html>"), None);
        assert_eq!(content_type_of(b"MZ\x90\0\x03\0\0\0"), None, "an .exe");
        assert_eq!(content_type_of(b"just text"), None);
    }
}
