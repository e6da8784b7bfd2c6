use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{diary_annotation, diary_entry, diary_entry_participant};

use crate::domain::case_diary::editable_until;
use crate::domain::vocabulary::DocumentSubject;
use crate::graphql::assessments::Assessment;
use crate::graphql::context::scope;
use crate::graphql::discharges::Discharge;
use crate::graphql::documents::{self, Document};
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::persons::{self, Person};
use crate::graphql::projects::IndividualProject;
use crate::graphql::referrals::Referral;
use crate::graphql::scalars::Date;
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{each, DiaryKind, DiaryParticipantRole, TimelineKind};
use crate::services::at_version::AtVersion;
use crate::services::case_diary::{
    self as service, DiaryEntryInput as Input, DiaryLinks, DiaryOf, Participant, TimelineRecord,
    TimelineRow,
};

/// One entry of a person's diario sociale. A confidential entry reaches only
/// its author and the person's current case managers (`graphql::guard`).
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct DiaryEntry {
    pub id: ID,
    pub version: i32,
    pub kind: DiaryKind,
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i32>,
    pub place: Option<String>,
    pub text: String,
    pub follow_up_on: Option<Date>,
    pub confidential: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Until when the author may still change it; then it is annotated.
    pub editable_until: DateTime<Utc>,
    #[graphql(skip)]
    pub row: diary_entry::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for DiaryEntry {
    type Row = diary_entry::Model;

    fn person_of(row: &diary_entry::Model) -> uuid::Uuid {
        row.person_id
    }

    fn confidential_author(row: &diary_entry::Model) -> Option<uuid::Uuid> {
        row.confidential.then_some(row.author_id)
    }

    fn reveal(m: diary_entry::Model, seen: Seen) -> Self {
        DiaryEntry {
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            kind: m.kind.into(),
            occurred_at: m.occurred_at,
            duration_minutes: m.duration_minutes,
            place: m.place.clone(),
            text: m.text.clone(),
            follow_up_on: m.follow_up_on.map(Date),
            confidential: m.confidential,
            created_at: m.created_at,
            updated_at: m.updated_at,
            editable_until: editable_until(m.created_at),
            row: m,
        }
    }
}

#[ComplexObject]
impl DiaryEntry {
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        persons::load(ctx, self.row.person_id).await
    }

    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.row.author_id)).await
    }

    async fn project(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<IndividualProject>> {
        let Some(id) = self.row.project_id else {
            return Ok(None);
        };
        guard::one(ctx, loaders::one::<entity::project::Entity>(ctx, id).await?).await
    }

    async fn referral(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Referral>> {
        let Some(id) = self.row.referral_id else {
            return Ok(None);
        };
        let rows = loaders::many::<entity::referral::Entity>(ctx, self.row.person_id).await?;
        guard::one(ctx, rows.into_iter().find(|r| r.id == id)).await
    }

    async fn assessment(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Assessment>> {
        let Some(id) = self.row.assessment_id else {
            return Ok(None);
        };
        guard::one(
            ctx,
            loaders::one::<entity::assessment::Entity>(ctx, id).await?,
        )
        .await
    }

    async fn discharge(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Discharge>> {
        let Some(id) = self.row.discharge_id else {
            return Ok(None);
        };
        let rows = loaders::many::<entity::discharge::Entity>(ctx, self.row.person_id).await?;
        guard::one(ctx, rows.into_iter().find(|d| d.id == id)).await
    }

    /// Ponte users first, then the others by role, as recorded.
    async fn participants(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<DiaryParticipant>> {
        let rows = loaders::many::<diary_entry_participant::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(DiaryParticipant::from).collect())
    }

    /// The corrections and additions, oldest first; the entry stays as written.
    async fn annotations(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DiaryAnnotation>> {
        let rows = loaders::many::<diary_annotation::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(DiaryAnnotation::from).collect())
    }

    /// The files attached to the entry (not deleted), oldest first: whoever
    /// reads the entry reads them, a confidential entry's stay with it.
    async fn documents(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Document>> {
        documents::of_subject(ctx, DocumentSubject::DiaryEntry, self.row.id).await
    }
}

/// Who took part: a Ponte user, or someone else by role.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct DiaryParticipant {
    pub role: Option<DiaryParticipantRole>,
    pub description: Option<String>,
    #[graphql(skip)]
    pub user_id: Option<uuid::Uuid>,
}

impl From<diary_entry_participant::Model> for DiaryParticipant {
    fn from(m: diary_entry_participant::Model) -> Self {
        DiaryParticipant {
            role: m.role.map(Into::into),
            description: m.description,
            user_id: m.user_id,
        }
    }
}

#[ComplexObject]
impl DiaryParticipant {
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.user_id).await
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct DiaryAnnotation {
    pub id: ID,
    pub text: String,
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub author_id: uuid::Uuid,
}

impl From<diary_annotation::Model> for DiaryAnnotation {
    fn from(m: diary_annotation::Model) -> Self {
        DiaryAnnotation {
            id: ID(m.id.to_string()),
            text: m.text,
            created_at: m.created_at,
            author_id: m.author_id,
        }
    }
}

#[ComplexObject]
impl DiaryAnnotation {
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.author_id)).await
    }
}

/// One item of a person's timeline: its instant (a day's start for the
/// records dated by day), its kind, a short code (the diary entry's kind,
/// the project step's kind, the discharge's status…) and its record, of
/// which exactly one field is set.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct TimelineItem {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    pub code: String,
    #[graphql(skip)]
    pub record: TimelineRecord,
}

impl From<TimelineRow> for TimelineItem {
    fn from(row: TimelineRow) -> Self {
        TimelineItem {
            at: row.at,
            kind: row.kind.into(),
            code: row.code,
            record: row.record,
        }
    }
}

#[ComplexObject]
impl TimelineItem {
    async fn diary_entry(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DiaryEntry>> {
        match &self.record {
            TimelineRecord::Diary(row) => guard::one(ctx, Some(row.clone())).await,
            _ => Ok(None),
        }
    }

    async fn referral(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Referral>> {
        match &self.record {
            TimelineRecord::Referral(row) => guard::one(ctx, Some(row.clone())).await,
            _ => Ok(None),
        }
    }

    async fn assessment(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Assessment>> {
        match &self.record {
            TimelineRecord::Assessment(row) => guard::one(ctx, Some(row.clone())).await,
            _ => Ok(None),
        }
    }

    /// The project of a project step.
    async fn project(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<IndividualProject>> {
        match &self.record {
            TimelineRecord::ProjectStep(row, _) => guard::one(ctx, Some(row.clone())).await,
            _ => Ok(None),
        }
    }

    async fn discharge(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Discharge>> {
        match &self.record {
            TimelineRecord::Discharge(row) => guard::one(ctx, Some(row.clone())).await,
            _ => Ok(None),
        }
    }
}

/// A diary, newest first (`Person.diary`, `IndividualProject.diary`).
pub async fn diary(
    ctx: &Context<'_>,
    of: DiaryOf,
    kinds: Option<Vec<DiaryKind>>,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<PonteConnection<DiaryEntry>> {
    let s = scope(ctx)?;
    let page = page_request(ctx, first, after.as_deref())?;
    let kinds = each(kinds.unwrap_or_default());
    let found = service::diary(s.db, s.caller, of, &kinds, page).await?;
    Ok(connection(guard::page(ctx, found).await?))
}

/// Who took part: `userId` for a Ponte user, else `role` (and a description).
#[derive(InputObject)]
pub struct DiaryParticipantInput {
    pub user_id: Option<ID>,
    pub role: Option<DiaryParticipantRole>,
    pub description: Option<String>,
}

impl DiaryParticipantInput {
    fn parse(self) -> async_graphql::Result<Participant> {
        match (parse_optional_id(&self.user_id, "participants")?, self.role) {
            (Some(user_id), None) => Ok(Participant::User(user_id)),
            (None, Some(role)) => Ok(Participant::Other {
                role: role.into(),
                description: self.description,
            }),
            _ => Err(crate::error::AppError::validation(
                "participants",
                "Indica per ogni partecipante un utente di Ponte oppure il suo ruolo, non entrambi",
            )
            .into()),
        }
    }
}

#[derive(InputObject)]
pub struct DiaryEntryInput {
    pub kind: DiaryKind,
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i32>,
    pub place: Option<String>,
    #[graphql(default)]
    pub participants: Vec<DiaryParticipantInput>,
    pub text: String,
    pub follow_up_on: Option<Date>,
    #[graphql(default)]
    pub confidential: bool,
}

impl DiaryEntryInput {
    fn parse(self) -> async_graphql::Result<Input> {
        Ok(Input {
            kind: self.kind.into(),
            occurred_at: self.occurred_at,
            duration_minutes: self.duration_minutes,
            place: self.place,
            participants: self
                .participants
                .into_iter()
                .map(DiaryParticipantInput::parse)
                .collect::<async_graphql::Result<_>>()?,
            text: self.text,
            follow_up_on: self.follow_up_on.map(|d| d.0),
            confidential: self.confidential,
        })
    }
}

#[derive(InputObject)]
pub struct WriteDiaryEntryInput {
    pub person_id: ID,
    pub project_id: Option<ID>,
    pub referral_id: Option<ID>,
    pub assessment_id: Option<ID>,
    pub discharge_id: Option<ID>,
    pub entry: DiaryEntryInput,
}

#[derive(InputObject)]
pub struct EditDiaryEntryInput {
    pub entry_id: ID,
    pub expected_version: i32,
    pub entry: DiaryEntryInput,
}

#[derive(InputObject)]
pub struct AnnotateDiaryEntryInput {
    pub entry_id: ID,
    pub text: String,
}

#[derive(Default)]
pub struct DiaryMutation;

#[Object]
impl DiaryMutation {
    /// Those responsible for the person write in their diary; the linked
    /// project, referral, assessment or discharge must be the person's.
    async fn write_diary_entry(
        &self,
        ctx: &Context<'_>,
        input: WriteDiaryEntryInput,
    ) -> async_graphql::Result<DiaryEntry> {
        let s = scope(ctx)?;
        let person_id = parse_id(&input.person_id, "personId")?;
        let links = DiaryLinks {
            project_id: parse_optional_id(&input.project_id, "projectId")?,
            referral_id: parse_optional_id(&input.referral_id, "referralId")?,
            assessment_id: parse_optional_id(&input.assessment_id, "assessmentId")?,
            discharge_id: parse_optional_id(&input.discharge_id, "dischargeId")?,
        };
        let created =
            service::write_diary_entry(s.db, s.caller, person_id, links, input.entry.parse()?)
                .await?;
        guard::require(ctx, created).await
    }

    /// The author, within 24 hours of writing; after that, annotate.
    async fn edit_diary_entry(
        &self,
        ctx: &Context<'_>,
        input: EditDiaryEntryInput,
    ) -> async_graphql::Result<DiaryEntry> {
        let s = scope(ctx)?;
        let entry_id = parse_id(&input.entry_id, "entryId")?;
        let edit = AtVersion::new(entry_id, input.expected_version).with(input.entry.parse()?);
        let updated = service::edit_diary_entry(s.db, s.caller, edit).await?;
        guard::require(ctx, updated).await
    }

    /// Anyone who may read the entry adds a correction or an addition.
    async fn annotate_diary_entry(
        &self,
        ctx: &Context<'_>,
        input: AnnotateDiaryEntryInput,
    ) -> async_graphql::Result<DiaryEntry> {
        let s = scope(ctx)?;
        let entry_id = parse_id(&input.entry_id, "entryId")?;
        let entry = service::annotate_diary_entry(s.db, s.caller, entry_id, &input.text).await?;
        guard::require(ctx, entry).await
    }
}
