//! Bench-only (cargo feature `bench-sql`, never in the default build): the
//! rows of the benchmark's GraphQL requests read with hand-written SQL, so
//! that `bench/` can measure Ponte against the same rows fetched the plain
//! way, in the same binary, behind the same session and CSRF layers.
//!
//! Each read applies need-to-know per row with the rule of
//! `policy::responsible_for`, written out as SQL. The reads write no audit
//! rows: they are the floor Ponte is measured against, not a second Ponte.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, QueryResult, Statement, TransactionTrait,
    Value,
};
use serde_json::{json, Map, Value as Json_};
use tower_sessions::Session;
use uuid::Uuid;

use crate::auth::session;
use crate::clock::Clock;
use crate::domain::instruments::{self, Answer};
use crate::domain::search_text;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, CareSetting, DischargeStatus, Instrument, NeedLevel,
    ReferralStatus, Role,
};
use crate::error::{AppError, AppResult};
use crate::http::router::AppState;

/// The requests the route answers, by the name in `POST /bench/sql/<name>`.
pub const NAMES: [&str; 5] = ["caseload", "persons", "record", "board", "assess"];

/// `POST /bench/sql/<name>`: the caller from the session cookie, as for
/// `/graphql`; the body is the request's arguments as a JSON object.
pub async fn execute(
    State(state): State<AppState>,
    Path(name): Path<String>,
    session: Session,
    Json(args): Json<Json_>,
) -> Response {
    let now = state.clock.now();
    let viewer =
        match session::current_viewer(&session, &state.db, state.config.session_max_lifetime, now)
            .await
        {
            Ok(Some((viewer, _))) => viewer,
            Ok(None) => {
                return refusal(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", "not signed in")
            }
            Err(err) => {
                return refusal(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "INTERNAL",
                    &format!("{err:?}"),
                )
            }
        };
    if viewer.role != Role::Operator {
        return refusal(StatusCode::FORBIDDEN, "FORBIDDEN", "operators only");
    }
    match run(&state.db, viewer.user_id, &name, &args, now).await {
        Ok(data) => Json(json!({ "data": data })).into_response(),
        Err(err) => refusal(StatusCode::BAD_REQUEST, "BENCH_SQL", &format!("{err:?}")),
    }
}

fn refusal(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })),
    )
        .into_response()
}

/// One request by name, as `user_id`: the same JSON shape as the GraphQL
/// request's `data` in `bench/`.
pub async fn run(
    db: &DatabaseConnection,
    user_id: Uuid,
    name: &str,
    args: &Json_,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Json_> {
    match name {
        "caseload" => caseload(db, user_id, arg_u64(args, "first", 50)).await,
        "persons" => {
            persons(
                db,
                user_id,
                args.get("search").and_then(Json_::as_str),
                arg_u64(args, "first", 20),
                arg_u64(args, "offset", 0),
            )
            .await
        }
        "record" => record(db, user_id, arg_uuid(args, "id")?).await,
        "board" => board(db, user_id, arg_u64(args, "first", 50)).await,
        "assess" => assess(db, user_id, args, now).await,
        other => Err(AppError::validation(
            "name",
            format!("unknown request {other}"),
        )),
    }
}

fn arg_u64(args: &Json_, key: &str, default: u64) -> u64 {
    args.get(key).and_then(Json_::as_u64).unwrap_or(default)
}

fn arg_uuid(args: &Json_, key: &str) -> AppResult<Uuid> {
    args.get(key)
        .and_then(Json_::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| AppError::validation(key, format!("{key}: a UUID is needed")))
}

/// `policy::responsible_for` written out: one correlated `EXISTS` over the
/// four holdings of the row's person joined to the user's active
/// memberships. `person` names the outer column, `user` the parameter.
fn responsible(person: &str, user: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM ( \
           SELECT hr.team_id FROM referrals hr WHERE hr.person_id = {person} AND hr.status IN ('{open}', '{accepted}') \
           UNION ALL SELECT ha.team_id FROM assessments ha WHERE ha.person_id = {person} \
           UNION ALL SELECT hp.team_id FROM projects hp WHERE hp.person_id = {person} \
           UNION ALL SELECT hd.receiving_team_id FROM discharges hd WHERE hd.person_id = {person} \
         ) held JOIN team_memberships hm ON hm.team_id = held.team_id \
         WHERE hm.user_id = {user} AND hm.ended_on IS NULL)",
        open = ReferralStatus::Open.as_str(),
        accepted = ReferralStatus::Accepted.as_str(),
    )
}

/// A statement for the connection's backend: the SQL here numbers its
/// parameters `$n`, which SQLite spells `?n`.
fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => sql.replace('$', "?"),
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `$from, $from+1, …` for an `IN` list of `count` values.
fn placeholders(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn rows(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> AppResult<Vec<QueryResult>> {
    Ok(db.query_all(statement(db, sql, values)).await?)
}

fn uuid(row: &QueryResult, column: &str) -> AppResult<Uuid> {
    Ok(row.try_get::<Uuid>("", column)?)
}

fn text(row: &QueryResult, column: &str) -> AppResult<Json_> {
    Ok(row
        .try_get::<Option<String>>("", column)?
        .map_or(Json_::Null, Json_::String))
}

fn date(row: &QueryResult, column: &str) -> AppResult<Json_> {
    Ok(row
        .try_get::<Option<NaiveDate>>("", column)?
        .map_or(Json_::Null, |d| Json_::String(d.to_string())))
}

/// Hundredths as the `Decimal` scalar prints them ("1250.50").
fn hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn ids_of(found: &[QueryResult], column: &str) -> AppResult<Vec<Uuid>> {
    found.iter().map(|row| uuid(row, column)).collect()
}

fn uuid_values(ids: &[Uuid]) -> Vec<Value> {
    ids.iter().map(|id| Value::from(*id)).collect()
}

/// The teams the user is an active member of, as a subquery on `$1`.
const MY_TEAMS: &str =
    "SELECT tm.team_id FROM team_memberships tm WHERE tm.user_id = $1 AND tm.ended_on IS NULL";

/// `projects(mine: true, first)` with person, team, goals and budget totals.
async fn caseload(db: &DatabaseConnection, user_id: Uuid, first: u64) -> AppResult<Json_> {
    let sql = format!(
        "SELECT p.id, p.status, p.title, p.next_review_on, \
                pe.id AS person_id, pe.family_name, pe.given_name, t.id AS team_id, t.name AS team_name \
         FROM projects p \
         JOIN persons pe ON pe.id = p.person_id \
         JOIN teams t ON t.id = p.team_id \
         WHERE {} AND (p.case_manager_id = $1 OR p.team_id IN ({MY_TEAMS})) \
         ORDER BY p.next_review_on, p.id LIMIT {first}",
        responsible("p.person_id", "$1")
    );
    let projects = rows(db, &sql, vec![user_id.into()]).await?;
    let ids = ids_of(&projects, "id")?;
    let mut goals: HashMap<Uuid, Vec<Json_>> = HashMap::new();
    let mut totals: HashMap<Uuid, Vec<Json_>> = HashMap::new();
    if !ids.is_empty() {
        let list = placeholders(1, ids.len());
        let sql = format!(
            "SELECT g.id, g.project_id, g.description FROM project_goals g \
             WHERE g.project_id IN ({list}) ORDER BY g.created_at, g.id"
        );
        for row in rows(db, &sql, uuid_values(&ids)).await? {
            goals.entry(uuid(&row, "project_id")?).or_default().push(
                json!({ "id": uuid(&row, "id")?, "description": text(&row, "description")? }),
            );
        }
        // Used quantities summed per line first, so a line with many uses
        // is counted once in its planned total.
        let sql = format!(
            "SELECT r.project_id, r.unit, CAST(SUM(r.planned_hundredths) AS BIGINT) AS planned, \
                    CAST(SUM(COALESCE(u.used, 0)) AS BIGINT) AS used \
             FROM budget_resources r \
             LEFT JOIN (SELECT bu.resource_id, CAST(SUM(bu.quantity_hundredths) AS BIGINT) AS used \
                        FROM budget_uses bu JOIN budget_resources br ON br.id = bu.resource_id \
                        WHERE br.project_id IN ({list}) GROUP BY bu.resource_id) u \
               ON u.resource_id = r.id \
             WHERE r.project_id IN ({list}) \
             GROUP BY r.project_id, r.unit ORDER BY r.project_id, r.unit"
        );
        for row in rows(db, &sql, uuid_values(&ids)).await? {
            let planned: i64 = row.try_get("", "planned")?;
            let used: i64 = row.try_get("", "used")?;
            totals
                .entry(uuid(&row, "project_id")?)
                .or_default()
                .push(json!({
                    "unit": text(&row, "unit")?,
                    "planned": hundredths(planned),
                    "used": hundredths(used),
                }));
        }
    }
    let mut nodes = Vec::with_capacity(projects.len());
    for row in &projects {
        let id = uuid(row, "id")?;
        nodes.push(json!({
            "id": id,
            "status": text(row, "status")?,
            "title": text(row, "title")?,
            "nextReviewOn": date(row, "next_review_on")?,
            "person": {
                "id": uuid(row, "person_id")?,
                "familyName": text(row, "family_name")?,
                "givenName": text(row, "given_name")?,
            },
            "team": { "id": uuid(row, "team_id")?, "name": text(row, "team_name")? },
            "goals": goals.remove(&id).unwrap_or_default(),
            "budget": { "totals": { "overall": totals.remove(&id).unwrap_or_default() } },
        }));
    }
    Ok(json!({ "projects": { "nodes": nodes } }))
}

/// `persons(search, first, after)`: word prefixes of the folded name, as the
/// service's search (a codice fiscale search is not benchmarked); deep pages
/// by `OFFSET`, the plain way.
async fn persons(
    db: &DatabaseConnection,
    user_id: Uuid,
    search: Option<&str>,
    first: u64,
    offset: u64,
) -> AppResult<Json_> {
    let mut values: Vec<Value> = vec![user_id.into()];
    let mut condition = String::new();
    for token in search_text::fold(search.unwrap_or_default()).split_whitespace() {
        let mut pattern = String::from("% ");
        for c in token.chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        values.push(pattern.into());
        condition.push_str(&format!(
            " AND p.search_name LIKE ${} ESCAPE '\\'",
            values.len()
        ));
    }
    let sql = format!(
        "SELECT p.id, p.family_name, p.given_name, p.birth_date FROM persons p \
         WHERE {}{condition} ORDER BY p.search_name, p.id LIMIT {first} OFFSET {offset}",
        responsible("p.id", "$1")
    );
    let mut nodes = Vec::new();
    for row in rows(db, &sql, values).await? {
        nodes.push(json!({
            "id": uuid(&row, "id")?,
            "familyName": text(&row, "family_name")?,
            "givenName": text(&row, "given_name")?,
            "birthDate": date(&row, "birth_date")?,
        }));
    }
    Ok(json!({ "persons": { "nodes": nodes } }))
}

/// `person(id)` with projects, the last ten current assessments and discharges.
async fn record(db: &DatabaseConnection, user_id: Uuid, id: Uuid) -> AppResult<Json_> {
    let sql = format!(
        "SELECT p.id, p.family_name, p.given_name, p.birth_date FROM persons p \
         WHERE p.id = $2 AND {}",
        responsible("p.id", "$1")
    );
    let found = rows(db, &sql, vec![user_id.into(), id.into()]).await?;
    let Some(person) = found.first() else {
        return Ok(json!({ "person": null }));
    };
    let projects = rows(
        db,
        "SELECT id, status, title FROM projects WHERE person_id = $1 ORDER BY start_date, id",
        vec![id.into()],
    )
    .await?;
    // Current versions only: an amended assessment is shown as its amendment.
    let assessments = rows(
        db,
        "SELECT a.id, a.assessed_on, a.need_level FROM assessments a \
         WHERE a.person_id = $1 \
           AND NOT EXISTS (SELECT 1 FROM assessments later WHERE later.amends_id = a.id) \
         ORDER BY a.assessed_on DESC, a.id DESC LIMIT 10",
        vec![id.into()],
    )
    .await?;
    let discharges = rows(
        db,
        "SELECT id, status, expected_discharge_on FROM discharges WHERE person_id = $1 \
         ORDER BY reported_at, id",
        vec![id.into()],
    )
    .await?;
    let mut record = Map::new();
    record.insert("id".into(), json!(uuid(person, "id")?));
    record.insert("familyName".into(), text(person, "family_name")?);
    record.insert("givenName".into(), text(person, "given_name")?);
    record.insert("birthDate".into(), date(person, "birth_date")?);
    let mut list = Vec::new();
    for row in &projects {
        list.push(json!({ "id": uuid(row, "id")?, "status": text(row, "status")?, "title": text(row, "title")? }));
    }
    record.insert("projects".into(), Json_::Array(list));
    let mut list = Vec::new();
    for row in &assessments {
        list.push(json!({ "id": uuid(row, "id")?, "date": date(row, "assessed_on")?, "needLevel": text(row, "need_level")? }));
    }
    record.insert("assessments".into(), json!({ "nodes": list }));
    let mut list = Vec::new();
    for row in &discharges {
        list.push(json!({ "id": uuid(row, "id")?, "status": text(row, "status")?, "expectedDischargeOn": date(row, "expected_discharge_on")? }));
    }
    record.insert("discharges".into(), Json_::Array(list));
    Ok(json!({ "person": record }))
}

/// `discharges(status: REPORTED, first)`: the board's open column, with the
/// patient as reported, hospital, receiving team and (for those responsible)
/// the person.
async fn board(db: &DatabaseConnection, user_id: Uuid, first: u64) -> AppResult<Json_> {
    let sql = format!(
        "SELECT d.id, d.status, d.ward, d.expected_discharge_on, d.discharged_on, \
                d.reported_given_name, d.reported_family_name, \
                o.id AS hospital_id, o.name AS hospital_name, t.id AS team_id, t.name AS team_name, \
                pe.id AS person_id, pe.family_name, pe.given_name \
         FROM discharges d \
         JOIN organizations o ON o.id = d.hospital_id \
         JOIN teams t ON t.id = d.receiving_team_id \
         LEFT JOIN persons pe ON pe.id = d.person_id AND {} \
         WHERE (d.reported_by = $1 OR d.receiving_team_id IN ({MY_TEAMS})) AND d.status = $2 \
         ORDER BY d.expected_discharge_on, d.id LIMIT {first}",
        responsible("d.person_id", "$1")
    );
    let status = DischargeStatus::Reported.as_str();
    let mut nodes = Vec::new();
    for row in rows(db, &sql, vec![user_id.into(), status.into()]).await? {
        let person = match row.try_get::<Option<Uuid>>("", "person_id")? {
            Some(id) => json!({
                "id": id,
                "familyName": text(&row, "family_name")?,
                "givenName": text(&row, "given_name")?,
            }),
            None => Json_::Null,
        };
        nodes.push(json!({
            "id": uuid(&row, "id")?,
            "status": text(&row, "status")?,
            "ward": text(&row, "ward")?,
            "expectedDischargeOn": date(&row, "expected_discharge_on")?,
            "dischargedOn": date(&row, "discharged_on")?,
            "patient": {
                "givenName": text(&row, "reported_given_name")?,
                "familyName": text(&row, "reported_family_name")?,
            },
            "hospital": { "id": uuid(&row, "hospital_id")?, "name": text(&row, "hospital_name")? },
            "receivingTeam": { "id": uuid(&row, "team_id")?, "name": text(&row, "team_name")? },
            "person": person,
        }));
    }
    Ok(json!({ "discharges": { "nodes": nodes } }))
}

/// `recordAssessment` with one Barthel: the same rows in one transaction
/// (the assessment, its participant, its scored result) after the same two
/// checks (responsible for the person, active member of the team). `args`:
/// `personId`, `teamId`, `barthel` (`[{item, value}]` as in the GraphQL input).
async fn assess(
    db: &DatabaseConnection,
    user_id: Uuid,
    args: &Json_,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Json_> {
    let person_id = arg_uuid(args, "personId")?;
    let team_id = arg_uuid(args, "teamId")?;
    let answers: Vec<Answer> = args
        .get("barthel")
        .and_then(Json_::as_array)
        .map(|given| {
            given
                .iter()
                .map(|a| Answer {
                    item: a
                        .get("item")
                        .and_then(Json_::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    value: a
                        .get("value")
                        .and_then(Json_::as_i64)
                        .and_then(|v| i32::try_from(v).ok())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let scored = instruments::score(Instrument::Barthel, &answers, None)
        .map_err(|e| AppError::validation("barthel", e.message_it()))?;
    let normalized: Vec<Json_> = scored
        .answers
        .iter()
        .map(|a| json!({ "item": a.item, "value": a.value }))
        .collect();
    let txn = db.begin().await?;
    let sql = format!(
        "SELECT u.profession FROM team_memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.user_id = $1 AND m.team_id = $2 AND m.ended_on IS NULL AND {}",
        responsible("$3", "$1")
    );
    let allowed = rows(
        &txn,
        &sql,
        vec![user_id.into(), team_id.into(), person_id.into()],
    )
    .await?;
    let Some(member) = allowed.first() else {
        return Err(AppError::Forbidden);
    };
    let profession: String = member.try_get("", "profession")?;
    let id = Uuid::now_v7();
    txn.execute(statement(
        &txn,
        "INSERT INTO assessments (id, person_id, team_id, assessed_on, setting, reason, need_level, \
           recommended_setting, logged_by, created_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
        vec![
            id.into(),
            person_id.into(),
            team_id.into(),
            now.date_naive().into(),
            AssessmentSetting::Domicilio.as_str().into(),
            AssessmentReason::Reassessment.as_str().into(),
            NeedLevel::Medium.as_str().into(),
            CareSetting::Home.as_str().into(),
            user_id.into(),
            now.into(),
        ],
    ))
    .await?;
    txn.execute(statement(
        &txn,
        "INSERT INTO assessment_participants (id, assessment_id, user_id, profession) \
         VALUES ($1, $2, $3, $4)",
        vec![
            Uuid::now_v7().into(),
            id.into(),
            user_id.into(),
            profession.into(),
        ],
    ))
    .await?;
    txn.execute(statement(
        &txn,
        "INSERT INTO assessment_results (id, assessment_id, instrument, answers, score, band) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        vec![
            Uuid::now_v7().into(),
            id.into(),
            Instrument::Barthel.as_str().into(),
            Json_::Array(normalized).to_string().into(),
            scored.score.into(),
            scored.band.code.into(),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(json!({ "recordAssessment": { "id": id, "results": [{ "score": scored.score }] } }))
}

/// `ponte bench-sql`: `run` in a closed loop straight on the database, no
/// HTTP (the benchmark's third variant). Prints the latencies as JSON.
pub async fn client_loop(
    db: &DatabaseConnection,
    user_email: &str,
    name: &str,
    args: &Json_,
    concurrency: usize,
    seconds: f64,
) -> AppResult<Json_> {
    let found = rows(
        db,
        "SELECT id FROM users WHERE email_normalized = $1",
        vec![user_email.to_lowercase().into()],
    )
    .await?;
    let user_id = match found.first() {
        Some(row) => uuid(row, "id")?,
        None => return Err(AppError::NotFound),
    };
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (db, name, args) = (db.clone(), name.to_owned(), args.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            while Instant::now() < until {
                let started = Instant::now();
                if run(&db, user_id, &name, &args, Clock::system().now())
                    .await
                    .is_err()
                {
                    errors += 1;
                }
                latencies.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (mine, failed) = task
            .await
            .map_err(|e| AppError::Internal(format!("bench task: {e}")))?;
        latencies.extend(mine);
        errors += failed;
    }
    Ok(json!({ "latencies_ms": latencies, "errors": errors }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_print_as_the_decimal_scalar() {
        assert_eq!(hundredths(125_050), "1250.50");
        assert_eq!(hundredths(5), "0.05");
        assert_eq!(hundredths(-150), "-1.50");
    }

    #[test]
    fn placeholders_number_on_from_the_first() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
        assert_eq!(placeholders(1, 0), "");
    }

    #[test]
    fn the_written_out_rule_names_the_outer_person_in_each_holding() {
        let sql = responsible("p.id", "$1");
        assert_eq!(sql.matches("= p.id").count(), 4, "{sql}");
        assert_eq!(sql.matches("EXISTS").count(), 1, "{sql}");
    }
}
