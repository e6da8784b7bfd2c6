//! Who is asking, and from where: built once per request from the session
//! and handed to every service.

use uuid::Uuid;

use crate::domain::vocabulary::{Profession, Role};
use crate::error::{AppError, AppResult};

/// A signed-in, active user, as checked at the start of this request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: Uuid,
    pub role: Role,
    pub profession: Profession,
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Clone, Default)]
pub struct Caller {
    pub viewer: Option<Viewer>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

impl Caller {
    pub fn viewer(&self) -> AppResult<&Viewer> {
        self.viewer.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The command line acts with no session; its writes are still audited.
    pub fn command_line() -> Self {
        Caller {
            viewer: None,
            request_id: Some("cli".into()),
            client_addr: None,
        }
    }
}
