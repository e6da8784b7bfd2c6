//! The Ambito's indicators (issue 14.3–4): each one aggregate query over a
//! period and a scope (a territory, a team, or everything), whose cost does
//! not grow with the rows it counts — `COUNT`, `SUM` and a `GROUP BY days`
//! histogram for the waits, never rows loaded into Rust.
//!
//! A territory is the persons whose Comune of residence is it or lies under
//! it (`services::territory`); a team is the team that assessed or received
//! the discharge.

use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Value};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::assessment_indicators::SOCIAL_WORKER;
use crate::domain::discharge_workflow::histogram_average_and_median;
use crate::domain::indicators::{self, disclose, Figure, IndicatorDefinition, Raw};
use crate::domain::vocabulary::{
    CareSetting, DischargeNeed, DischargeStatus, FundingSource, IndicatorBreakdown,
    IndicatorDimension, IndicatorUnit, IntegratedPart, LifeArea, MeetingKind, MeetingStatus,
    NeedLevel, NetworkAgreementKind, OrganizationKind, Profession, ProjectStatus, Rater,
    ResourceKind, ResourceUnit, ServiceKind, TeamKind,
};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::territory::{statement, territory_cte};

/// A series longer than this is refused: five years by month.
const MAX_PERIODS: usize = 60;

#[derive(Debug, Clone)]
pub struct IndicatorRequest {
    /// None: every indicator Ponte computes.
    pub codes: Option<Vec<String>>,
    pub territory_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub breakdown: IndicatorBreakdown,
    /// The file the figures leave in, when they are downloaded rather than
    /// shown: the audit event records it, so that the trail tells a figure
    /// read on screen from one taken away in a spreadsheet.
    pub export: Option<ExportFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, Clone)]
pub struct IndicatorResult {
    pub definition: &'static IndicatorDefinition,
    pub figure: Figure,
    /// `(from, to, figure)` per quarter or month; empty without a breakdown.
    pub series: Vec<(NaiveDate, NaiveDate, Figure)>,
    /// The whole period's figure split by life area, kind and funding
    /// source, for the Budget di Salute's amounts; empty for the others.
    pub parts: Vec<IndicatorPart>,
}

#[derive(Debug, Clone)]
pub struct IndicatorPart {
    pub dimension: IndicatorDimension,
    /// The vocabulary's value (`HOUSING`, `FNA`…).
    pub key: &'static str,
    pub label: &'static str,
    pub figure: Figure,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn indicators(
    db: &DatabaseConnection,
    caller: &Caller,
    suppression_threshold: u64,
    request: IndicatorRequest,
) -> AppResult<Vec<IndicatorResult>> {
    let suppress =
        policy::require_indicators_reader(db, caller, request.territory_id, request.team_id)
            .await?;
    super::indicator_period(request.from, request.to)?;
    let definitions = chosen(request.codes.as_deref())?;
    let periods = indicators::periods(request.from, request.to, request.breakdown);
    if periods.len() > MAX_PERIODS {
        return Err(AppError::validation(
            "breakdown",
            "Troppi periodi: scegli un periodo più breve o una suddivisione per trimestre",
        ));
    }
    let threshold = suppress.then_some(suppression_threshold);
    let scope = Scope {
        territory_id: request.territory_id,
        team_id: request.team_id,
    };
    let whole_period = Frame {
        db,
        scope: &scope,
        from: request.from,
        to: request.to,
    };
    let mut results = Vec::with_capacity(definitions.len());
    for definition in definitions {
        let whole = compute(&whole_period, definition).await?;
        let mut series = Vec::with_capacity(periods.len());
        for (from, to) in &periods {
            let period = Frame {
                from: *from,
                to: *to,
                ..whole_period
            };
            let raw = compute(&period, definition).await?;
            series.push((*from, *to, disclose(raw, threshold)));
        }
        let parts = match budget_unit(definition.unit) {
            Some(unit) => budget_parts(&whole_period, unit).await?,
            None if definition.code == "AGREEMENTS_IN_FORCE" => {
                agreement_parts(&whole_period).await?
            }
            None => Vec::new(),
        }
        .into_iter()
        .map(|(dimension, key, label, raw)| IndicatorPart {
            dimension,
            key,
            label,
            figure: disclose(raw, threshold),
        })
        .collect();
        results.push(IndicatorResult {
            definition,
            figure: disclose(whole, threshold),
            series,
            parts,
        });
    }
    let mut details = json!({
        "codes": results.iter().map(|r| r.definition.code).collect::<Vec<_>>(),
        "territoryId": request.territory_id,
        "teamId": request.team_id,
        "from": request.from,
        "to": request.to,
        "breakdown": request.breakdown,
    });
    if let Some(format) = request.export {
        details["format"] = json!(format.as_str());
    }
    audit::record(
        db,
        caller,
        AuditEntry::new(AuditAction::IndicatorsRead).details(details),
    )
    .await?;
    Ok(results)
}

/// The catalogue's entries asked for, in the catalogue's order.
fn chosen(codes: Option<&[String]>) -> AppResult<Vec<&'static IndicatorDefinition>> {
    let Some(codes) = codes else {
        return Ok(indicators::CATALOGUE
            .iter()
            .filter(|d| d.computed())
            .collect());
    };
    for code in codes {
        match indicators::find(code) {
            None => {
                return Err(AppError::validation(
                    "codes",
                    format!("Indicatore sconosciuto: {code}"),
                ))
            }
            Some(d) if !d.computed() => {
                return Err(AppError::validation(
                    "codes",
                    format!("L'indicatore {code} non è ancora calcolato da Ponte"),
                ))
            }
            Some(_) => {}
        }
    }
    Ok(indicators::CATALOGUE
        .iter()
        .filter(|d| codes.iter().any(|c| c == d.code))
        .collect())
}

struct Scope {
    territory_id: Option<Uuid>,
    team_id: Option<Uuid>,
}

/// What one figure is computed over: the territory and team asked for, in
/// the period from..=to (`$1` and `$2` of its query), on the database.
#[derive(Clone, Copy)]
struct Frame<'a> {
    db: &'a DatabaseConnection,
    scope: &'a Scope,
    from: NaiveDate,
    to: NaiveDate,
}

impl Frame<'_> {
    fn period(&self) -> Period {
        [self.from.into(), self.to.into()]
    }
}

/// The bounds of a query's period, `$1` and `$2`.
type Period = [Value; 2];

/// One query's text and values: `$1` and `$2` bound the period; the
/// territory and the team follow when asked for.
struct Query {
    prefix: String,
    conditions: String,
    values: Vec<Value>,
}

impl Query {
    /// `person` and `team` name the counted rows' columns.
    fn new(scope: &Scope, period: Period, person: &str, team: &str) -> Query {
        Query::scoped(
            scope,
            period,
            format!(
                " AND {person} IN (SELECT p.id FROM persons p JOIN territory t ON p.residence_comune_id = t.id)"
            ),
            team,
        )
    }

    /// For counts of discharges (`d`): by the patient and the receiving team.
    fn of_discharges(scope: &Scope, period: Period) -> Query {
        Query::new(scope, period, "d.person_id", "d.receiving_team_id")
    }

    /// For counts of teams (`tm`, from `teams tm`): a territory's teams are
    /// those of its organizations, whoever they serve.
    fn of_teams(scope: &Scope, period: Period) -> Query {
        Query::scoped(
            scope,
            period,
            " AND tm.organization_id IN (SELECT id FROM territory)".into(),
            "tm.id",
        )
    }

    /// For counts of meetings (`m`): by the organizing organization (the
    /// team's, for a team's meeting) and the organizing team.
    fn of_meetings(scope: &Scope, period: Period) -> Query {
        Query::scoped(
            scope,
            period,
            " AND m.organization_id IN (SELECT id FROM territory)".into(),
            "m.team_id",
        )
    }

    /// For counts of agreements (`na`): a territory's agreements have a
    /// party in it; a team's, the team's organization as a party.
    fn of_agreements(scope: &Scope, period: Period) -> Query {
        let mut query = Query::scoped(
            &Scope {
                territory_id: scope.territory_id,
                team_id: None,
            },
            period,
            format!(
                " AND {}",
                agreement_party_where("ap.organization_id IN (SELECT id FROM territory)")
            ),
            "",
        );
        if let Some(team_id) = scope.team_id {
            query.values.push(team_id.into());
            query.conditions.push_str(&format!(
                " AND {}",
                agreement_party_where(&format!(
                    "ap.organization_id IN (SELECT tm.organization_id FROM teams tm WHERE tm.id = ${})",
                    query.values.len()
                ))
            ));
        }
        query
    }

    /// `in_territory` is the condition on the `territory` CTE of the
    /// organization and the organizations under it.
    fn scoped(scope: &Scope, period: Period, in_territory: String, team: &str) -> Query {
        let mut query = Query {
            prefix: String::new(),
            conditions: String::new(),
            values: period.into(),
        };
        if let Some(territory_id) = scope.territory_id {
            query.values.push(territory_id.into());
            query.prefix = territory_cte(query.values.len());
            query.conditions = in_territory;
        }
        if let Some(team_id) = scope.team_id {
            query.values.push(team_id.into());
            query
                .conditions
                .push_str(&format!(" AND {team} = ${}", query.values.len()));
        }
        query
    }

    /// A ratio from an aggregate `body` that returns its base, then its count.
    async fn ratio(self, db: &impl ConnectionTrait, body: &str) -> AppResult<Raw> {
        let numbers = self.row(db, body, 2).await?;
        Ok(ratio_of(nth(&numbers, 1), nth(&numbers, 0)))
    }

    /// The `columns` numbers of the one row an aggregate `body` returns.
    async fn row(
        self,
        db: &impl ConnectionTrait,
        body: &str,
        columns: usize,
    ) -> AppResult<Vec<i64>> {
        let sql = format!("{}{body}", self.prefix).replace("{scope}", &self.conditions);
        let mut numbers = Vec::with_capacity(columns);
        if let Some(row) = db.query_one(statement(db, &sql, self.values)).await? {
            for column in 0..columns {
                numbers.push(row.try_get_by_index::<Option<i64>>(column)?.unwrap_or(0));
            }
        }
        Ok(numbers)
    }
}

async fn compute(at: &Frame<'_>, definition: &IndicatorDefinition) -> AppResult<Raw> {
    let Frame {
        db,
        scope,
        from,
        to,
    } = *at;
    let code = definition.code;
    if let Some(unit) = budget_unit(definition.unit) {
        let rows = budget_amounts(at, unit, None).await?;
        return Ok(rows
            .into_iter()
            .next()
            .map_or(amount(0, 0, 0), |(_, raw)| raw));
    }
    match code {
        "ASSESSMENTS" => {
            let [count, _] = assessments(at, "1 = 1").await?;
            Ok(count_of(count))
        }
        "ASSESSMENTS_WITH_SOCIAL_WORKER" => {
            let social_worker = format!(
                "EXISTS (SELECT 1 FROM assessment_participants ap JOIN organizations o ON o.id = ap.organization_id \
                 WHERE ap.assessment_id = a.id AND ap.profession = '{SOCIAL_WORKER}' AND o.kind IN ({}))",
                kinds(IntegratedPart::Social)
            );
            let [all, with] = assessments(at, &social_worker).await?;
            Ok(ratio_of(with, all))
        }
        "JOINT_ASSESSMENTS" => {
            let side = |part| {
                format!(
                    "EXISTS (SELECT 1 FROM assessment_participants ap JOIN organizations o ON o.id = ap.organization_id \
                     WHERE ap.assessment_id = a.id AND o.kind IN ({}))",
                    kinds(part)
                )
            };
            let joint = format!(
                "{} AND {}",
                side(IntegratedPart::Social),
                side(IntegratedPart::Health)
            );
            let [_, joint] = assessments(at, &joint).await?;
            Ok(count_of(joint))
        }
        "PROTECTED_DISCHARGES_SERVED" => {
            let start = from.and_time(NaiveTime::MIN).and_utc();
            let end = to
                .succ_opt()
                .unwrap_or(to)
                .and_time(NaiveTime::MIN)
                .and_utc();
            Query::of_discharges(scope, [start.into(), end.into()])
            .ratio(db, &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT), \
                       CAST(COALESCE(SUM(CASE WHEN d.status = '{discharged}' THEN 1 ELSE 0 END), 0) AS BIGINT) \
                     FROM discharges d WHERE d.reported_at >= $1 AND d.reported_at < $2{{scope}}",
                    discharged = DischargeStatus::Discharged.as_str()
                )).await
        }
        "DISCHARGE_WAIT_HOME_MEAN" | "DISCHARGE_WAIT_HOME_MEDIAN" => {
            wait(at, CareSetting::is_home,
                code.ends_with("MEDIAN"),
            )
            .await
        }
        "DISCHARGE_WAIT_RESIDENTIAL_MEAN" | "DISCHARGE_WAIT_RESIDENTIAL_MEDIAN" => {
            wait(at, CareSetting::is_residential,
                code.ends_with("MEDIAN"),
            )
            .await
        }
        "DISCHARGES_MANAGED_IN_PONTE" => Ok(count_of(discharged(at, None).await?)),
        "RSA_PLACEMENTS" => Ok(count_of(
            discharged(at, Some(CareSetting::Rsa)).await?,
        )),
        "PROJECTS_PER_ASSESSMENT" => {
            let [assessed, _] = assessments(at, "1 = 1").await?;
            let started = projects(at, "SELECT CAST(COUNT(*) AS BIGINT) FROM projects pr \
                 WHERE pr.start_date >= $1 AND pr.start_date <= $2{scope}",
            )
            .await?;
            Ok(ratio_of(started, assessed))
        }
        "PROJECTS_WITH_BUDGET_DI_SALUTE" => Ok(count_of(
            projects(at, "SELECT CAST(COUNT(*) AS BIGINT) FROM projects pr \
                 WHERE pr.start_date <= $2 AND (pr.closed_on IS NULL OR pr.closed_on >= $1) \
                   AND EXISTS (SELECT 1 FROM budget_resources br WHERE br.project_id = pr.id){scope}",
            )
            .await?,
        )),
        "COMPLEX_TAKEN_IN_CHARGE_AFTER_UVM" => Ok(count_of(
            projects(at, &format!(
                    "SELECT CAST(COUNT(DISTINCT a.person_id) AS BIGINT) FROM assessments a \
                     JOIN teams tm ON tm.id = a.team_id \
                     JOIN projects pr ON pr.person_id = a.person_id \
                     WHERE a.assessed_on >= $1 AND a.assessed_on <= $2 AND a.signed_at IS NOT NULL \
                       AND NOT EXISTS (SELECT 1 FROM assessments amended WHERE amended.amends_id = a.id) \
                       AND tm.kind = '{uvm}' AND a.need_level = '{high}' \
                       AND pr.status NOT IN ({planned}) \
                       AND (pr.closed_on IS NULL OR pr.closed_on >= a.assessed_on){{scope}}",
                    uvm = TeamKind::Uvm.as_str(),
                    high = NeedLevel::High.as_str(),
                    planned = planned_statuses(),
                ),
            )
            .await?,
        )),
        "SAD_INTERVENTIONS" => Ok(count_of(
            projects(at, &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM project_interventions i \
                     JOIN projects pr ON pr.id = i.project_id WHERE {active}{{scope}}",
                    active = sad_active("i", "pr"),
                ),
            )
            .await?,
        )),
        "SAD_NEW_TAKINGS_IN_CHARGE" => {
            let day_before = match db.get_database_backend() {
                DatabaseBackend::Sqlite => "date(i.start_date, '-1 day')",
                _ => "i.start_date - 1",
            };
            Ok(count_of(
                projects(at, &format!(
                        "SELECT CAST(COUNT(DISTINCT pr.person_id) AS BIGINT) FROM project_interventions i \
                         JOIN projects pr ON pr.id = i.project_id \
                         WHERE {sad} AND i.start_date >= $1 AND i.start_date <= $2 \
                           AND NOT EXISTS (SELECT 1 FROM project_interventions j \
                             JOIN projects pj ON pj.id = j.project_id \
                             WHERE pj.person_id = pr.person_id AND j.id <> i.id AND {earlier} \
                               AND j.start_date < i.start_date \
                               AND (j.end_date IS NULL OR j.end_date >= {day_before}) \
                               AND (pj.closed_on IS NULL OR pj.closed_on >= {day_before})){{scope}}",
                        sad = sad_delivered("i", "pr"),
                        earlier = sad_delivered("j", "pj"),
                    ),
                )
                .await?,
            ))
        }
        "SAD_INTEGRATED_PLAN_SHARE" => {
            // 65 years old on the period's last day: born on or before this.
            let elder = to
                .checked_sub_months(chrono::Months::new(65 * 12))
                .unwrap_or(NaiveDate::MIN);
            Query::new(scope, at.period(), "pr.person_id", "pr.team_id")
                .ratio(db, &format!(
                        "SELECT CAST(COUNT(*) AS BIGINT), \
                           CAST(COALESCE(SUM(CASE WHEN pr.integrated THEN 1 ELSE 0 END), 0) AS BIGINT) \
                         FROM projects pr JOIN persons pe ON pe.id = pr.person_id \
                         WHERE pe.birth_date <= '{elder}' \
                           AND EXISTS (SELECT 1 FROM project_interventions i WHERE i.project_id = pr.id AND {active}) \
                           AND (SELECT a.need_level FROM assessments a \
                                WHERE a.person_id = pr.person_id AND a.assessed_on <= $2 AND a.signed_at IS NOT NULL \
                                  AND NOT EXISTS (SELECT 1 FROM assessments amended WHERE amended.amends_id = a.id) \
                                ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) = '{high}'{{scope}}",
                        elder = elder.format("%Y-%m-%d"),
                        active = sad_active("i", "pr"),
                        high = NeedLevel::High.as_str(),
                    )).await
        }
        "SAD_WITH_DISCHARGE_PATH" => {
            Query::of_discharges(scope, at.period())
            .ratio(db, &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT), \
                       CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM project_interventions i \
                         WHERE i.project_id = d.project_id AND i.service_kind = '{sad}') THEN 1 ELSE 0 END), 0) AS BIGINT) \
                     FROM discharges d \
                     WHERE d.status = '{discharged}' AND d.discharged_on >= $1 AND d.discharged_on <= $2 \
                       AND (d.destination IN ({needing_sad}) OR EXISTS (SELECT 1 FROM discharge_plan_needs n \
                         WHERE n.discharge_id = d.id AND n.need = '{sad_need}')){{scope}}",
                    sad = ServiceKind::Sad.as_str(),
                    discharged = DischargeStatus::Discharged.as_str(),
                    needing_sad = quoted(
                        CareSetting::ALL
                            .iter()
                            .filter(|c| c.needs_sad())
                            .map(|c| c.as_str())
                    ),
                    sad_need = DischargeNeed::Sad.as_str(),
                )).await
        }
        "ACTIVE_TEAMS" => {
            let numbers = Query::of_teams(scope, at.period())
                .row(
                    db,
                    &format!(
                        "SELECT CAST(COUNT(*) AS BIGINT) FROM teams tm \
                         WHERE tm.kind IN ({multidisciplinary}) AND EXISTS (SELECT 1 FROM team_memberships m \
                           WHERE m.team_id = tm.id AND {serving}){{scope}}",
                        multidisciplinary = multidisciplinary(),
                        serving = SERVING,
                    ),
                    1,
                )
                .await?;
            Ok(about_teams(count_of(nth(&numbers, 0))))
        }
        "EEMM_PROFESSIONS" => {
            let members = format!(
                "FROM team_memberships m JOIN users u ON u.id = m.user_id JOIN teams tm ON tm.id = m.team_id \
                 WHERE {SERVING} AND tm.kind IN ({multidisciplinary}) AND u.profession <> '{clerk}'{{scope}}",
                multidisciplinary = multidisciplinary(),
                clerk = Profession::Amministrativo.as_str(),
            );
            let numbers = Query::of_teams(scope, at.period())
                .row(
                    db,
                    &format!(
                        "SELECT (SELECT CAST(COUNT(DISTINCT u.profession) AS BIGINT) {members}), \
                           (SELECT CAST(COUNT(DISTINCT o.profession) AS BIGINT) FROM users o \
                            WHERE o.profession <> '{clerk}' AND o.organization_id IN (SELECT u.organization_id {members}))",
                        clerk = Profession::Amministrativo.as_str(),
                    ),
                    2,
                )
                .await?;
            Ok(about_teams(ratio_of(nth(&numbers, 0), nth(&numbers, 1))))
        }
        "TRAINING_MEETINGS" => {
            let numbers = Query::of_meetings(scope, at.period())
                .row(
                    db,
                    &format!(
                        "SELECT CAST(COUNT(*) AS BIGINT), \
                           CAST(COALESCE(SUM(CASE WHEN m.status = '{held}' THEN 1 ELSE 0 END), 0) AS BIGINT) \
                         FROM meetings m \
                         WHERE m.kind = '{training}' AND m.planned_on >= $1 AND m.planned_on <= $2{{scope}}",
                        held = MeetingStatus::Held.as_str(),
                        training = MeetingKind::Formazione.as_str(),
                    ),
                    2,
                )
                .await?;
            Ok(about_teams(ratio_of(nth(&numbers, 1), nth(&numbers, 0))))
        }
        "SUPERVISION_MEETINGS" => Ok(about_teams(count_of(
            held_meetings(at, MeetingKind::Supervisione, "COUNT(*)").await?,
        ))),
        "CAREGIVER_TRAINING_MEETINGS" => Ok(about_teams(count_of(
            held_meetings(at, MeetingKind::FormazioneCaregiver, "COUNT(*)")
                .await?,
        ))),
        "CAREGIVERS_REACHED" => Ok(about_teams(count_of(
            held_meetings(at, MeetingKind::FormazioneCaregiver,
                "COALESCE(SUM(m.external_participants), 0)",
            )
            .await?,
        ))),
        "CO_DESIGN_TABLES_ACTIVE" => Ok(about_teams(count_of(
            held_meetings(at, MeetingKind::CoProgettazione,
                "COUNT(DISTINCT COALESCE(m.agreement_id, m.team_id, m.organization_id))",
            )
            .await?,
        ))),
        "ETS_AGREEMENTS" => {
            let party_of = |kinds: &[OrganizationKind]| {
                agreement_party_where(&format!(
                    "ap.organization_id IN (SELECT o.id FROM organizations o WHERE o.kind IN ({}))",
                    quoted(kinds.iter().map(|k| k.as_str()))
                ))
            };
            let numbers = Query::of_agreements(scope, at.period())
                .row(
                    db,
                    &format!(
                        "SELECT CAST(COUNT(*) AS BIGINT) FROM network_agreements na \
                         WHERE na.kind = '{convenzione}' AND na.signed_on >= $1 AND na.signed_on <= $2 \
                           AND {health} AND {ets}{{scope}}",
                        convenzione = NetworkAgreementKind::Convenzione.as_str(),
                        health = party_of(&HEALTH_AUTHORITIES),
                        ets = party_of(&THIRD_SECTOR),
                    ),
                    1,
                )
                .await?;
            Ok(about_teams(count_of(nth(&numbers, 0))))
        }
        "AGREEMENTS_IN_FORCE" => {
            let rows = agreements_in_force(at).await?;
            Ok(about_teams(count_of(rows.iter().map(|(_, n)| n).sum())))
        }
        improved if improved.starts_with(IMPROVED) => {
            let area = LifeArea::parse(&improved[IMPROVED.len()..]).ok_or_else(|| {
                AppError::internal(format!("indicator {improved} names no life area"))
            })?;
            closed_improved(at, area).await
        }
        other => Err(AppError::internal(format!(
            "indicator {other} is in the catalogue as computed but has no query"
        ))),
    }
}

/// The Budget di Salute's resources an amount indicator adds up, by the
/// unit the catalogue gives it: euros or hours.
fn budget_unit(unit: IndicatorUnit) -> Option<ResourceUnit> {
    match unit {
        IndicatorUnit::Eur => Some(ResourceUnit::Eur),
        IndicatorUnit::Hours => Some(ResourceUnit::Hours),
        IndicatorUnit::Count | IndicatorUnit::Ratio | IndicatorUnit::Days => None,
    }
}

/// Used over planned, in whole units (hundredths in the tables), resting
/// on `projects`: what disclosure control looks at for an amount.
fn amount(used: i64, planned: i64, projects: i64) -> Raw {
    Raw {
        value: Some(used as f64 / 100.0),
        numerator: Some((used + 50) / 100),
        denominator: Some((planned + 50) / 100),
        cases: Some(projects),
    }
}

/// A vocabulary's values and their Italian names.
type Named = Vec<(&'static str, &'static str)>;

/// The whole period's amounts by life area, by kind and by funding source,
/// in the vocabularies' order; a value with no resource is left out.
async fn budget_parts(
    at: &Frame<'_>,
    unit: ResourceUnit,
) -> AppResult<Vec<(IndicatorDimension, &'static str, &'static str, Raw)>> {
    let dimensions: [(IndicatorDimension, &str, Named); 3] = [
        (
            IndicatorDimension::LifeArea,
            "life_area",
            LifeArea::ALL
                .iter()
                .map(|v| (v.as_str(), v.label_it()))
                .collect(),
        ),
        (
            IndicatorDimension::ResourceKind,
            "kind",
            ResourceKind::ALL
                .iter()
                .map(|v| (v.as_str(), v.label_it()))
                .collect(),
        ),
        (
            IndicatorDimension::FundingSource,
            "funding_source",
            FundingSource::ALL
                .iter()
                .map(|v| (v.as_str(), v.label_it()))
                .collect(),
        ),
    ];
    let mut parts = Vec::new();
    for (dimension, column, values) in dimensions {
        let found = budget_amounts(at, unit, Some(column)).await?;
        for (key, label) in values {
            if let Some((_, raw)) = found.iter().find(|(k, _)| k.as_deref() == Some(key)) {
                parts.push((dimension, key, label, *raw));
            }
        }
    }
    Ok(parts)
}

/// The resources in `unit` valid on some day of the period (scoped by the
/// project's person and team), their planned total and what was used in
/// the period, and on how many projects, grouped by `column` of
/// `budget_resources` or as one row.
async fn budget_amounts(
    at: &Frame<'_>,
    unit: ResourceUnit,
    column: Option<&str>,
) -> AppResult<Vec<(Option<String>, Raw)>> {
    let query = Query::new(at.scope, at.period(), "pr.person_id", "pr.team_id");
    let (key, group) = match column {
        Some(column) => (format!(", br.{column}"), format!(" GROUP BY br.{column}")),
        None => (String::new(), String::new()),
    };
    let sql = format!(
        "{prefix}SELECT CAST(COALESCE(SUM(us.used), 0) AS BIGINT), \
           CAST(COALESCE(SUM(br.planned_hundredths), 0) AS BIGINT), \
           CAST(COUNT(DISTINCT pr.id) AS BIGINT){key} \
         FROM budget_resources br JOIN projects pr ON pr.id = br.project_id \
         LEFT JOIN (SELECT u.resource_id, SUM(u.quantity_hundredths) AS used FROM budget_uses u \
                    WHERE u.used_on >= $1 AND u.used_on <= $2 GROUP BY u.resource_id) us \
           ON us.resource_id = br.id \
         WHERE br.unit = '{unit}' AND br.period_start <= $2 \
           AND (br.period_end IS NULL OR br.period_end >= $1){scope}{group}",
        prefix = query.prefix,
        scope = query.conditions,
        unit = unit.as_str(),
    );
    let rows = at
        .db
        .query_all(statement(at.db, &sql, query.values))
        .await?;
    let mut amounts = Vec::with_capacity(rows.len());
    for row in rows {
        let key = match column {
            Some(_) => Some(row.try_get_by_index::<String>(3)?),
            None => None,
        };
        amounts.push((
            key,
            amount(
                row.try_get_by_index::<i64>(0)?,
                row.try_get_by_index::<i64>(1)?,
                row.try_get_by_index::<i64>(2)?,
            ),
        ));
    }
    Ok(amounts)
}

/// The organizations an ASL/ASST–ETS Convenzione joins (ETS_AGREEMENTS).
const HEALTH_AUTHORITIES: [OrganizationKind; 2] = [OrganizationKind::Asl, OrganizationKind::Asst];
const THIRD_SECTOR: [OrganizationKind; 4] = [
    OrganizationKind::Ets,
    OrganizationKind::CooperativaSociale,
    OrganizationKind::CooperativaSocialeA,
    OrganizationKind::CooperativaSocialeB,
];

/// Some party (`ap`) of the agreement `na` satisfies `condition`.
fn agreement_party_where(condition: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM network_agreement_parties ap WHERE ap.agreement_id = na.id AND {condition})"
    )
}

/// Meetings (`m`) of `kind` held in the period, aggregated by `aggregate`.
async fn held_meetings(at: &Frame<'_>, kind: MeetingKind, aggregate: &str) -> AppResult<i64> {
    let numbers = Query::of_meetings(at.scope, at.period())
        .row(
            at.db,
            &format!(
                "SELECT CAST({aggregate} AS BIGINT) FROM meetings m \
                 WHERE m.kind = '{kind}' AND m.status = '{held}' \
                   AND m.held_on >= $1 AND m.held_on <= $2{{scope}}",
                kind = kind.as_str(),
                held = MeetingStatus::Held.as_str(),
            ),
            1,
        )
        .await?;
    Ok(nth(&numbers, 0))
}

/// The signed agreements in force on some day of the period (from the start
/// of validity, or the signature, to its end and until withdrawn), by kind.
async fn agreements_in_force(at: &Frame<'_>) -> AppResult<Vec<(String, i64)>> {
    let query = Query::of_agreements(at.scope, at.period());
    let sql = format!(
        "{prefix}SELECT na.kind, CAST(COUNT(*) AS BIGINT) FROM network_agreements na \
         WHERE na.signed_on IS NOT NULL AND COALESCE(na.valid_from, na.signed_on) <= $2 \
           AND (na.valid_until IS NULL OR na.valid_until >= $1) \
           AND (na.withdrawn_on IS NULL OR na.withdrawn_on >= $1){scope} \
         GROUP BY na.kind",
        prefix = query.prefix,
        scope = query.conditions,
    );
    let rows = at
        .db
        .query_all(statement(at.db, &sql, query.values))
        .await?;
    let mut counts = Vec::with_capacity(rows.len());
    for row in rows {
        counts.push((
            row.try_get_by_index::<String>(0)?,
            row.try_get_by_index::<i64>(1)?,
        ));
    }
    Ok(counts)
}

/// AGREEMENTS_IN_FORCE split by kind, in the vocabulary's order; a kind
/// with no agreement is left out.
async fn agreement_parts(
    at: &Frame<'_>,
) -> AppResult<Vec<(IndicatorDimension, &'static str, &'static str, Raw)>> {
    let found = agreements_in_force(at).await?;
    Ok(NetworkAgreementKind::ALL
        .iter()
        .filter_map(|kind| {
            found
                .iter()
                .find(|(k, _)| k == kind.as_str())
                .map(|(_, n)| {
                    (
                        IndicatorDimension::NetworkAgreementKind,
                        kind.as_str(),
                        kind.label_it(),
                        about_teams(count_of(*n)),
                    )
                })
        })
        .collect())
}

/// A team member in service on some day of the period (`m`).
const SERVING: &str = "m.started_on <= $2 AND (m.ended_on IS NULL OR m.ended_on >= $1)";

/// `'UVM', 'EQUIPE_MULTIDISCIPLINARE'`: the teams the seeds call EEMM.
fn multidisciplinary() -> String {
    quoted(
        [TeamKind::Uvm, TeamKind::EquipeMultidisciplinare]
            .iter()
            .map(|k| k.as_str()),
    )
}

/// A SAD intervention (`i`) of a project (`p`) that reached delivery: a
/// plan still being written delivers nothing yet.
fn sad_delivered(i: &str, p: &str) -> String {
    format!(
        "{i}.service_kind = '{sad}' AND {p}.status NOT IN ({planned})",
        sad = ServiceKind::Sad.as_str(),
        planned = planned_statuses(),
    )
}

/// The statuses of a project that has delivered nothing yet.
fn planned_statuses() -> String {
    quoted(
        [
            ProjectStatus::Intake,
            ProjectStatus::Assessment,
            ProjectStatus::Planning,
        ]
        .iter()
        .map(|s| s.as_str()),
    )
}

/// [`sad_delivered`] and running on some day of the period: from its start
/// to its end, or to the project's closing.
fn sad_active(i: &str, p: &str) -> String {
    format!(
        "{delivered} AND {i}.start_date <= $2 AND ({i}.end_date IS NULL OR {i}.end_date >= $1) \
         AND ({p}.closed_on IS NULL OR {p}.closed_on >= $1)",
        delivered = sad_delivered(i, p),
    )
}

/// The prefix of the four codes of projects closed with improvement, one
/// per life area.
const IMPROVED: &str = "PROJECTS_CLOSED_IMPROVED_";

/// A count over projects (`pr`), scoped to the territory by the project's
/// person and to the team that runs it.
async fn projects(at: &Frame<'_>, body: &str) -> AppResult<i64> {
    let numbers = Query::new(at.scope, at.period(), "pr.person_id", "pr.team_id")
        .row(at.db, body, 1)
        .await?;
    Ok(nth(&numbers, 0))
}

/// Projects closed in the period with a team score in `area`, and those
/// whose last such score (by date, then by entry) is above the first.
async fn closed_improved(at: &Frame<'_>, area: LifeArea) -> AppResult<Raw> {
    let score = |order: &str| {
        format!(
            "(SELECT s.score FROM life_area_scores s \
              WHERE s.project_id = pr.id AND s.rater = '{team}' AND s.life_area = '{area}' \
              ORDER BY s.scored_on {order}, s.created_at {order} LIMIT 1)",
            team = Rater::Team.as_str(),
            area = area.as_str(),
        )
    };
    Query::new(at.scope, at.period(), "pr.person_id", "pr.team_id")
        .ratio(at.db, &format!(
                "SELECT CAST(COUNT(*) AS BIGINT), \
                   CAST(COALESCE(SUM(CASE WHEN f.last_score > f.first_score THEN 1 ELSE 0 END), 0) AS BIGINT) \
                 FROM (SELECT {first} AS first_score, {last} AS last_score FROM projects pr \
                       WHERE pr.status = '{closed}' AND pr.closed_on >= $1 AND pr.closed_on <= $2{{scope}}) f \
                 WHERE f.first_score IS NOT NULL",
                first = score("ASC"),
                last = score("DESC"),
                closed = ProjectStatus::Closed.as_str(),
            )).await
}

/// A figure about teams and professions, or about the agreements and
/// meetings registers, rests on no person's case: a small number of teams
/// or meetings names no one, so it is not suppressed.
fn about_teams(raw: Raw) -> Raw {
    Raw {
        cases: Some(0),
        ..raw
    }
}

fn nth(numbers: &[i64], at: usize) -> i64 {
    numbers.get(at).copied().unwrap_or(0)
}

fn count_of(count: i64) -> Raw {
    Raw {
        value: Some(count as f64),
        numerator: Some(count),
        denominator: None,
        cases: None,
    }
}

fn ratio_of(numerator: i64, denominator: i64) -> Raw {
    Raw {
        value: (denominator > 0).then(|| numerator as f64 / denominator as f64),
        numerator: Some(numerator),
        denominator: Some(denominator),
        cases: None,
    }
}

/// `'COMUNE', 'AMBITO', …`: the organization kinds of one side.
fn kinds(part: IntegratedPart) -> String {
    quoted(
        OrganizationKind::ALL
            .iter()
            .filter(|k| k.integrated_part() == Some(part))
            .map(|k| k.as_str()),
    )
}

fn quoted<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The current versions of the assessments dated in the period (an
/// amendment replaces what it corrects, so a corrected assessment counts
/// once), and how many of them satisfy `condition` (SQL over `a`).
async fn assessments(at: &Frame<'_>, condition: &str) -> AppResult<[i64; 2]> {
    let numbers = Query::new(at.scope, at.period(), "a.person_id", "a.team_id")
        .row(
            at.db,
            &format!(
                "SELECT CAST(COUNT(*) AS BIGINT), \
                   CAST(COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0) AS BIGINT) \
                 FROM assessments a \
                 WHERE a.assessed_on >= $1 AND a.assessed_on <= $2 \
                   AND NOT EXISTS (SELECT 1 FROM assessments amended WHERE amended.amends_id = a.id){{scope}}"
            ),
            2,
        )
        .await?;
    Ok([nth(&numbers, 0), nth(&numbers, 1)])
}

/// Discharges completed in the period (to `destination`, if given).
async fn discharged(at: &Frame<'_>, destination: Option<CareSetting>) -> AppResult<i64> {
    let only = destination
        .map(|d| format!(" AND d.destination = '{}'", d.as_str()))
        .unwrap_or_default();
    let numbers = Query::of_discharges(at.scope, at.period())
    .row(
        at.db,
        &format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM discharges d \
             WHERE d.status = '{discharged}' AND d.discharged_on >= $1 AND d.discharged_on <= $2{only}{{scope}}",
            discharged = DischargeStatus::Discharged.as_str()
        ),
        1,
    )
    .await?;
    Ok(nth(&numbers, 0))
}

/// The wait from clinically dischargeable to discharged, for the discharges
/// completed in the period to a destination `of_kind` accepts: a histogram
/// of the days (one row per distinct wait), its mean or median in Rust.
/// The denominator is how many discharges were measured, so that a mean
/// over one or two persons is suppressed like their count.
async fn wait(at: &Frame<'_>, of_kind: fn(CareSetting) -> bool, median: bool) -> AppResult<Raw> {
    let days = match at.db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            "CAST(julianday(d.discharged_on) - julianday(d.dischargeable_on) AS BIGINT)"
        }
        _ => "CAST(d.discharged_on - d.dischargeable_on AS BIGINT)",
    };
    let destinations = quoted(
        CareSetting::ALL
            .iter()
            .filter(|c| of_kind(**c))
            .map(|c| c.as_str()),
    );
    let query = Query::of_discharges(at.scope, at.period());
    let sql = format!(
        "{prefix}SELECT w.days, CAST(COUNT(*) AS BIGINT) FROM ( \
           SELECT {days} AS days FROM discharges d \
           WHERE d.status = '{discharged}' AND d.discharged_on >= $1 AND d.discharged_on <= $2 \
             AND d.dischargeable_on IS NOT NULL AND d.destination IN ({destinations}){scope} \
         ) w GROUP BY w.days",
        prefix = query.prefix,
        scope = query.conditions,
        discharged = DischargeStatus::Discharged.as_str(),
    );
    let rows = at
        .db
        .query_all(statement(at.db, &sql, query.values))
        .await?;
    let mut histogram = Vec::with_capacity(rows.len());
    for row in rows {
        histogram.push((
            row.try_get_by_index::<i64>(0)?,
            row.try_get_by_index::<i64>(1)?,
        ));
    }
    let measured: i64 = histogram.iter().map(|(_, n)| n).sum();
    let (average, middle) = histogram_average_and_median(&histogram);
    Ok(Raw {
        value: if median { middle } else { average },
        numerator: None,
        denominator: Some(measured),
        cases: None,
    })
}
