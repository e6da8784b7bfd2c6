use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{assessment, discharge, discharge_plan_need, project, user};

use crate::domain::discharge_workflow::{self, DischargeFacts};
use crate::domain::vocabulary::DocumentSubject;
use crate::graphql::assessments::Assessment;
use crate::graphql::context::{scope, today};
use crate::graphql::cost;
use crate::graphql::documents::{self, Document};
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::persons::{self, Person};
use crate::graphql::projects::IndividualProject;
use crate::graphql::scalars::Date;
use crate::graphql::teams::{self, Team};
use crate::graphql::users::User;
use crate::graphql::vocabulary::{
    CancelReason, CareSetting, DischargeAction, DischargeNeed, DischargeStatus,
    FiscalCodeMissingReason, ProjectKind, Sex, TargetGroup,
};
use crate::policy::{self, Party};
use crate::services::at_version::AtVersion;
use crate::services::discharge_indicators;
use crate::services::discharges::{
    self, Cancellation, DischargeChanges, DischargeFilter, DischargeOutcome,
    DischargePlan as PlanInput, NewDischarge, Patient,
};
use crate::services::persons::PersonDraft;
use crate::services::team_period::TeamPeriod;

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Discharge {
    pub id: ID,
    pub version: i32,
    pub status: DischargeStatus,
    pub ward: String,
    pub admitted_on: Date,
    pub expected_discharge_on: Date,
    pub needs: Option<String>,
    pub notes: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub assessment_scheduled_on: Option<Date>,
    /// Clinically dischargeable from this day.
    pub dischargeable_on: Option<Date>,
    pub discharged_on: Option<Date>,
    pub destination: Option<CareSetting>,
    /// What the plan says beside its needs; for plans agreed before the
    /// needs were structured, their free-text services.
    pub plan_note: Option<String>,
    pub cancel_reason: Option<CancelReason>,
    pub cancel_note: Option<String>,
    #[graphql(skip)]
    pub row: discharge::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for Discharge {
    type Row = discharge::Model;

    fn person_of(row: &discharge::Model) -> uuid::Uuid {
        row.person_id
    }

    fn parties(row: &discharge::Model) -> Vec<Party> {
        policy::discharge_parties(row)
    }

    fn reveal(m: discharge::Model, seen: Seen) -> Self {
        Discharge {
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            status: m.status.into(),
            ward: m.ward.clone(),
            admitted_on: Date(m.admitted_on),
            expected_discharge_on: Date(m.expected_discharge_on),
            needs: m.needs.clone(),
            notes: m.notes.clone(),
            reported_at: m.reported_at,
            assessment_scheduled_on: m.assessment_scheduled_on.map(Date),
            dischargeable_on: m.dischargeable_on.map(Date),
            discharged_on: m.discharged_on.map(Date),
            destination: m.destination.map(Into::into),
            plan_note: m.plan_note.clone(),
            cancel_reason: m.cancel_reason.map(Into::into),
            cancel_note: m.cancel_note.clone(),
            row: m,
        }
    }
}

/// The plan agreed before discharge.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct DischargePlan {
    pub destination: CareSetting,
    /// The plan's note (`Discharge.planNote`).
    #[graphql(deprecation = "Use Discharge.planNeeds and Discharge.planNote")]
    pub services: Option<String>,
    pub agreed_on: Date,
    #[graphql(skip)]
    pub agreed_by: Option<uuid::Uuid>,
    #[graphql(skip)]
    pub assessment_id: Option<uuid::Uuid>,
}

#[ComplexObject]
impl DischargePlan {
    async fn agreed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.agreed_by {
            Some(id) => Ok(loaders::one::<user::Entity>(ctx, id).await?.map(User::from)),
            None => Ok(None),
        }
    }

    /// For those responsible for the person; null for the ward.
    async fn assessment(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Assessment>> {
        match self.assessment_id {
            Some(id) => guard::one(ctx, loaders::one::<assessment::Entity>(ctx, id).await?).await,
            None => Ok(None),
        }
    }
}

/// The patient's identity as typed in the report.
#[derive(SimpleObject)]
pub struct ReportedPatient {
    pub fiscal_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub sex: Sex,
}

/// What to open after a discharge home with services: the input of
/// `openProject` less the case manager, whom the team chooses.
#[derive(SimpleObject)]
pub struct SuggestedProject {
    pub person_id: ID,
    pub kind: ProjectKind,
    pub team_id: ID,
    pub title: String,
    pub start_date: Date,
}

#[ComplexObject]
impl Discharge {
    /// The documents attached to this discharge (the hospital's letter),
    /// not deleted, oldest first; for those responsible for the person
    /// (the reporting ward sees none).
    async fn documents(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Document>> {
        documents::of_subject(ctx, DocumentSubject::Discharge, self.row.id).await
    }

    /// The patient as the report typed them: what the reporting ward may
    /// see, never the stored identity of a person the codice fiscale matched.
    async fn patient(&self) -> Option<ReportedPatient> {
        Some(ReportedPatient {
            fiscal_code: self.row.reported_fiscal_code.clone(),
            given_name: self.row.reported_given_name.clone()?,
            family_name: self.row.reported_family_name.clone()?,
            birth_date: Date(self.row.reported_birth_date?),
            sex: self.row.reported_sex?.into(),
        })
    }

    /// The whole record, for those responsible for the person; null for the ward.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        persons::load(ctx, self.row.person_id).await
    }

    async fn hospital(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, Some(self.row.hospital_id)).await
    }

    async fn receiving_team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        teams::load(ctx, self.row.receiving_team_id).await
    }

    async fn reported_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        let Some(reporter) = self.row.reported_by else {
            return Ok(None);
        };
        Ok(loaders::one::<user::Entity>(ctx, reporter)
            .await?
            .map(User::from))
    }

    async fn plan(&self) -> Option<DischargePlan> {
        Some(DischargePlan {
            destination: self.row.plan_destination?.into(),
            services: self.row.plan_note.clone(),
            agreed_on: Date(self.row.plan_agreed_on?),
            agreed_by: self.row.plan_agreed_by,
            assessment_id: self.row.assessment_id,
        })
    }

    /// What the agreed plan arranges for, in the list's order; empty before
    /// the plan and for plans agreed before the needs were structured.
    async fn plan_needs(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DischargeNeed>> {
        let rows = loaders::many::<discharge_plan_need::Entity>(ctx, self.row.id).await?;
        let mut needs: Vec<crate::domain::vocabulary::DischargeNeed> =
            rows.into_iter().map(|row| row.need).collect();
        needs.sort_unstable();
        Ok(crate::graphql::vocabulary::each(needs))
    }

    /// The individual project opened or continued for this discharge, for
    /// those responsible for the person; null for the ward.
    async fn project(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<IndividualProject>> {
        match self.row.project_id {
            Some(id) => guard::one(ctx, loaders::one::<project::Entity>(ctx, id).await?).await,
            None => Ok(None),
        }
    }

    /// Past the expected date and still in progress; the expected day
    /// itself is still on time.
    async fn overdue(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(discharge_workflow::is_overdue(
            self.row.status,
            self.row.expected_discharge_on,
            today(ctx)?,
        ))
    }

    /// The steps the workflow allows from here, in the order of the path;
    /// none once discharged or cancelled. Straight from REPORTED to the plan
    /// needs an assessment linked to the discharge, so AGREE_PLAN appears
    /// there only with one. Who may take a step is checked when it is taken
    /// (the plan is the receiving team's), as are the step's own data.
    async fn allowed_actions(&self) -> async_graphql::Result<Vec<DischargeAction>> {
        let facts = DischargeFacts {
            has_assessment: self.row.assessment_id.is_some(),
        };
        Ok(discharge_workflow::allowed_actions(self.row.status, &facts)
            .into_iter()
            .map(DischargeAction::from)
            .collect())
    }

    /// After a discharge home with services that no project continues (one
    /// completed before discharges linked their PAI): the PAI to open (Ponte
    /// suggests, the team decides and names a case manager).
    async fn suggested_project(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<SuggestedProject>> {
        let on = today(ctx)?;
        let home_with_services = self.row.project_id.is_none()
            && self
                .row
                .destination
                .is_some_and(|destination| destination.has_home_services());
        Ok(home_with_services.then(|| SuggestedProject {
            person_id: ID(self.row.person_id.to_string()),
            kind: ProjectKind::Pai,
            team_id: ID(self.row.receiving_team_id.to_string()),
            title: "PAI dopo dimissione protetta".into(),
            start_date: self.discharged_on.unwrap_or(Date(on)),
        }))
    }
}

/// A patient not yet known to Ponte: created in the receiving team's care.
#[derive(InputObject)]
pub struct NewPatientInput {
    pub fiscal_code: Option<String>,
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub birth_place: Option<String>,
    pub residence: Option<String>,
    pub phone: Option<String>,
    #[graphql(default)]
    pub target_groups: Vec<TargetGroup>,
}

#[derive(InputObject)]
pub struct ReportDischargeInput {
    /// A person the reporter may see; or give `patient` instead.
    pub person_id: Option<ID>,
    /// The patient's identity: linked to the known person with the same
    /// codice fiscale, or a new person in the receiving team's care.
    pub patient: Option<NewPatientInput>,
    pub hospital_id: ID,
    pub ward: String,
    pub admitted_on: Date,
    pub expected_discharge_on: Date,
    /// A PUA or a UVM.
    pub team_id: ID,
    pub needs: Option<String>,
    pub notes: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateDischargeInput {
    pub discharge_id: ID,
    pub expected_version: i32,
    pub ward: Option<String>,
    /// A change notifies the team and the case manager.
    pub expected_discharge_on: Option<Date>,
    pub needs: Option<String>,
    pub notes: Option<String>,
    /// Moves a REPORTED discharge to ASSESSMENT_SCHEDULED.
    pub assessment_scheduled_on: Option<Date>,
}

#[derive(InputObject)]
pub struct MarkDischargeableInput {
    pub discharge_id: ID,
    pub expected_version: i32,
    pub date: Date,
}

#[derive(InputObject)]
pub struct AgreeDischargePlanInput {
    pub discharge_id: ID,
    pub expected_version: i32,
    pub destination: CareSetting,
    /// What the plan arranges for; each need once.
    #[graphql(default)]
    pub needs: Vec<DischargeNeed>,
    pub note: Option<String>,
    /// Read as the note when no note is given.
    #[graphql(deprecation = "Use needs and note")]
    pub services: Option<String>,
    /// The assessment the plan rests on, signed, of the person; without it,
    /// the one recorded for this discharge, if any.
    pub assessment_id: Option<ID>,
}

#[derive(InputObject)]
pub struct CompleteDischargeInput {
    pub discharge_id: ID,
    pub expected_version: i32,
    /// Not before `dischargeableOn`, which must be set.
    pub discharged_on: Date,
    /// Anything but HOME needs the agreed plan on a signed assessment.
    pub destination: CareSetting,
    /// An open project of the person to link; without it, a discharge home
    /// with services links the person's open PAI (the receiving team's
    /// first) or opens one.
    pub project_id: Option<ID>,
    /// The case manager of a PAI the discharge opens: an active member of
    /// the receiving team; the caller when not given.
    pub case_manager_id: Option<ID>,
}

#[derive(InputObject)]
pub struct CancelDischargeInput {
    pub discharge_id: ID,
    pub expected_version: i32,
    pub reason: CancelReason,
    pub note: Option<String>,
}

#[derive(SimpleObject)]
pub struct DestinationCount {
    pub destination: String,
    pub count: i32,
}

/// Seed 001 §6–7 over discharges completed in the period.
#[derive(SimpleObject)]
pub struct DischargeIndicators {
    pub discharged: i32,
    pub by_destination: Vec<DestinationCount>,
    /// Days from clinically dischargeable to discharged, home destinations.
    pub home_average_days: Option<f64>,
    pub home_median_days: Option<f64>,
    /// The same for RSA and cure intermedie.
    pub residential_average_days: Option<f64>,
    pub residential_median_days: Option<f64>,
    /// Discharges home with services, which need SAD.
    pub needing_sad: i32,
    /// Of those, persons with a project that has a SAD intervention.
    pub with_sad_project: i32,
    pub sad_share: Option<f64>,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[derive(Default)]
pub struct DischargeQuery;

#[Object]
impl DischargeQuery {
    /// For the reporting ward user and the receiving team; audited.
    async fn discharge(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<Discharge>> {
        guard::lookup(ctx, &id, discharges::get_discharge).await
    }

    /// The discharges the viewer reported or whose receiving team they are in.
    // One Rust parameter per GraphQL argument, and the schema must not
    // change: async-graphql 7 cannot flatten a struct into field arguments
    // (async-graphql issue #1514), so the list stays; the resolver gathers
    // the arguments into a `DischargeFilter` for the service.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn discharges(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<DischargeStatus>,
        team_id: Option<ID>,
        hospital_id: Option<ID>,
        #[graphql(default)] overdue: bool,
    ) -> async_graphql::Result<PonteConnection<Discharge>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = DischargeFilter {
            status: status.map(Into::into),
            team_id: parse_optional_id(&team_id, "teamId")?,
            hospital_id: parse_optional_id(&hospital_id, "hospitalId")?,
            overdue,
        };
        let found = discharges::list_discharges(s.db, s.caller, filter, page).await?;
        Ok(connection(guard::page(ctx, found).await?))
    }

    /// ADMIN for every team; an operator for a team they belong to. Dates inclusive.
    async fn discharge_indicators(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        team_id: Option<ID>,
    ) -> async_graphql::Result<DischargeIndicators> {
        let s = scope(ctx)?;
        let asked = TeamPeriod {
            from: from.0,
            to: to.0,
            team_id: parse_optional_id(&team_id, "teamId")?,
        };
        let found = discharge_indicators::indicators(s.db, s.caller, asked).await?;
        Ok(DischargeIndicators {
            discharged: count(found.by_destination.iter().map(|(_, n)| n).sum()),
            by_destination: found
                .by_destination
                .into_iter()
                .map(|(destination, n)| DestinationCount {
                    destination,
                    count: count(n),
                })
                .collect(),
            home_average_days: found.home_average_days,
            home_median_days: found.home_median_days,
            residential_average_days: found.residential_average_days,
            residential_median_days: found.residential_median_days,
            needing_sad: count(found.needing_sad),
            with_sad_project: count(found.with_sad_project),
            sad_share: found.sad_share,
        })
    }
}

#[derive(Default)]
pub struct DischargeMutation;

#[Object]
impl DischargeMutation {
    /// The ward reports a patient; the receiving team is notified at once.
    async fn report_discharge(
        &self,
        ctx: &Context<'_>,
        input: ReportDischargeInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let patient = match (&input.person_id, input.patient) {
            (Some(id), None) => Patient::Existing(parse_id(id, "personId")?),
            (None, Some(p)) => Patient::Identity(Box::new(PersonDraft {
                fiscal_code: p.fiscal_code,
                fiscal_code_missing_reason: p.fiscal_code_missing_reason.map(Into::into),
                alternative_code: p.alternative_code,
                given_name: p.given_name,
                family_name: p.family_name,
                birth_date: p.birth_date.0,
                sex: p.sex.into(),
                birth_place: p.birth_place,
                residence: p.residence,
                homeless: false,
                residence_comune_id: None,
                domicile: None,
                phone: p.phone,
                email: None,
                language: None,
                target_groups: crate::graphql::vocabulary::each(p.target_groups),
            })),
            _ => {
                return Err(crate::error::AppError::validation(
                    "personId",
                    "Indica una persona già nota oppure i dati del paziente",
                )
                .into())
            }
        };
        let created = discharges::report_discharge(
            s.db,
            s.caller,
            &s.config.public_url,
            NewDischarge {
                patient,
                hospital_id: parse_id(&input.hospital_id, "hospitalId")?,
                ward: input.ward,
                admitted_on: input.admitted_on.0,
                expected_on: input.expected_discharge_on.0,
                team_id: parse_id(&input.team_id, "teamId")?,
                needs: input.needs,
                notes: input.notes,
            },
        )
        .await?;
        guard::require(ctx, created).await
    }

    async fn update_discharge(
        &self,
        ctx: &Context<'_>,
        input: UpdateDischargeInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let id = parse_id(&input.discharge_id, "dischargeId")?;
        let changes = AtVersion::new(id, input.expected_version).with(DischargeChanges {
            ward: input.ward,
            expected_on: input.expected_discharge_on.map(|d| d.0),
            needs: input.needs,
            notes: input.notes,
            assessment_scheduled_on: input.assessment_scheduled_on.map(|d| d.0),
        });
        guard::require(
            ctx,
            discharges::update_discharge(s.db, s.caller, &s.config.public_url, changes).await?,
        )
        .await
    }

    async fn mark_dischargeable(
        &self,
        ctx: &Context<'_>,
        input: MarkDischargeableInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let id = parse_id(&input.discharge_id, "dischargeId")?;
        let date = AtVersion::new(id, input.expected_version).with(input.date.0);
        guard::require(
            ctx,
            discharges::mark_dischargeable(s.db, s.caller, date).await?,
        )
        .await
    }

    async fn agree_discharge_plan(
        &self,
        ctx: &Context<'_>,
        input: AgreeDischargePlanInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let id = parse_id(&input.discharge_id, "dischargeId")?;
        let plan = AtVersion::new(id, input.expected_version).with(PlanInput {
            destination: input.destination.into(),
            needs: crate::graphql::vocabulary::each(input.needs),
            note: input.note.or(input.services),
            assessment_id: parse_optional_id(&input.assessment_id, "assessmentId")?,
        });
        guard::require(ctx, discharges::agree_plan(s.db, s.caller, plan).await?).await
    }

    async fn complete_discharge(
        &self,
        ctx: &Context<'_>,
        input: CompleteDischargeInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let id = parse_id(&input.discharge_id, "dischargeId")?;
        let outcome = AtVersion::new(id, input.expected_version).with(DischargeOutcome {
            discharged_on: input.discharged_on.0,
            destination: input.destination.into(),
            project_id: parse_optional_id(&input.project_id, "projectId")?,
            case_manager_id: parse_optional_id(&input.case_manager_id, "caseManagerId")?,
        });
        guard::require(
            ctx,
            discharges::complete(s.db, s.caller, &s.config.public_url, outcome).await?,
        )
        .await
    }

    async fn cancel_discharge(
        &self,
        ctx: &Context<'_>,
        input: CancelDischargeInput,
    ) -> async_graphql::Result<Discharge> {
        let s = scope(ctx)?;
        let id = parse_id(&input.discharge_id, "dischargeId")?;
        let cancellation = AtVersion::new(id, input.expected_version).with(Cancellation {
            reason: input.reason.into(),
            note: input.note,
        });
        guard::require(
            ctx,
            discharges::cancel(s.db, s.caller, &s.config.public_url, cancellation).await?,
        )
        .await
    }
}
