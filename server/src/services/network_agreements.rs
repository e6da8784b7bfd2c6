//! The agreements register (issue 15): Convenzioni, protocols, Accordi di
//! Programma and co-design agreements between the network's organizations.
//! Read by the parties' users, managed by ADMIN and by the REPORTERs who
//! manage agreements over a party (`policy::RegisterReach`).

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use entity::{
    network_agreement, network_agreement_life_area, network_agreement_party,
    network_agreement_service, organization, user,
};
use sea_orm::sea_query::{Expr, Func, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::network_agreements::{
    self, check_agreement, check_title, optional_text, AgreementDates, AgreementDraft, Refusal,
    MAX_ELEMENT, MAX_PROTOCOL_NUMBER,
};
use crate::domain::vocabulary::{
    AgreementPartyRole, LifeArea, NetworkAgreementKind, NetworkAgreementStatus, ServiceKind,
};
use crate::error::{AppError, AppResult};
use crate::policy::{self, RegisterReach};
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::page::{fetch_page, like_literal, Keyset, Page, PageRequest, Placement};
use crate::services::rows::{commit_audited, find, named};
use crate::services::versions::{guarded_update, stale, Versioned};

/// A refusal of the domain's rules as the API reports it.
pub(crate) fn refused((field, message): Refusal) -> AppError {
    AppError::validation(field, message)
}

#[derive(Debug, Clone)]
pub struct PartyInput {
    pub organization_id: Uuid,
    pub role: AgreementPartyRole,
    pub contact_user_id: Option<Uuid>,
}

/// What each protocol must define (seed 001 §7).
#[derive(Debug, Clone, Default)]
pub struct Elements {
    pub purpose: Option<String>,
    pub recipients: Option<String>,
    pub actions: Option<String>,
    pub actors: Option<String>,
    pub timing: Option<String>,
    pub responsibilities: Option<String>,
    pub monitoring_indicators: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AgreementInput {
    pub kind: NetworkAgreementKind,
    pub title: String,
    pub parties: Vec<PartyInput>,
    pub services: Vec<ServiceKind>,
    pub life_areas: Vec<LifeArea>,
    pub signed_on: Option<NaiveDate>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub protocol_number: Option<String>,
    pub elements: Elements,
}

impl AgreementInput {
    fn party_ids(&self) -> Vec<Uuid> {
        self.parties.iter().map(|p| p.organization_id).collect()
    }
}

/// The agreement's columns as an input sets them, checked.
struct Checked {
    title: String,
    protocol_number: Option<String>,
    elements: [Option<String>; 7],
}

/// The rules of the domain, then the rows the input names: the parties'
/// organizations, and their contacts, active users of that organization.
async fn check(
    conn: &impl ConnectionTrait,
    input: &AgreementInput,
    today: NaiveDate,
) -> AppResult<Checked> {
    let draft = AgreementDraft {
        title: &input.title,
        party_organizations: input.party_ids(),
        dates: AgreementDates {
            signed_on: input.signed_on,
            valid_from: input.valid_from,
            valid_until: input.valid_until,
            withdrawn_on: None,
        },
        protocol_number: input.protocol_number.as_deref(),
    };
    check_agreement(&draft, today).map_err(refused)?;
    let title = check_title(&input.title).map_err(refused)?;
    let protocol_number = optional_text(
        "protocolNumber",
        input.protocol_number.as_deref(),
        MAX_PROTOCOL_NUMBER,
    )
    .map_err(refused)?;
    let e = &input.elements;
    let mut elements: [Option<String>; 7] = Default::default();
    for (slot, (field, text)) in elements.iter_mut().zip([
        ("elements.purpose", &e.purpose),
        ("elements.recipients", &e.recipients),
        ("elements.actions", &e.actions),
        ("elements.actors", &e.actors),
        ("elements.timing", &e.timing),
        ("elements.responsibilities", &e.responsibilities),
        ("elements.monitoringIndicators", &e.monitoring_indicators),
    ]) {
        *slot = optional_text(field, text.as_deref(), MAX_ELEMENT).map_err(refused)?;
    }
    for party in &input.parties {
        named::<organization::Entity>(conn, party.organization_id, "parties", "Ente non trovato")
            .await?;
        if let Some(contact) = party.contact_user_id {
            let found =
                named::<user::Entity>(conn, contact, "parties", "Referente non trovato").await?;
            if !found.active || found.organization_id != Some(party.organization_id) {
                return Err(AppError::validation(
                    "parties",
                    format!(
                        "Il referente {} non è un utente attivo dell'ente che rappresenta",
                        found.display_name
                    ),
                ));
            }
        }
    }
    Ok(Checked {
        title,
        protocol_number,
        elements,
    })
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_agreement(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AgreementInput,
) -> AppResult<network_agreement::Model> {
    let txn = db.begin().await?;
    let reach = policy::register_reach(&txn, caller).await?;
    policy::require_agreement_manager(&reach, &input.party_ids())?;
    let checked = check(&txn, &input, caller.today()).await?;
    let now = caller.now();
    let [purpose, recipients, actions, actors, timing, responsibilities, monitoring_indicators] =
        checked.elements;
    let created = network_agreement::ActiveModel {
        id: Set(Uuid::now_v7()),
        version: Set(1),
        kind: Set(input.kind),
        title: Set(checked.title),
        signed_on: Set(input.signed_on),
        valid_from: Set(input.valid_from),
        valid_until: Set(input.valid_until),
        withdrawn_on: Set(None),
        withdrawal_reason: Set(None),
        protocol_number: Set(checked.protocol_number),
        purpose: Set(purpose),
        recipients: Set(recipients),
        actions: Set(actions),
        actors: Set(actors),
        timing: Set(timing),
        responsibilities: Set(responsibilities),
        monitoring_indicators: Set(monitoring_indicators),
        created_by: Set(caller.viewer.as_ref().map(|v| v.user_id)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    write_lists(&txn, created.id, &input).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::NetworkAgreementCreated)
            .on("network_agreement", created.id)
            .details(json!({ "kind": created.kind, "parties": input.party_ids() })),
    )
    .await?;
    Ok(created)
}

/// Replaces the agreement's parties, services and life areas with the
/// input's (each service and life area once).
async fn write_lists(
    conn: &impl ConnectionTrait,
    agreement_id: Uuid,
    input: &AgreementInput,
) -> AppResult<()> {
    let parties = input
        .parties
        .iter()
        .map(|p| network_agreement_party::ActiveModel {
            id: Set(Uuid::now_v7()),
            agreement_id: Set(agreement_id),
            organization_id: Set(p.organization_id),
            role: Set(p.role),
            contact_user_id: Set(p.contact_user_id),
        });
    use network_agreement_party::Column as PartyColumn;
    replace_children(conn, PartyColumn::AgreementId, agreement_id, parties).await?;
    let services: HashSet<ServiceKind> = input.services.iter().copied().collect();
    let services = services
        .into_iter()
        .map(|service| network_agreement_service::ActiveModel {
            id: Set(Uuid::now_v7()),
            agreement_id: Set(agreement_id),
            service: Set(service),
        });
    use network_agreement_service::Column as ServiceColumn;
    replace_children(conn, ServiceColumn::AgreementId, agreement_id, services).await?;
    let areas: HashSet<LifeArea> = input.life_areas.iter().copied().collect();
    let areas = areas
        .into_iter()
        .map(|life_area| network_agreement_life_area::ActiveModel {
            id: Set(Uuid::now_v7()),
            agreement_id: Set(agreement_id),
            life_area: Set(life_area),
        });
    use network_agreement_life_area::Column as AreaColumn;
    replace_children(conn, AreaColumn::AgreementId, agreement_id, areas).await
}

/// The organizations party to an agreement.
pub async fn party_ids(conn: &impl ConnectionTrait, agreement_id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(network_agreement_party::Entity::find()
        .select_only()
        .column(network_agreement_party::Column::OrganizationId)
        .filter(network_agreement_party::Column::AgreementId.eq(agreement_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// The agreement and its parties, for a change by one who manages it.
async fn load_for_manager<T>(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    input: &AtVersion<T>,
) -> AppResult<(RegisterReach, network_agreement::Model)> {
    let reach = policy::register_reach(conn, caller).await?;
    let found = find::<network_agreement::Entity>(conn, input.id).await?;
    let parties = party_ids(conn, input.id).await?;
    if !reach.may_read_agreement(&parties) {
        return Err(AppError::Forbidden);
    }
    policy::require_agreement_manager(&reach, &parties)?;
    if found.version != input.expected_version {
        return Err(stale(network_agreement::Entity::NOUN));
    }
    Ok((reach, found))
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), agreement_id = %change.id))]
pub async fn update_agreement(
    db: &DatabaseConnection,
    caller: &Caller,
    change: AtVersion<AgreementInput>,
) -> AppResult<network_agreement::Model> {
    let txn = db.begin().await?;
    let (reach, found) = load_for_manager(&txn, caller, &change).await?;
    let agreement_id = found.id;
    let input = change.change;
    // The new parties too: a manager does not hand an agreement over to
    // territories that are not theirs.
    policy::require_agreement_manager(&reach, &input.party_ids())?;
    if found.withdrawn_on.is_some() {
        return Err(AppError::validation(
            "agreementId",
            "L'accordo è stato ritirato: non si modifica più",
        ));
    }
    let checked = check(&txn, &input, caller.today()).await?;
    let [purpose, recipients, actions, actors, timing, responsibilities, monitoring_indicators] =
        checked.elements;
    use network_agreement::Column as C;
    let changes: Vec<(C, SimpleExpr)> = vec![
        (C::Kind, Expr::value(input.kind.as_str())),
        (C::Title, Expr::value(checked.title)),
        (C::SignedOn, Expr::value(input.signed_on)),
        (C::ValidFrom, Expr::value(input.valid_from)),
        (C::ValidUntil, Expr::value(input.valid_until)),
        (C::ProtocolNumber, Expr::value(checked.protocol_number)),
        (C::Purpose, Expr::value(purpose)),
        (C::Recipients, Expr::value(recipients)),
        (C::Actions, Expr::value(actions)),
        (C::Actors, Expr::value(actors)),
        (C::Timing, Expr::value(timing)),
        (C::Responsibilities, Expr::value(responsibilities)),
        (C::MonitoringIndicators, Expr::value(monitoring_indicators)),
    ];
    guarded_update::<network_agreement::Entity>(
        &txn,
        caller.now(),
        agreement_id,
        found.version,
        changes,
    )
    .await?;
    write_lists(&txn, agreement_id, &input).await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::NetworkAgreementChanged)
            .on("network_agreement", agreement_id)
            .details(json!({ "kind": input.kind, "parties": input.party_ids() })),
    )
    .await?;
    let updated = find::<network_agreement::Entity>(&txn, agreement_id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// The end of an agreement before its term.
#[derive(Debug, Clone)]
pub struct Withdrawal {
    /// Not in the future, not before the signature.
    pub withdrawn_on: NaiveDate,
    pub reason: String,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), agreement_id = %input.id))]
pub async fn withdraw_agreement(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<Withdrawal>,
) -> AppResult<network_agreement::Model> {
    let txn = db.begin().await?;
    let (_, found) = load_for_manager(&txn, caller, &input).await?;
    let agreement_id = found.id;
    let withdrawn_on = input.change.withdrawn_on;
    let reason = network_agreements::check_withdrawal(
        &dates_of(&found),
        withdrawn_on,
        &input.change.reason,
        caller.today(),
    )
    .map_err(refused)?;
    guarded_update::<network_agreement::Entity>(
        &txn,
        caller.now(),
        agreement_id,
        found.version,
        vec![
            (
                network_agreement::Column::WithdrawnOn,
                Expr::value(withdrawn_on),
            ),
            (
                network_agreement::Column::WithdrawalReason,
                Expr::value(reason),
            ),
        ],
    )
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::NetworkAgreementWithdrawn)
            .on("network_agreement", agreement_id)
            .details(json!({ "withdrawnOn": withdrawn_on })),
    )
    .await?;
    let updated = find::<network_agreement::Entity>(&txn, agreement_id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// The dates the agreement's status is derived from.
pub fn dates_of(found: &network_agreement::Model) -> AgreementDates {
    AgreementDates {
        signed_on: found.signed_on,
        valid_from: found.valid_from,
        valid_until: found.valid_until,
        withdrawn_on: found.withdrawn_on,
    }
}

/// One agreement, for those who may read it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), agreement_id = %agreement_id))]
pub async fn get_agreement(
    db: &DatabaseConnection,
    caller: &Caller,
    agreement_id: Uuid,
) -> AppResult<Option<network_agreement::Model>> {
    let reach = policy::register_reach(db, caller).await?;
    let Some(found) = network_agreement::Entity::find_by_id(agreement_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if reach.may_read_agreement(&party_ids(db, agreement_id).await?) {
        Ok(Some(found))
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Debug, Clone, Default)]
pub struct AgreementFilter {
    pub kind: Option<NetworkAgreementKind>,
    pub party_id: Option<Uuid>,
    pub status: Option<NetworkAgreementStatus>,
    /// In force and ending within this many days.
    pub expiring_within_days: Option<i32>,
    /// Words of the title or the protocol number.
    pub search: Option<String>,
}

/// The agreements whose parties include one of `organizations`.
fn with_party_in(organizations: impl IntoIterator<Item = Uuid>) -> SimpleExpr {
    network_agreement::Column::Id.in_subquery(
        Query::select()
            .column(network_agreement_party::Column::AgreementId)
            .from(network_agreement_party::Entity)
            .and_where(
                Expr::col(network_agreement_party::Column::OrganizationId).is_in(organizations),
            )
            .to_owned(),
    )
}

/// `network_agreements::status`, in SQL: the agreements in `status` today.
pub fn in_status(status: NetworkAgreementStatus, today: NaiveDate) -> Condition {
    use network_agreement::Column as C;
    let live = Condition::all()
        .add(C::WithdrawnOn.is_null())
        .add(C::SignedOn.is_not_null());
    let not_ended = Condition::any()
        .add(C::ValidUntil.is_null())
        .add(C::ValidUntil.gte(today));
    match status {
        NetworkAgreementStatus::Withdrawn => Condition::all().add(C::WithdrawnOn.is_not_null()),
        NetworkAgreementStatus::Draft => Condition::all()
            .add(C::WithdrawnOn.is_null())
            .add(C::SignedOn.is_null()),
        NetworkAgreementStatus::Expired => live.add(C::ValidUntil.lt(today)),
        NetworkAgreementStatus::Signed => live.add(not_ended).add(C::ValidFrom.gt(today)),
        NetworkAgreementStatus::InForce => live.add(not_ended).add(
            Condition::any()
                .add(C::ValidFrom.is_null())
                .add(C::ValidFrom.lte(today)),
        ),
    }
}

/// The agreements the caller may read, soonest expiry first (open-ended
/// last), then by title.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_agreements(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: AgreementFilter,
    page: PageRequest,
) -> AppResult<Page<network_agreement::Model>> {
    let reach = policy::register_reach(db, caller).await?;
    let today = caller.today();
    let mut query = network_agreement::Entity::find();
    if let Some(organizations) = reach.agreement_parties_read() {
        query = query.filter(with_party_in(organizations));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(network_agreement::Column::Kind.eq(kind.as_str()));
    }
    if let Some(party) = filter.party_id {
        query = query.filter(with_party_in([party]));
    }
    if let Some(status) = filter.status {
        query = query.filter(in_status(status, today));
    }
    if let Some(days) = filter.expiring_within_days {
        let days = u64::try_from(days).map_err(|_| {
            AppError::validation(
                "expiringWithinDays",
                "Il numero di giorni non può essere negativo",
            )
        })?;
        let horizon = today
            .checked_add_days(Days::new(days))
            .unwrap_or(NaiveDate::MAX);
        query = query
            .filter(in_status(NetworkAgreementStatus::InForce, today))
            .filter(network_agreement::Column::ValidUntil.lte(horizon));
    }
    if let Some(text) = filter.search.as_deref() {
        for word in text.split_whitespace() {
            let pattern = like_literal(&word.to_lowercase(), Placement::Anywhere);
            query = query.filter(
                Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col(network_agreement::Column::Title)))
                            .like(pattern.clone()),
                    )
                    .add(
                        Expr::expr(Func::lower(Expr::col(
                            network_agreement::Column::ProtocolNumber,
                        )))
                        .like(pattern),
                    ),
            );
        }
    }
    fetch_page(db, query, &by_expiry(), page).await
}

/// The register's order: soonest end of validity first, open-ended last,
/// then by title and id.
fn by_expiry() -> Keyset<network_agreement::Model> {
    Keyset::new("network-agreements")
        .asc(network_agreement::Column::ValidUntil)
        .asc(network_agreement::Column::Title)
        .asc(network_agreement::Column::Id)
}
