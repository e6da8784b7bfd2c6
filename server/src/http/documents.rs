//! `POST /documents` (an upload, multipart) and `GET /documents/{id}` (the
//! file), behind the API's session. The upload is a `fetch` of the SPA: the
//! CSRF header and the `Origin` check of `csrf::guard` apply, only the
//! content type is multipart. The download is opened like the other files,
//! so it refuses a request from another site (`csrf::same_origin_only`).
//!
//! The size limit is enforced while the file is read: past it the upload
//! stops with 413 and nothing is written (no object, no row). The type is
//! the content's, never the name's or the declared one.

use std::net::SocketAddr;

use async_graphql::ID;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::{Bytes, BytesMut};
use serde_json::json;
use tower_sessions::Session;

use crate::caller::Caller;
use crate::domain::vocabulary::{DocumentKind, DocumentSubject};
use crate::error::{AppError, AppResult};
use crate::graphql::errors::http_answer;
use crate::graphql::ids::parse_id;
use crate::graphql::scalars::{parse_date, INVALID_DATE};
use crate::http::download::answer;
use crate::http::graphql_endpoint::caller_of;
use crate::http::router::AppState;
use crate::services::documents::{self as service, NewDocument};

pub const UPLOAD_PATH: &str = "/documents";

/// What a text field of the form may hold: a title, an id, a date.
const MAX_TEXT_FIELD: usize = 4 * 1024;

/// Why an upload stopped before the service saw it.
enum Stopped {
    TooLarge,
    Refused(AppError),
}

impl From<AppError> for Stopped {
    fn from(err: AppError) -> Self {
        Stopped::Refused(err)
    }
}

pub async fn upload(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: Session,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let max = state.config.document_max_bytes;
    match receive(&state, peer, &headers, &session, form).await {
        Ok(saved) => (StatusCode::CREATED, Json(document_json(&saved))).into_response(),
        Err(Stopped::TooLarge) => too_large(max),
        Err(Stopped::Refused(err)) => answer(Err(err)),
    }
}

async fn receive(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    session: &Session,
    form: Result<Multipart, MultipartRejection>,
) -> Result<entity::document::Model, Stopped> {
    let caller = caller_of(state, peer, headers, session).await?;
    caller.viewer()?;
    let mut form = form.map_err(|_| {
        AppError::validation(
            "file",
            "La richiesta deve essere un modulo multipart/form-data",
        )
    })?;
    let mut fields = Form::default();
    let max = state.config.document_max_bytes;
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or("").to_owned();
        match name.as_str() {
            "file" => {
                fields.file_name = Some(field.file_name().unwrap_or("").to_owned());
                fields.file = Some(read_limited(field, max).await?);
            }
            "subjectKind" | "subjectId" | "kind" | "title" | "documentDate" => {
                let bytes = read_limited(field, MAX_TEXT_FIELD as u64).await?;
                let text = String::from_utf8(bytes.to_vec())
                    .map_err(|_| AppError::validation(name.clone(), "Testo non leggibile"))?;
                fields.text.push((name, text));
            }
            // Anything else is not read, and not kept.
            _ => {}
        }
    }
    let new = fields.parse()?;
    Ok(service::upload_document(&state.db, state.documents.as_ref(), &caller, new).await?)
}

/// A form field's bytes, stopping as soon as they pass `max`.
async fn read_limited(mut field: Field<'_>, max: u64) -> Result<Bytes, Stopped> {
    let mut read = BytesMut::new();
    while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
        if (read.len() + chunk.len()) as u64 > max {
            return Err(Stopped::TooLarge);
        }
        read.extend_from_slice(&chunk);
    }
    Ok(read.freeze())
}

/// The request body's own limit (`DefaultBodyLimit`) met mid-read is the
/// same refusal as the file's.
fn unreadable(err: MultipartError) -> Stopped {
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Stopped::TooLarge
    } else {
        Stopped::Refused(AppError::validation(
            "file",
            "Modulo di caricamento non leggibile",
        ))
    }
}

fn too_large(max: u64) -> Response {
    let megabytes = max as f64 / (1024.0 * 1024.0);
    let (_, body) = http_answer(AppError::validation(
        "file",
        format!("File troppo grande: al massimo {megabytes:.1} MB"),
    ));
    (StatusCode::PAYLOAD_TOO_LARGE, Json(body)).into_response()
}

#[derive(Default)]
struct Form {
    text: Vec<(String, String)>,
    file_name: Option<String>,
    file: Option<Bytes>,
}

impl Form {
    fn get(&self, name: &str) -> Option<&str> {
        self.text
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    fn parse(self) -> AppResult<NewDocument> {
        let subject_kind = self
            .get("subjectKind")
            .and_then(DocumentSubject::parse)
            .ok_or_else(|| {
                AppError::validation(
                    "subjectKind",
                    "Indica a cosa si allega: PERSON, PROJECT, ASSESSMENT, DISCHARGE o DIARY_ENTRY",
                )
            })?;
        let subject_id = parse_id(&ID::from(self.get("subjectId").unwrap_or("")), "subjectId")?;
        let kind = self
            .get("kind")
            .and_then(DocumentKind::parse)
            .ok_or_else(|| AppError::validation("kind", "Indica il tipo di documento"))?;
        let title = self.get("title").unwrap_or("").to_owned();
        let document_date = self
            .get("documentDate")
            .map(|text| {
                parse_date(text).ok_or_else(|| AppError::validation("documentDate", INVALID_DATE))
            })
            .transpose()?;
        let file_name = self.file_name.clone().unwrap_or_default();
        let bytes = self
            .file
            .ok_or_else(|| AppError::validation("file", "Scegli il file da caricare"))?;
        Ok(NewDocument {
            subject_kind,
            subject_id,
            kind,
            title,
            document_date,
            file_name,
            bytes,
        })
    }
}

/// The document as the upload answers it (the fields of the GraphQL type).
fn document_json(d: &entity::document::Model) -> serde_json::Value {
    json!({
        "id": d.id,
        "version": d.version,
        "subjectKind": d.subject_kind.as_str(),
        "subjectId": d.subject_id,
        "kind": d.kind.as_str(),
        "title": d.title,
        "documentDate": d.document_date,
        "fileName": d.file_name,
        "contentType": d.content_type,
        "sizeBytes": d.size_bytes,
        "sha256": d.sha256,
        "uploadedAt": d.uploaded_at,
    })
}

pub async fn download(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    answer(serve(&state, peer, &headers, &session, &id).await)
}

async fn serve(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    session: &Session,
    id: &str,
) -> AppResult<Response> {
    let caller: Caller = caller_of(state, peer, headers, session).await?;
    caller.viewer()?;
    // A malformed id is no document: the same answer as an unknown one.
    let Ok(document_id) = uuid::Uuid::parse_str(id) else {
        return Err(AppError::NotFound);
    };
    let (found, bytes) =
        service::download_document(&state.db, state.documents.as_ref(), &caller, document_id)
            .await?;
    let content_type = HeaderValue::from_str(&found.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&content_disposition(&found.file_name))
        .unwrap_or(HeaderValue::from_static("attachment"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

/// `attachment` with the name twice (RFC 6266): `filename` in ASCII for old
/// browsers (every other character `_`), `filename*` in UTF-8,
/// percent-encoded (RFC 5987), which browsers prefer.
pub fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in file_name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_given_in_ascii_and_in_utf8() {
        assert_eq!(
            content_disposition("PAI firmato.pdf"),
            "attachment; filename=\"PAI firmato.pdf\"; filename*=UTF-8''PAI%20firmato.pdf"
        );
        assert_eq!(
            content_disposition("Verbale è.pdf"),
            "attachment; filename=\"Verbale _.pdf\"; filename*=UTF-8''Verbale%20%C3%A8.pdf"
        );
    }
}
