use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    health_and_readiness_answer,
    every_response_carries_a_request_id,
    the_spa_is_served_with_a_fallback_and_long_lived_assets,
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

mod spa {
    pub fn build() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("ponte-spa-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>Ponte</title>",
        )
        .unwrap();
        std::fs::write(dir.join("assets/index-3f2a.js"), "console.log('ponte')").unwrap();
        // What the build writes beside each text file; the contents only
        // need to differ, the server does not read them.
        std::fs::write(dir.join("assets/index-3f2a.js.br"), "brotli bytes").unwrap();
        std::fs::write(dir.join("assets/index-3f2a.js.gz"), "gzip bytes").unwrap();
        dir
    }
}

async fn the_spa_is_served_with_a_fallback_and_long_lived_assets(db: TestDb) {
    let dir = spa::build();
    let static_dir = dir.clone();
    let app = TestApp::spawn_with(db, move |c| c.static_dir = Some(static_dir)).await;
    let asset = reqwest::get(format!("{}/assets/index-3f2a.js", app.base_url))
        .await
        .unwrap();
    assert_eq!(asset.status().as_u16(), 200);
    let cache = asset
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cache.contains("immutable") && cache.contains("max-age=31536000"),
        "{cache}"
    );
    // A client-side route reloads into the app, which must not be cached.
    let route = reqwest::get(format!("{}/persone/123", app.base_url))
        .await
        .unwrap();
    assert_eq!(route.status().as_u16(), 200);
    // No copy anywhere, not even the back-forward cache: Back after "Esci"
    // loads the app anew, which asks who is signed in.
    assert_eq!(route.headers().get("cache-control").unwrap(), "no-store");
    assert!(route.text().await.unwrap().contains("<title>Ponte</title>"));
    // A browser that takes Brotli or gzip gets the precompressed file, with
    // the long-lived caching of the asset and `Vary` so caches keep both.
    let client = reqwest::Client::new();
    let asset_url = format!("{}/assets/index-3f2a.js", app.base_url);
    for (accepts, encoding, body) in [
        ("br, gzip", Some("br"), "brotli bytes"),
        ("gzip", Some("gzip"), "gzip bytes"),
        ("identity", None, "console.log('ponte')"),
    ] {
        let answer = client
            .get(&asset_url)
            .header("accept-encoding", accepts)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), 200, "{accepts}");
        let header = |name: &str| {
            answer
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(header("content-encoding").as_deref(), encoding, "{accepts}");
        assert!(
            header("cache-control").unwrap().contains("immutable"),
            "{accepts}"
        );
        assert_eq!(
            header("vary").as_deref(),
            Some("accept-encoding"),
            "{accepts}"
        );
        assert_eq!(answer.text().await.unwrap(), body, "{accepts}");
    }
    let health = reqwest::get(format!("{}/healthz", app.base_url))
        .await
        .unwrap();
    assert_eq!(
        health.text().await.unwrap(),
        "ok",
        "API routes win over the fallback"
    );
    let _ = std::fs::remove_dir_all(dir);
}
