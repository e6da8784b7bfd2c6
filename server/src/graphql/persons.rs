use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{
    assessment_result, discharge, person, privacy_consent, project, reference_person, referral,
    team, user,
};

use crate::domain::{self, person_identity::age_on};
use crate::graphql::assessments::{Assessment, ScorePoint};
use crate::graphql::case_diary::{self, DiaryEntry, TimelineItem};
use crate::graphql::context::{scope, today};
use crate::graphql::cost;
use crate::graphql::discharges::Discharge;
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::projects::IndividualProject;
use crate::graphql::referrals::Referral;
use crate::graphql::scalars::Date;
use crate::graphql::teams::Team;
use crate::graphql::users::User;
use crate::graphql::vocabulary::{
    AgeBand, ConsentKind, DiaryKind, FiscalCodeMissingReason, Instrument, ProjectStatus,
    ReferencePersonKind, ReferralSource, Sex, TargetGroup, TimelineKind, Urgency,
};
use crate::services::assessments;
use crate::services::at_version::AtVersion;
use crate::services::case_diary::{person_timeline, DiaryOf};
use crate::services::page::Page;
use crate::services::persons::{
    self, FirstReferral, NewReferencePerson, PersonChanges, PersonDraft, PersonFilter,
};

/// A person's record: shown only to those responsible for the person
/// (every field that leads here asks the policy, see `graphql::guard`).
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Person {
    pub id: ID,
    pub version: i32,
    pub fiscal_code: Option<String>,
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub birth_place: Option<String>,
    pub sex: Sex,
    pub residence: Option<String>,
    /// Residenza fittizia: `residence` is the address the Comune assigned.
    pub homeless: bool,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub row: person::Model,
    #[graphql(skip)]
    pub uuid: uuid::Uuid,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for Person {
    type Row = person::Model;

    fn person_of(row: &person::Model) -> uuid::Uuid {
        row.id
    }

    fn reveal(m: person::Model, seen: Seen) -> Self {
        let row = m.clone();
        Person {
            row,
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            fiscal_code: m.fiscal_code,
            fiscal_code_missing_reason: m.fiscal_code_missing_reason.map(Into::into),
            alternative_code: m.alternative_code,
            given_name: m.given_name,
            family_name: m.family_name,
            birth_date: Date(m.birth_date),
            birth_place: m.birth_place,
            sex: m.sex.into(),
            residence: m.residence,
            homeless: m.homeless,
            domicile: m.domicile,
            phone: m.phone,
            email: m.email,
            language: m.language,
            created_at: m.created_at,
            updated_at: m.updated_at,
            uuid: m.id,
        }
    }
}

#[ComplexObject]
impl Person {
    /// Every document of the record (not deleted), whatever it is attached
    /// to (the person, a project, an assessment, a discharge, a diary entry:
    /// see `subjectKind`), oldest first; a confidential diary entry's only
    /// for those who read the entry.
    async fn documents(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::graphql::documents::Document>> {
        crate::graphql::documents::of_person(ctx, self.row.id).await
    }

    async fn target_groups(&self) -> async_graphql::Result<Vec<TargetGroup>> {
        Ok(crate::graphql::vocabulary::each(persons::target_groups_of(
            &self.row,
        )?))
    }

    /// Full years today.
    async fn age(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        Ok(age_on(self.birth_date.0, today(ctx)?))
    }

    /// The Comune of residence (of residenza fittizia for a homeless person).
    async fn residence_comune(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, self.row.residence_comune_id).await
    }

    async fn reference_persons(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ReferencePerson>> {
        let rows = loaders::many::<reference_person::Entity>(ctx, self.uuid).await?;
        Ok(rows.into_iter().map(ReferencePerson::from).collect())
    }

    /// Every referral of the person, oldest first.
    async fn referrals(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Referral>> {
        let rows = loaders::many::<referral::Entity>(ctx, self.uuid).await?;
        guard::all(ctx, rows).await
    }

    /// The teams responsible for the person now (open or accepted referrals).
    async fn teams(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Team>> {
        let rows = loaders::many::<referral::Entity>(ctx, self.uuid).await?;
        let mut team_ids: Vec<uuid::Uuid> = rows
            .iter()
            .filter(|r| r.status != domain::vocabulary::ReferralStatus::Closed)
            .map(|r| r.team_id)
            .collect();
        team_ids.sort();
        team_ids.dedup();
        Ok(loaders::each_of::<team::Entity>(ctx, &team_ids)
            .await?
            .into_iter()
            .map(Team::from)
            .collect())
    }

    /// UVM assessments, newest first, each in its latest version (`amended`
    /// marks a corrected one).
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn assessments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<Assessment>> {
        let page = page_request(ctx, first, after.as_deref())?;
        let all = loaders::current_assessments(ctx, self.uuid).await?;
        let found = Page::cut(all, &page, &assessments::newest_first())?;
        Ok(connection(guard::page(ctx, found).await?))
    }

    /// The person's protected discharges, oldest report first.
    async fn discharges(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Discharge>> {
        let rows = loaders::many::<discharge::Entity>(ctx, self.uuid).await?;
        guard::all(ctx, rows).await
    }

    /// The person's individual projects, oldest first.
    async fn projects(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<IndividualProject>> {
        let rows = loaders::many::<project::Entity>(ctx, self.uuid).await?;
        guard::all(ctx, rows).await
    }

    /// The diario sociale, newest first: confidential entries only for their
    /// author and the person's current case managers. Each entry shown is audited.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn diary(
        &self,
        ctx: &Context<'_>,
        kinds: Option<Vec<DiaryKind>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<DiaryEntry>> {
        case_diary::diary(ctx, DiaryOf::Person(self.uuid), kinds, first, after).await
    }

    /// Diary entries, referrals opened and closed, assessments, project
    /// steps and discharges merged newest first; `kinds` narrows it.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn timeline(
        &self,
        ctx: &Context<'_>,
        kinds: Option<Vec<TimelineKind>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<TimelineItem>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let kinds = crate::graphql::vocabulary::each(kinds.unwrap_or_default());
        let found = person_timeline(s.db, s.caller, self.uuid, &kinds, page).await?;
        Ok(connection(found.map(TimelineItem::from)))
    }

    /// One instrument's scores over time, oldest first (current versions).
    async fn score_series(
        &self,
        ctx: &Context<'_>,
        instrument: Instrument,
    ) -> async_graphql::Result<Vec<ScorePoint>> {
        let current = loaders::current_assessments(ctx, self.uuid).await?;
        let results =
            loaders::many_of::<assessment_result::Entity>(ctx, current.iter().map(|a| a.id))
                .await?;
        Ok(
            assessments::score_series(&current, &results, instrument.into())
                .into_iter()
                .map(|(date, score, band)| ScorePoint {
                    date: Date(date),
                    score,
                    band,
                })
                .collect(),
        )
    }

    /// Consents and refusals as recorded, oldest first: the last of a kind is in force.
    async fn privacy_consents(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<PrivacyConsent>> {
        let rows = loaders::many::<privacy_consent::Entity>(ctx, self.uuid).await?;
        Ok(rows.into_iter().map(PrivacyConsent::from).collect())
    }
}

/// Resolves the person of a case record through the request's DataLoader and
/// the guard: null for a viewer not responsible for them.
pub async fn load(ctx: &Context<'_>, id: uuid::Uuid) -> async_graphql::Result<Option<Person>> {
    guard::one(ctx, loaders::one::<person::Entity>(ctx, id).await?).await
}

/// Identity fields only: what a PUA operator may see of anyone, to avoid duplicates.
#[derive(SimpleObject)]
pub struct PersonIdentity {
    pub id: ID,
    pub fiscal_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub sex: Sex,
}

impl From<person::Model> for PersonIdentity {
    fn from(m: person::Model) -> Self {
        PersonIdentity {
            id: ID(m.id.to_string()),
            fiscal_code: m.fiscal_code,
            given_name: m.given_name,
            family_name: m.family_name,
            birth_date: Date(m.birth_date),
            sex: m.sex.into(),
        }
    }
}

#[derive(SimpleObject)]
pub struct ReferencePerson {
    pub id: ID,
    pub kind: ReferencePersonKind,
    pub full_name: String,
    pub relationship: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<reference_person::Model> for ReferencePerson {
    fn from(m: reference_person::Model) -> Self {
        ReferencePerson {
            id: ID(m.id.to_string()),
            kind: m.kind.into(),
            full_name: m.full_name,
            relationship: m.relationship,
            phone: m.phone,
            email: m.email,
            notes: m.notes,
            created_at: m.created_at,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct PrivacyConsent {
    pub id: ID,
    pub kind: ConsentKind,
    pub granted: bool,
    pub given_on: Date,
    pub recorded_at: DateTime<Utc>,
    #[graphql(skip)]
    pub recorded_by_id: uuid::Uuid,
}

#[ComplexObject]
impl PrivacyConsent {
    async fn recorded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        Ok(loaders::one::<user::Entity>(ctx, self.recorded_by_id)
            .await?
            .map(User::from))
    }
}

impl From<privacy_consent::Model> for PrivacyConsent {
    fn from(m: privacy_consent::Model) -> Self {
        PrivacyConsent {
            id: ID(m.id.to_string()),
            kind: m.kind.into(),
            granted: m.granted,
            given_on: Date(m.given_on),
            recorded_at: m.recorded_at,
            recorded_by_id: m.recorded_by,
        }
    }
}

#[derive(InputObject)]
pub struct CreatePersonInput {
    /// Upper or lower case; checked against birth date and sex.
    pub fiscal_code: Option<String>,
    /// Required when `fiscalCode` is missing.
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    /// The STP/ENI code or the 11-digit provisional code.
    pub alternative_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub birth_place: Option<String>,
    pub residence: Option<String>,
    #[graphql(default)]
    pub homeless: bool,
    /// The Comune of residence, an organization of kind COMUNE; for a
    /// homeless person the Comune of their residenza fittizia. The
    /// territory's indicators count the person there.
    pub residence_comune_id: Option<ID>,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    #[graphql(default)]
    pub target_groups: Vec<TargetGroup>,
    /// A team the creator belongs to: the person starts in its care.
    pub team_id: ID,
    #[graphql(default_with = "ReferralSource::Service")]
    pub referral_source: ReferralSource,
    pub referral_reason: Option<String>,
    #[graphql(default_with = "Urgency::Ordinary")]
    pub urgency: Urgency,
}

/// Absent fields stay as they are; an empty string clears an optional text.
#[derive(InputObject)]
pub struct UpdatePersonInput {
    pub person_id: ID,
    pub expected_version: i32,
    pub fiscal_code: Option<String>,
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    pub birth_place: Option<String>,
    pub residence: Option<String>,
    pub homeless: Option<bool>,
    /// The Comune of residence (of residenza fittizia for a homeless
    /// person), an organization of kind COMUNE; absent keeps it.
    pub residence_comune_id: Option<ID>,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    pub target_groups: Option<Vec<TargetGroup>>,
}

#[derive(InputObject)]
pub struct AddReferencePersonInput {
    pub person_id: ID,
    pub kind: ReferencePersonKind,
    pub full_name: String,
    pub relationship: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
}

#[derive(InputObject)]
pub struct RecordPrivacyConsentInput {
    pub person_id: ID,
    pub kind: ConsentKind,
    pub granted: bool,
    pub given_on: Date,
}

/// The persons list's filters; each one absent leaves the list as it is.
#[derive(InputObject, Default)]
pub struct PersonsFilter {
    /// A team with an open or accepted referral of the person.
    pub team_id: Option<ID>,
    /// The case manager of one of the person's projects (with
    /// `projectStatus`, of a project in that status; else of one not closed).
    pub case_manager_id: Option<ID>,
    pub target_group: Option<TargetGroup>,
    /// The person's age today.
    pub age_band: Option<AgeBand>,
    /// One of the person's projects is in this status.
    pub project_status: Option<ProjectStatus>,
}

#[derive(Default)]
pub struct PersonQuery;

#[Object]
impl PersonQuery {
    /// Need-to-know: only for members of a team responsible for the person. Audited.
    async fn person(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Person>> {
        let s = scope(ctx)?;
        let id = parse_id(&id, "id")?;
        let found = persons::get_person(s.db, s.caller, id).await?;
        Ok(Some(guard::require(ctx, found).await?))
    }

    /// The persons the viewer is responsible for; `search` matches name
    /// prefixes (accents, case and apostrophes ignored) or an exact codice
    /// fiscale; `filter` narrows them further, never beyond that set.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn persons(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
        filter: Option<PersonsFilter>,
    ) -> async_graphql::Result<PonteConnection<Person>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = filter.unwrap_or_default();
        let found = persons::list_persons(
            s.db,
            s.caller,
            PersonFilter {
                search,
                team_id: parse_optional_id(&filter.team_id, "teamId")?,
                case_manager_id: parse_optional_id(&filter.case_manager_id, "caseManagerId")?,
                target_group: filter.target_group.map(Into::into),
                age_band: filter.age_band.map(Into::into),
                project_status: filter.project_status.map(Into::into),
            },
            page,
        )
        .await?;
        Ok(connection(guard::page(ctx, found).await?))
    }

    /// PUA members only: is this codice fiscale already known? Identity fields only; audited.
    async fn person_identity_by_fiscal_code(
        &self,
        ctx: &Context<'_>,
        fiscal_code: String,
    ) -> async_graphql::Result<Option<PersonIdentity>> {
        let s = scope(ctx)?;
        let found = persons::identity_by_fiscal_code(s.db, s.caller, &fiscal_code).await?;
        Ok(found.map(PersonIdentity::from))
    }
}

#[derive(Default)]
pub struct PersonMutation;

#[Object]
impl PersonMutation {
    /// Creates the person in the care of `teamId` (a team the creator belongs
    /// to) and opens the first referral to it, in one transaction.
    async fn create_person(
        &self,
        ctx: &Context<'_>,
        input: CreatePersonInput,
    ) -> async_graphql::Result<Person> {
        let s = scope(ctx)?;
        let team_id = parse_id(&input.team_id, "teamId")?;
        let created = persons::create_person(
            s.db,
            s.caller,
            PersonDraft {
                fiscal_code: input.fiscal_code,
                fiscal_code_missing_reason: input.fiscal_code_missing_reason.map(Into::into),
                alternative_code: input.alternative_code,
                given_name: input.given_name,
                family_name: input.family_name,
                birth_date: input.birth_date.0,
                sex: input.sex.into(),
                birth_place: input.birth_place,
                residence: input.residence,
                homeless: input.homeless,
                residence_comune_id: parse_optional_id(
                    &input.residence_comune_id,
                    "residenceComuneId",
                )?,
                domicile: input.domicile,
                phone: input.phone,
                email: input.email,
                language: input.language,
                target_groups: crate::graphql::vocabulary::each(input.target_groups),
            },
            FirstReferral {
                team_id,
                source: input.referral_source.into(),
                reason: input.referral_reason.unwrap_or_default(),
                urgency: input.urgency.into(),
            },
        )
        .await?;
        guard::require(ctx, created).await
    }

    async fn update_person(
        &self,
        ctx: &Context<'_>,
        input: UpdatePersonInput,
    ) -> async_graphql::Result<Person> {
        let s = scope(ctx)?;
        let person_id = parse_id(&input.person_id, "personId")?;
        let updated = persons::update_person(
            s.db,
            s.caller,
            AtVersion::new(person_id, input.expected_version).with(PersonChanges {
                fiscal_code: input.fiscal_code,
                fiscal_code_missing_reason: input.fiscal_code_missing_reason.map(Into::into),
                alternative_code: input.alternative_code,
                given_name: input.given_name,
                family_name: input.family_name,
                birth_date: input.birth_date.map(|d| d.0),
                sex: input.sex.map(Into::into),
                birth_place: input.birth_place,
                residence: input.residence,
                homeless: input.homeless,
                residence_comune_id: parse_optional_id(
                    &input.residence_comune_id,
                    "residenceComuneId",
                )?,
                domicile: input.domicile,
                phone: input.phone,
                email: input.email,
                language: input.language,
                target_groups: input.target_groups.map(crate::graphql::vocabulary::each),
            }),
        )
        .await?;
        guard::require(ctx, updated).await
    }

    /// A caregiver, family member or legal guardian.
    async fn add_reference_person(
        &self,
        ctx: &Context<'_>,
        input: AddReferencePersonInput,
    ) -> async_graphql::Result<Person> {
        let s = scope(ctx)?;
        let person_id = parse_id(&input.person_id, "personId")?;
        let person = persons::add_reference_person(
            s.db,
            s.caller,
            person_id,
            NewReferencePerson {
                kind: input.kind.into(),
                full_name: input.full_name,
                relationship: input.relationship,
                phone: input.phone,
                email: input.email,
                notes: input.notes,
            },
        )
        .await?;
        guard::require(ctx, person).await
    }

    async fn record_privacy_consent(
        &self,
        ctx: &Context<'_>,
        input: RecordPrivacyConsentInput,
    ) -> async_graphql::Result<Person> {
        let s = scope(ctx)?;
        let person_id = parse_id(&input.person_id, "personId")?;
        let person = persons::record_privacy_consent(
            s.db,
            s.caller,
            person_id,
            input.kind.into(),
            input.granted,
            input.given_on.0,
        )
        .await?;
        guard::require(ctx, person).await
    }
}
