//! The restore drill: a backup of a demo database, restored into a new
//! one, is the same database and Ponte serves it.

use ponte_server::backup::{backup, restore, table_names, Store};
use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::serde_json::json;
use ponte_tests::{empty_database, on_both_databases, TestApp, TestDb};

on_both_databases!(a_backup_restored_into_a_new_database_is_the_same_and_ponte_serves_it);

async fn a_backup_restored_into_a_new_database_is_the_same_and_ponte_serves_it(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let dir = std::env::temp_dir().join(format!("ponte-backup-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ponte.backup");

    backup(&app.config.database_url, &file).await.unwrap();
    let again = backup(&app.config.database_url, &file).await.unwrap_err();
    assert!(again.contains("exists already"), "{again}");

    let target = empty_database(db).await;
    restore(&target, &file).await.unwrap();
    let twice = restore(&target, &file).await.unwrap_err();
    assert!(twice.contains("not empty"), "{twice}");

    let restored = TestApp::spawn_with(db, |config| config.database_url = target.clone()).await;
    let tables = table_names(&app.db).await.unwrap();
    assert!(tables.len() > 20, "{tables:?}");
    assert_eq!(table_names(&restored.db).await.unwrap(), tables);
    for table in &tables {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(
            restored.count(&sql).await,
            app.count(&sql).await,
            "rows of {table}"
        );
    }
    assert!(app.count("SELECT COUNT(*) FROM persons").await >= 50);
    for aggregate in [
        "SELECT CAST(COALESCE(SUM(quantity_hundredths), 0) AS BIGINT) FROM budget_uses",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM projects",
        "SELECT COUNT(DISTINCT status) FROM projects",
        "SELECT COUNT(*) FROM audit_events WHERE action = 'PERSON_CREATED'",
    ] {
        assert_eq!(
            restored.count(aggregate).await,
            app.count(aggregate).await,
            "{aggregate}"
        );
    }

    // The restored database is a working Ponte: its users sign in and see their caseload.
    let persons = "{ persons(first: 1) { totalCount } }";
    let before = app.client();
    before
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let after = restored.client();
    after
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    assert_eq!(
        after.gql(persons, json!({})).await.ok()["persons"]["totalCount"],
        before.gql(persons, json!({})).await.ok()["persons"]["totalCount"],
    );
    std::fs::remove_dir_all(&dir).ok();
    if let Ok(Store::SqliteFile(path)) = Store::of(&target) {
        for suffix in ["", "-wal", "-shm"] {
            std::fs::remove_file(format!("{}{suffix}", path.display())).ok();
        }
    }
}
