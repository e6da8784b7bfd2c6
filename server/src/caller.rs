//! Who is asking, from where and when: built once per request from the
//! session and handed to every service.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::clock::Clock;
use crate::domain::project_lifecycle::CaseRules;
use crate::domain::vocabulary::{Profession, Role, ServiceScope};
use crate::error::{AppError, AppResult};

/// A signed-in, active user, as checked at the start of this request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: Uuid,
    pub role: Role,
    pub profession: Profession,
    pub organization_id: Option<Uuid>,
}

/// A service account calling a machine endpoint with a valid bearer token
/// (`http::bearer`): never a viewer, never a session. Every audit event
/// written for it names the account (`audit::record`).
#[derive(Debug, Clone)]
pub struct ServiceAccountActor {
    pub account_id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub scopes: Vec<ServiceScope>,
}

#[derive(Debug, Clone, Default)]
pub struct Caller {
    pub viewer: Option<Viewer>,
    /// Set only on the machine endpoints, with no viewer.
    pub service_account: Option<ServiceAccountActor>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
    /// The application's clock: a use case reads the time here.
    pub clock: Clock,
    /// The installation's settings of the case rules.
    pub rules: CaseRules,
}

impl Caller {
    pub fn viewer(&self) -> AppResult<&Viewer> {
        self.viewer.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The command line acts with no session; its writes are still audited.
    pub fn command_line() -> Self {
        Caller {
            viewer: None,
            service_account: None,
            request_id: Some("cli".into()),
            client_addr: None,
            clock: Clock::system(),
            rules: CaseRules::default(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
}
