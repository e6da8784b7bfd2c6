use ponte_server::seed::scale::{seed_scale, ScaleOptions, BENCH_USER, SCALE_PASSWORD, TEAMS};
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    the_scale_data_set_is_proportional_deterministic_and_served,
    the_discharge_board_and_a_record_read_run_a_bounded_number_of_statements,
);

const PERSONS: usize = 400;

async fn the_scale_data_set_is_proportional_deterministic_and_served(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let options = ScaleOptions {
        persons: PERSONS,
        seed: 7,
    };
    let report = seed_scale(&app.db, options, &()).await.unwrap();
    assert_eq!(report.persons, PERSONS);
    assert_eq!(report.projects, PERSONS / 5);
    assert_eq!(report.budget_uses, PERSONS * 3);
    assert_eq!(report.assessments, PERSONS * 2);
    assert_eq!(report.discharges, PERSONS / 10);
    for (table, rows) in [
        ("persons", PERSONS),
        ("referrals", PERSONS),
        ("projects", PERSONS / 5),
        ("budget_uses", PERSONS * 3),
        ("assessments", PERSONS * 2),
        ("assessment_results", PERSONS * 2),
        ("discharges", PERSONS / 10),
        ("teams", TEAMS),
    ] {
        let counted = app.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        assert_eq!(counted, rows as i64, "{table}");
    }

    // Refused on a database that holds persons, and nothing added.
    let again = seed_scale(&app.db, options, &()).await.unwrap_err();
    assert!(format!("{again:?}").contains("database"), "{again:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM persons").await,
        PERSONS as i64
    );

    // The same seed gives the same persons.
    let names = "SELECT family_name, given_name, birth_date FROM persons ORDER BY id";
    let first = app.rows(names).await;
    let other = TestApp::spawn(TestDb {
        name: "the_scale_data_set_seeded_again",
        ..db
    })
    .await;
    seed_scale(&other.db, options, &()).await.unwrap();
    assert_eq!(other.rows(names).await, first);

    // The benchmark's operator sees two teams' persons (a quarter) and works.
    let bench = app.client();
    bench.login_ok(BENCH_USER, SCALE_PASSWORD).await;
    let persons = bench
        .gql("{ persons(first: 5) { totalCount } }", json!({}))
        .await;
    assert_eq!(
        persons.ok()["persons"]["totalCount"],
        (PERSONS / TEAMS * 2) as i64
    );
    let caseload = bench
        .gql(
            "{ projects(first: 20) { nodes { id status person { id } budget { totals { overall { unit planned used } } } } } }",
            json!({}),
        )
        .await;
    assert!(!caseload.ok()["projects"]["nodes"]
        .as_array()
        .unwrap()
        .is_empty());
    // The benchmark's board has open discharges to show.
    let board = bench
        .gql(
            "{ discharges(status: REPORTED, first: 5) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert!(!board.ok()["discharges"]["nodes"]
        .as_array()
        .unwrap()
        .is_empty());
}

/// The discharge board (open discharges with their nested fields) costs the
/// same statements for 10 rows as for 100, and one person's record with its
/// projects, assessments and discharges a small fixed number.
async fn the_discharge_board_and_a_record_read_run_a_bounded_number_of_statements(db: TestDb) {
    let app = TestApp::spawn_counting(db).await;
    // 4,000 persons: 400 discharges, a quarter of them in the bench
    // operator's two teams.
    let options = ScaleOptions {
        persons: 4_000,
        seed: 11,
    };
    seed_scale(&app.db, options, &()).await.unwrap();
    let bench = app.client();
    bench.login_ok(BENCH_USER, SCALE_PASSWORD).await;

    let board = "query($n: Int) { discharges(first: $n) { nodes { status ward expectedDischargeOn overdue allowedActions patient { familyName } person { familyName age } hospital { name } receivingTeam { name } reportedBy { displayName } plan { destination } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.statements();
        let response = bench.gql(board, json!({ "n": n })).await;
        assert_eq!(
            response.ok()["discharges"]["nodes"]
                .as_array()
                .unwrap()
                .len(),
            n as usize
        );
        counts.push(app.statements() - before);
    }
    println!("SQL statements for a board of 10 and 100 discharges: {counts:?}");
    // As in the caseload test: a split batch costs a few statements, a query
    // per row at least 90.
    assert!(
        counts[1] < counts[0] + 30,
        "the statement count grows with the page size: {counts:?}"
    );

    let someone = bench
        .gql(
            "{ projects(first: 1) { nodes { person { id } } } }",
            json!({}),
        )
        .await;
    let person = someone.ok()["projects"]["nodes"][0]["person"]["id"].clone();
    let record = "query($id: ID!) { person(id: $id) { familyName teams { name } projects { title status goals { description } budget { totals { overall { unit planned used } } resources { usedQuantity } } } assessments(first: 10) { nodes { date needLevel results { instrument score } } } discharges { status ward } } }";
    let before = app.statements();
    let response = bench.gql(record, json!({ "id": person })).await;
    assert_eq!(
        response.ok()["person"]["id"],
        ponte_tests::serde_json::Value::Null
    );
    let read = app.statements() - before;
    println!("SQL statements for one person's record: {read}");
    assert!(read < 40, "a record read took {read} statements");
}
