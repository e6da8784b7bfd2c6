use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{
    meeting, meeting_participant, network_agreement, network_agreement_life_area,
    network_agreement_party, network_agreement_service,
};

use crate::domain::network_agreements as rules;
use crate::error::AppError;
use crate::graphql::context::{register_reach, scope, today};
use crate::graphql::cost;
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders::{self, ChildOf};
use crate::graphql::meetings::Meeting;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::scalars::Date;
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{
    each, AgreementPartyRole, LifeArea, NetworkAgreementKind, NetworkAgreementStatus, ServiceKind,
};
use crate::services::at_version::AtVersion;
use crate::services::network_agreements::{
    self as service, AgreementFilter, AgreementInput, Elements, PartyInput, Withdrawal,
};

/// An agreement of the network's register ("Accordo"): a Convenzione, a
/// protocol, an Accordo di Programma, a co-design agreement. Not personal
/// data: read by the users of its parties.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct NetworkAgreement {
    pub id: ID,
    pub version: i32,
    pub kind: NetworkAgreementKind,
    pub title: String,
    pub signed_on: Option<Date>,
    pub valid_from: Option<Date>,
    /// null: open-ended
    pub valid_until: Option<Date>,
    pub withdrawn_on: Option<Date>,
    pub withdrawal_reason: Option<String>,
    /// Protocol number of the signed document.
    pub protocol_number: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub row: network_agreement::Model,
}

impl From<network_agreement::Model> for NetworkAgreement {
    fn from(m: network_agreement::Model) -> Self {
        NetworkAgreement {
            id: ID(m.id.to_string()),
            version: m.version,
            kind: m.kind.into(),
            title: m.title.clone(),
            signed_on: m.signed_on.map(Date),
            valid_from: m.valid_from.map(Date),
            valid_until: m.valid_until.map(Date),
            withdrawn_on: m.withdrawn_on.map(Date),
            withdrawal_reason: m.withdrawal_reason.clone(),
            protocol_number: m.protocol_number.clone(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            row: m,
        }
    }
}

/// An organization party to an agreement.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AgreementParty {
    pub role: AgreementPartyRole,
    #[graphql(skip)]
    pub row: network_agreement_party::Model,
}

#[ComplexObject]
impl AgreementParty {
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        organizations::load(ctx, Some(self.row.organization_id))
            .await?
            .ok_or_else(|| {
                AppError::internal(format!("agreement party {}: no organization", self.row.id))
                    .into()
            })
    }

    /// The party's contact in Ponte: receives the expiry reminders (null:
    /// none named; always null for an AUDITOR, who reads no staff names).
    async fn contact(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        if !register_reach(ctx).await?.sees_staff() {
            return Ok(None);
        }
        users::load(ctx, self.row.contact_user_id).await
    }
}

/// What each protocol must define (seed 001 §7): Scopo, Destinatari, Azioni,
/// Attori, Tempi, Responsabilità, Indicatori di monitoraggio/esito.
#[derive(SimpleObject)]
pub struct AgreementElements {
    pub purpose: Option<String>,
    pub recipients: Option<String>,
    pub actions: Option<String>,
    pub actors: Option<String>,
    pub timing: Option<String>,
    pub responsibilities: Option<String>,
    pub monitoring_indicators: Option<String>,
}

/// The agreement's parties, by the request's loader.
async fn parties_of(
    ctx: &Context<'_>,
    agreement_id: uuid::Uuid,
) -> async_graphql::Result<Vec<network_agreement_party::Model>> {
    loaders::many::<network_agreement_party::Entity>(ctx, agreement_id).await
}

/// The organizations party to the agreement.
async fn party_organizations(
    ctx: &Context<'_>,
    agreement_id: uuid::Uuid,
) -> async_graphql::Result<Vec<uuid::Uuid>> {
    Ok(parties_of(ctx, agreement_id)
        .await?
        .iter()
        .map(|p| p.organization_id)
        .collect())
}

/// Whether the viewer may read the agreement (a meeting's link to it).
pub async fn readable(ctx: &Context<'_>, agreement_id: uuid::Uuid) -> async_graphql::Result<bool> {
    let parties = party_organizations(ctx, agreement_id).await?;
    Ok(register_reach(ctx).await?.may_read_agreement(&parties))
}

/// The codes a register row lists in a child table (the services and life
/// areas of an agreement or a meeting), in the vocabulary's order.
pub(crate) async fn listed_codes<E, C, G>(
    ctx: &Context<'_>,
    row_id: uuid::Uuid,
    code: fn(E::Model) -> C,
) -> async_graphql::Result<Vec<G>>
where
    E: ChildOf + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
    C: Ord + Into<G>,
{
    let mut codes: Vec<C> = loaders::many::<E>(ctx, row_id)
        .await?
        .into_iter()
        .map(code)
        .collect();
    codes.sort_unstable();
    Ok(each(codes))
}

#[ComplexObject]
impl NetworkAgreement {
    async fn parties(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AgreementParty>> {
        Ok(parties_of(ctx, self.row.id)
            .await?
            .into_iter()
            .map(|row| AgreementParty {
                role: row.role.into(),
                row,
            })
            .collect())
    }

    /// The LEPS interventions it concerns, in the vocabulary's order.
    async fn services(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ServiceKind>> {
        listed_codes::<network_agreement_service::Entity, _, _>(ctx, self.row.id, |row| row.service)
            .await
    }

    /// The life areas it concerns, in the vocabulary's order.
    async fn life_areas(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<LifeArea>> {
        let area = |row: network_agreement_life_area::Model| row.life_area;
        listed_codes::<network_agreement_life_area::Entity, _, _>(ctx, self.row.id, area).await
    }

    /// Derived: WITHDRAWN when withdrawn; DRAFT when not signed; EXPIRED
    /// when validUntil < today; SIGNED when validFrom > today; IN_FORCE
    /// otherwise.
    async fn status(&self, ctx: &Context<'_>) -> async_graphql::Result<NetworkAgreementStatus> {
        Ok(rules::status(&service::dates_of(&self.row), today(ctx)?).into())
    }

    async fn elements(&self) -> AgreementElements {
        let m = &self.row;
        AgreementElements {
            purpose: m.purpose.clone(),
            recipients: m.recipients.clone(),
            actions: m.actions.clone(),
            actors: m.actors.clone(),
            timing: m.timing.clone(),
            responsibilities: m.responsibilities.clone(),
            monitoring_indicators: m.monitoring_indicators.clone(),
        }
    }

    /// The viewer may edit or withdraw it.
    async fn can_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let parties = party_organizations(ctx, self.row.id).await?;
        Ok(self.row.withdrawn_on.is_none()
            && register_reach(ctx).await?.may_manage_agreement(&parties))
    }

    /// Meetings that implement it, by date (those the viewer may read).
    async fn meetings(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Meeting>> {
        let mut rows = loaders::many::<meeting::Entity>(ctx, self.row.id).await?;
        let participants =
            loaders::many_of::<meeting_participant::Entity>(ctx, rows.iter().map(|m| m.id)).await?;
        let reach = register_reach(ctx).await?;
        rows.retain(|m| {
            let users: Vec<uuid::Uuid> = participants
                .get(&m.id)
                .map(|ps| ps.iter().map(|p| p.user_id).collect())
                .unwrap_or_default();
            reach.may_read_meeting(m.team_id, m.organization_id, &users)
        });
        rows.sort_by_key(|m| (m.held_on.unwrap_or(m.planned_on), m.id));
        Ok(rows.into_iter().map(Meeting::from).collect())
    }
}

#[derive(InputObject)]
pub struct AgreementPartyInput {
    pub organization_id: ID,
    pub role: AgreementPartyRole,
    /// An active user of the party's organization.
    pub contact_user_id: Option<ID>,
}

#[derive(InputObject, Default)]
pub struct AgreementElementsInput {
    pub purpose: Option<String>,
    pub recipients: Option<String>,
    pub actions: Option<String>,
    pub actors: Option<String>,
    pub timing: Option<String>,
    pub responsibilities: Option<String>,
    pub monitoring_indicators: Option<String>,
}

#[derive(InputObject)]
pub struct NetworkAgreementInput {
    pub kind: NetworkAgreementKind,
    pub title: String,
    /// At least two, each organization once.
    pub parties: Vec<AgreementPartyInput>,
    #[graphql(default)]
    pub services: Vec<ServiceKind>,
    #[graphql(default)]
    pub life_areas: Vec<LifeArea>,
    /// Not in the future; not after validFrom.
    pub signed_on: Option<Date>,
    pub valid_from: Option<Date>,
    /// Not before validFrom; null: open-ended.
    pub valid_until: Option<Date>,
    /// Only with signedOn.
    pub protocol_number: Option<String>,
    pub elements: Option<AgreementElementsInput>,
}

impl NetworkAgreementInput {
    fn parse(self) -> Result<AgreementInput, AppError> {
        let parties = self
            .parties
            .into_iter()
            .map(|p| {
                Ok(PartyInput {
                    organization_id: parse_id(&p.organization_id, "parties")?,
                    role: p.role.into(),
                    contact_user_id: parse_optional_id(&p.contact_user_id, "parties")?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let e = self.elements.unwrap_or_default();
        Ok(AgreementInput {
            kind: self.kind.into(),
            title: self.title,
            parties,
            services: each(self.services),
            life_areas: each(self.life_areas),
            signed_on: self.signed_on.map(|d| d.0),
            valid_from: self.valid_from.map(|d| d.0),
            valid_until: self.valid_until.map(|d| d.0),
            protocol_number: self.protocol_number,
            elements: Elements {
                purpose: e.purpose,
                recipients: e.recipients,
                actions: e.actions,
                actors: e.actors,
                timing: e.timing,
                responsibilities: e.responsibilities,
                monitoring_indicators: e.monitoring_indicators,
            },
        })
    }
}

#[derive(InputObject)]
pub struct UpdateNetworkAgreementInput {
    pub agreement_id: ID,
    pub expected_version: i32,
    pub agreement: NetworkAgreementInput,
}

impl UpdateNetworkAgreementInput {
    fn parse(self) -> Result<AtVersion<AgreementInput>, AppError> {
        let agreement_id = parse_id(&self.agreement_id, "agreementId")?;
        Ok(AtVersion::new(agreement_id, self.expected_version).with(self.agreement.parse()?))
    }
}

#[derive(InputObject)]
pub struct WithdrawNetworkAgreementInput {
    pub agreement_id: ID,
    pub expected_version: i32,
    /// Not in the future, not before the signature.
    pub withdrawn_on: Date,
    pub reason: String,
}

impl WithdrawNetworkAgreementInput {
    fn parse(self) -> Result<AtVersion<Withdrawal>, AppError> {
        let agreement_id = parse_id(&self.agreement_id, "agreementId")?;
        Ok(
            AtVersion::new(agreement_id, self.expected_version).with(Withdrawal {
                withdrawn_on: self.withdrawn_on.0,
                reason: self.reason,
            }),
        )
    }
}

#[derive(Default)]
pub struct NetworkAgreementQuery;

#[Object]
impl NetworkAgreementQuery {
    /// The agreements the viewer may read, soonest expiry first then title.
    /// `expiringWithinDays`: in force and ending within that many days.
    /// `search`: words of the title or the protocol number.
    // One Rust parameter per GraphQL argument (async-graphql cannot flatten
    // a struct into field arguments); gathered into an `AgreementFilter`.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn network_agreements(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        kind: Option<NetworkAgreementKind>,
        party_id: Option<ID>,
        status: Option<NetworkAgreementStatus>,
        expiring_within_days: Option<i32>,
        search: Option<String>,
    ) -> async_graphql::Result<PonteConnection<NetworkAgreement>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = AgreementFilter {
            kind: kind.map(Into::into),
            party_id: parse_optional_id(&party_id, "partyId")?,
            status: status.map(Into::into),
            expiring_within_days,
            search,
        };
        let found = service::list_agreements(s.db, s.caller, filter, page).await?;
        Ok(connection(found.map(NetworkAgreement::from)))
    }

    /// One agreement, for those who may read it; null when there is none.
    async fn network_agreement(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<NetworkAgreement>> {
        let s = scope(ctx)?;
        let id = parse_id(&id, "id")?;
        let found = service::get_agreement(s.db, s.caller, id).await?;
        Ok(found.map(NetworkAgreement::from))
    }
}

#[derive(Default)]
pub struct NetworkAgreementMutation;

#[Object]
impl NetworkAgreementMutation {
    /// ADMIN, or a REPORTER who manages agreements over one of the parties.
    async fn create_network_agreement(
        &self,
        ctx: &Context<'_>,
        input: NetworkAgreementInput,
    ) -> async_graphql::Result<NetworkAgreement> {
        let s = scope(ctx)?;
        Ok(service::create_agreement(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// As createNetworkAgreement, over the present parties and the new ones.
    async fn update_network_agreement(
        &self,
        ctx: &Context<'_>,
        input: UpdateNetworkAgreementInput,
    ) -> async_graphql::Result<NetworkAgreement> {
        let s = scope(ctx)?;
        Ok(service::update_agreement(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    async fn withdraw_network_agreement(
        &self,
        ctx: &Context<'_>,
        input: WithdrawNetworkAgreementInput,
    ) -> async_graphql::Result<NetworkAgreement> {
        let s = scope(ctx)?;
        Ok(service::withdraw_agreement(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }
}
