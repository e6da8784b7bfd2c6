use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    health_and_readiness_answer,
    every_response_carries_a_request_id
);

async fn health_and_readiness_answer(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let health = reqwest::get(format!("{}/healthz", app.base_url))
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let ready = reqwest::get(format!("{}/readyz", app.base_url))
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 200);
    app.db.clone().close().await.unwrap();
    let ready = reqwest::get(format!("{}/readyz", app.base_url))
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 503, "no database, not ready");
}

async fn every_response_carries_a_request_id(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let response = reqwest::get(format!("{}/healthz", app.base_url))
        .await
        .unwrap();
    let id = response
        .headers()
        .get("x-request-id")
        .expect("x-request-id");
    assert_eq!(id.to_str().unwrap().len(), 36);
}
