//! Where the documents' bytes live, behind one interface: a directory under
//! `PONTE_DATA_DIR` (one instance) or an S3-compatible object store (several
//! instances behind a load balancer share it). The database row says what a
//! document is; the store only knows random keys (`new_key`), never a name
//! a user chose.

use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};

use crate::config::{Config, DocumentStoreConfig, S3Config};
use crate::error::{AppError, AppResult};

/// The documents' bytes by key.
#[async_trait::async_trait]
pub trait DocumentStore: Send + Sync {
    /// Stores `bytes` under `key`, whole or not at all.
    async fn put(&self, key: &str, bytes: Bytes) -> AppResult<()>;
    /// The bytes under `key`; None when there are none.
    async fn get(&self, key: &str) -> AppResult<Option<Bytes>>;
    /// Takes away what `put` wrote when the row that names it could not be
    /// written (a document is otherwise never removed: deletion is soft).
    async fn remove(&self, key: &str) -> AppResult<()>;
}

/// A fresh random key: 128 bits, nothing of the user's input.
pub fn new_key() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Our keys are lowercase hex; anything else is refused before it reaches
/// a path or a URL.
fn checked(key: &str) -> AppResult<&str> {
    if !key.is_empty() && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(key)
    } else {
        Err(AppError::internal(format!(
            "document store: malformed key {key:?}"
        )))
    }
}

/// The store the configuration names.
pub fn from_config(config: &Config) -> Result<Arc<dyn DocumentStore>, String> {
    match &config.document_store {
        DocumentStoreConfig::Directory => {
            Ok(Arc::new(Directory::new(config.data_dir.join("documents"))))
        }
        DocumentStoreConfig::S3(s3) => Ok(Arc::new(S3::new(s3)?)),
    }
}

/// Files in one directory, one per key, written under a temporary name and
/// renamed: a reader never sees half a file.
pub struct Directory {
    root: PathBuf,
}

impl Directory {
    pub fn new(root: PathBuf) -> Directory {
        Directory { root }
    }
}

fn io_error(what: &str, err: std::io::Error) -> AppError {
    AppError::internal(format!("document directory: {what}: {err}"))
}

#[async_trait::async_trait]
impl DocumentStore for Directory {
    async fn put(&self, key: &str, bytes: Bytes) -> AppResult<()> {
        let key = checked(key)?;
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(|e| io_error("creating the directory", e))?;
        let partial = self.root.join(format!(".{key}.partial"));
        if let Err(err) = tokio::fs::write(&partial, &bytes).await {
            let _ = tokio::fs::remove_file(&partial).await;
            return Err(io_error("writing", err));
        }
        tokio::fs::rename(&partial, self.root.join(key))
            .await
            .map_err(|e| io_error("renaming", e))
    }

    async fn get(&self, key: &str) -> AppResult<Option<Bytes>> {
        let key = checked(key)?;
        match tokio::fs::read(self.root.join(key)).await {
            Ok(bytes) => Ok(Some(Bytes::from(bytes))),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(io_error("reading", err)),
        }
    }

    async fn remove(&self, key: &str) -> AppResult<()> {
        let key = checked(key)?;
        match tokio::fs::remove_file(self.root.join(key)).await {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(io_error("removing", err)),
        }
    }
}

/// A bucket of an S3-compatible store, through `object_store` (HTTP with
/// rustls; path-style requests, which every S3-compatible server takes).
pub struct S3 {
    store: Box<dyn ObjectStore>,
}

impl S3 {
    pub fn new(config: &S3Config) -> Result<S3, String> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&config.bucket)
            .with_region(&config.region)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(&config.secret_access_key);
        if let Some(endpoint) = &config.endpoint {
            builder = builder
                .with_endpoint(endpoint.as_str().trim_end_matches('/'))
                .with_allow_http(endpoint.scheme() == "http")
                .with_virtual_hosted_style_request(false);
        }
        let store = builder.build().map_err(|e| e.to_string())?;
        Ok(S3 {
            store: Box::new(store),
        })
    }
}

fn s3_error(what: &str, err: object_store::Error) -> AppError {
    AppError::internal(format!("document bucket: {what}: {err}"))
}

#[async_trait::async_trait]
impl DocumentStore for S3 {
    async fn put(&self, key: &str, bytes: Bytes) -> AppResult<()> {
        let path = ObjectPath::from(checked(key)?);
        self.store
            .put(&path, PutPayload::from(bytes))
            .await
            .map(|_| ())
            .map_err(|e| s3_error("writing", e))
    }

    async fn get(&self, key: &str) -> AppResult<Option<Bytes>> {
        let path = ObjectPath::from(checked(key)?);
        match self.store.get(&path).await {
            Ok(found) => found
                .bytes()
                .await
                .map(Some)
                .map_err(|e| s3_error("reading", e)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(s3_error("reading", err)),
        }
    }

    async fn remove(&self, key: &str) -> AppResult<()> {
        let path = ObjectPath::from(checked(key)?);
        match self.store.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(s3_error("removing", err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_hex_and_nothing_else_reaches_a_path() {
        let (a, b) = (new_key(), new_key());
        assert_ne!(a, b);
        assert_eq!(checked(&a).unwrap(), a);
        for bad in ["", "../x", "a/b", "ABC.pdf", "x"] {
            assert!(checked(bad).is_err(), "{bad}");
        }
    }
}
