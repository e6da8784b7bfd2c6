//! The audit trail: one function every service calls, inside its own
//! transaction, so an action and its audit event commit together or not at all.

use entity::audit_event;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

use crate::caller::Caller;
use crate::error::AppResult;

/// What happened; the names are stable and appear in the audit trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    LoginThrottled,
    Logout,
    PasswordChanged,
    /// An administrator gave a user a temporary password.
    PasswordReset,
    UserCreated,
    UserUpdated,
    UserRoleChanged,
    UserDeactivated,
    UserReactivated,
    UserTerritoriesSet,
    OrganizationCreated,
    OrganizationParentSet,
    PersonCreated,
    PersonUpdated,
    PersonRead,
    PersonListed,
    PersonIdentityLookup,
    ReferencePersonAdded,
    PrivacyConsentRecorded,
    TeamCreated,
    TeamMemberAdded,
    TeamMemberRemoved,
    ReferralCreated,
    ReferralAccepted,
    ReferralClosed,
    AssessmentRecorded,
    AssessmentUpdated,
    AssessmentSigned,
    AssessmentAmended,
    AssessmentRead,
    AssessmentListed,
    ProjectOpened,
    ProjectRead,
    ProjectListed,
    ProjectChanged,
    DischargeReported,
    DischargeRead,
    DischargeListed,
    DischargeChanged,
    /// Aggregate indicators were read: who, which, territory or team, period.
    IndicatorsRead,
    /// An auditor exported the accesses to one person's record.
    AccessLogExported,
    /// Events past the retention were removed: how many, before when.
    AuditPruned,
    NetworkAgreementCreated,
    NetworkAgreementChanged,
    NetworkAgreementWithdrawn,
    MeetingPlanned,
    MeetingChanged,
    MeetingHeld,
    MeetingCancelled,
    /// An administrator put a dead-lettered email back in the queue.
    EmailRetried,
    DocumentUploaded,
    /// A document's file was served.
    DocumentDownloaded,
    /// A document's file was asked for and refused (not the caller's to
    /// read, or no such document): the attempt stays in the trail.
    DocumentDownloadRefused,
    /// A document was taken away (soft delete), with its reason.
    DocumentDeleted,
    /// The agenda showed items about this person.
    AgendaRead,
    AgendaEmailRemindersSet,
    CalendarFeedCreated,
    CalendarFeedRevoked,
    /// A calendar app fetched a feed: how many events, nothing of them.
    CalendarFeedFetched,
    DiaryEntryWritten,
    DiaryEntryEdited,
    DiaryEntryAnnotated,
    /// Diary entries shown in a person's or a project's diary or timeline.
    DiaryEntryListed,
    ServiceAccountCreated,
    ServiceAccountTokenRotated,
    ServiceAccountTokenRevoked,
    ServiceAccountDeactivated,
    /// A known token was refused (revoked, expired, inactive account) or
    /// asked for a scope its account lacks: the trail names the account.
    ServiceAccountRefused,
    NomenclatoreCodeSet,
    /// The interventions flow was downloaded: who, period, territory, rows.
    InterventionsExported,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::LoginSucceeded => "LOGIN_SUCCEEDED",
            AuditAction::LoginFailed => "LOGIN_FAILED",
            AuditAction::LoginThrottled => "LOGIN_THROTTLED",
            AuditAction::Logout => "LOGOUT",
            AuditAction::PasswordChanged => "PASSWORD_CHANGED",
            AuditAction::PasswordReset => "PASSWORD_RESET",
            AuditAction::UserCreated => "USER_CREATED",
            AuditAction::UserUpdated => "USER_UPDATED",
            AuditAction::UserRoleChanged => "USER_ROLE_CHANGED",
            AuditAction::UserDeactivated => "USER_DEACTIVATED",
            AuditAction::UserReactivated => "USER_REACTIVATED",
            AuditAction::UserTerritoriesSet => "USER_TERRITORIES_SET",
            AuditAction::OrganizationCreated => "ORGANIZATION_CREATED",
            AuditAction::OrganizationParentSet => "ORGANIZATION_PARENT_SET",
            AuditAction::PersonCreated => "PERSON_CREATED",
            AuditAction::PersonUpdated => "PERSON_UPDATED",
            AuditAction::PersonRead => "PERSON_READ",
            AuditAction::PersonListed => "PERSON_LISTED",
            AuditAction::PersonIdentityLookup => "PERSON_IDENTITY_LOOKUP",
            AuditAction::ReferencePersonAdded => "REFERENCE_PERSON_ADDED",
            AuditAction::PrivacyConsentRecorded => "PRIVACY_CONSENT_RECORDED",
            AuditAction::TeamCreated => "TEAM_CREATED",
            AuditAction::TeamMemberAdded => "TEAM_MEMBER_ADDED",
            AuditAction::TeamMemberRemoved => "TEAM_MEMBER_REMOVED",
            AuditAction::ReferralCreated => "REFERRAL_CREATED",
            AuditAction::ReferralAccepted => "REFERRAL_ACCEPTED",
            AuditAction::ReferralClosed => "REFERRAL_CLOSED",
            AuditAction::AssessmentRecorded => "ASSESSMENT_RECORDED",
            AuditAction::AssessmentUpdated => "ASSESSMENT_UPDATED",
            AuditAction::AssessmentSigned => "ASSESSMENT_SIGNED",
            AuditAction::AssessmentAmended => "ASSESSMENT_AMENDED",
            AuditAction::AssessmentRead => "ASSESSMENT_READ",
            AuditAction::AssessmentListed => "ASSESSMENT_LISTED",
            AuditAction::ProjectOpened => "PROJECT_OPENED",
            AuditAction::ProjectRead => "PROJECT_READ",
            AuditAction::ProjectListed => "PROJECT_LISTED",
            AuditAction::ProjectChanged => "PROJECT_CHANGED",
            AuditAction::DischargeReported => "DISCHARGE_REPORTED",
            AuditAction::DischargeRead => "DISCHARGE_READ",
            AuditAction::DischargeListed => "DISCHARGE_LISTED",
            AuditAction::DischargeChanged => "DISCHARGE_CHANGED",
            AuditAction::IndicatorsRead => "INDICATORS_READ",
            AuditAction::AccessLogExported => "ACCESS_LOG_EXPORTED",
            AuditAction::AuditPruned => "AUDIT_PRUNED",
            AuditAction::NetworkAgreementCreated => "NETWORK_AGREEMENT_CREATED",
            AuditAction::NetworkAgreementChanged => "NETWORK_AGREEMENT_CHANGED",
            AuditAction::NetworkAgreementWithdrawn => "NETWORK_AGREEMENT_WITHDRAWN",
            AuditAction::MeetingPlanned => "MEETING_PLANNED",
            AuditAction::MeetingChanged => "MEETING_CHANGED",
            AuditAction::MeetingHeld => "MEETING_HELD",
            AuditAction::MeetingCancelled => "MEETING_CANCELLED",
            AuditAction::EmailRetried => "EMAIL_RETRIED",
            AuditAction::DocumentUploaded => "DOCUMENT_UPLOADED",
            AuditAction::DocumentDownloaded => "DOCUMENT_DOWNLOADED",
            AuditAction::DocumentDownloadRefused => "DOCUMENT_DOWNLOAD_REFUSED",
            AuditAction::DocumentDeleted => "DOCUMENT_DELETED",
            AuditAction::AgendaRead => "AGENDA_READ",
            AuditAction::AgendaEmailRemindersSet => "AGENDA_EMAIL_REMINDERS_SET",
            AuditAction::CalendarFeedCreated => "CALENDAR_FEED_CREATED",
            AuditAction::CalendarFeedRevoked => "CALENDAR_FEED_REVOKED",
            AuditAction::CalendarFeedFetched => "CALENDAR_FEED_FETCHED",
            AuditAction::DiaryEntryWritten => "DIARY_ENTRY_WRITTEN",
            AuditAction::DiaryEntryEdited => "DIARY_ENTRY_EDITED",
            AuditAction::DiaryEntryAnnotated => "DIARY_ENTRY_ANNOTATED",
            AuditAction::DiaryEntryListed => "DIARY_ENTRY_LISTED",
            AuditAction::ServiceAccountCreated => "SERVICE_ACCOUNT_CREATED",
            AuditAction::ServiceAccountTokenRotated => "SERVICE_ACCOUNT_TOKEN_ROTATED",
            AuditAction::ServiceAccountTokenRevoked => "SERVICE_ACCOUNT_TOKEN_REVOKED",
            AuditAction::ServiceAccountDeactivated => "SERVICE_ACCOUNT_DEACTIVATED",
            AuditAction::ServiceAccountRefused => "SERVICE_ACCOUNT_REFUSED",
            AuditAction::NomenclatoreCodeSet => "NOMENCLATORE_CODE_SET",
            AuditAction::InterventionsExported => "INTERVENTIONS_EXPORTED",
        }
    }
}

/// One audit event. Build with `AuditEntry::new(action)` and the `on_*` setters.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: AuditAction,
    pub entity_type: Option<&'static str>,
    pub entity_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    /// Overrides the caller as actor (a login attempt has no signed-in caller yet).
    pub actor_user_id: Option<Uuid>,
    pub details: Option<serde_json::Value>,
}

impl AuditEntry {
    pub fn new(action: AuditAction) -> Self {
        AuditEntry {
            action,
            entity_type: None,
            entity_id: None,
            person_id: None,
            actor_user_id: None,
            details: None,
        }
    }

    pub fn on(mut self, entity_type: &'static str, entity_id: Uuid) -> Self {
        self.entity_type = Some(entity_type);
        self.entity_id = Some(entity_id);
        self
    }

    pub fn person(mut self, person_id: Uuid) -> Self {
        self.person_id = Some(person_id);
        self
    }

    pub fn actor(mut self, user_id: Uuid) -> Self {
        self.actor_user_id = Some(user_id);
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }
}

pub async fn record(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    entry: AuditEntry,
) -> AppResult<()> {
    row(caller, entry).insert(conn).await?;
    Ok(())
}

/// Several events in one statement: a list of persons is one access per person.
pub async fn record_many(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    entries: impl IntoIterator<Item = AuditEntry>,
) -> AppResult<()> {
    let rows: Vec<_> = entries.into_iter().map(|e| row(caller, e)).collect();
    if !rows.is_empty() {
        audit_event::Entity::insert_many(rows).exec(conn).await?;
    }
    Ok(())
}

/// A service account's event has no user: its organization is the actor's
/// organization and `details.serviceAccount` names the account (id, name),
/// which is what an AUDITOR reads in the trail.
fn row(caller: &Caller, entry: AuditEntry) -> audit_event::ActiveModel {
    let viewer = caller.viewer.as_ref();
    let account = caller.service_account.as_ref();
    let details = match account {
        None => entry.details,
        Some(account) => {
            let mut details = match entry.details {
                Some(serde_json::Value::Object(map)) => map,
                Some(other) => {
                    let mut map = serde_json::Map::new();
                    map.insert("detail".into(), other);
                    map
                }
                None => serde_json::Map::new(),
            };
            details.insert(
                "serviceAccount".into(),
                serde_json::json!({ "id": account.account_id, "name": account.name }),
            );
            Some(serde_json::Value::Object(details))
        }
    };
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(caller.now()),
        actor_user_id: Set(entry.actor_user_id.or(viewer.map(|v| v.user_id))),
        actor_organization_id: Set(viewer
            .and_then(|v| v.organization_id)
            .or(account.map(|a| a.organization_id))),
        action: Set(entry.action.as_str().to_owned()),
        entity_type: Set(entry.entity_type.map(str::to_owned)),
        entity_id: Set(entry.entity_id),
        person_id: Set(entry.person_id),
        request_id: Set(caller.request_id.clone()),
        client_addr: Set(caller.client_addr.clone()),
        details: Set(details),
    }
}
