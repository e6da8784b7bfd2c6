use std::path::Path;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{middleware, Router};
use sea_orm::DatabaseConnection;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer, SessionStore};

use crate::auth::password::PasswordChecks;
use crate::auth::session_store::{self, OnTheClock};
use crate::clock::Clock;
use crate::config::Config;
use crate::document_store::DocumentStore;
use crate::graphql::PonteSchema;
use crate::http::bearer::{self, ServiceRate};
use crate::http::{
    access_log_export, calendar_feed, csrf, documents, fhir_bundle, fhir_everything,
    graphql_endpoint, health, indicator_export, interventions_export, metrics_endpoint, panics,
    refusals, request_id, request_span, session_save,
};
use crate::metrics::Metrics;

/// Everything a handler needs; cheap to clone (handles and `Arc`s).
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub schema: PonteSchema,
    /// SQL statements run through sea-orm since start: shows that nested
    /// lists are batched (and is cheap enough to keep in production).
    pub statements: Arc<std::sync::atomic::AtomicU64>,
    /// The password checks that may run at once (one per core).
    pub password_checks: PasswordChecks,
    /// Where every request, the sessions and the outbox worker read the time.
    pub clock: Clock,
    /// This instance's operations metrics (`crate::metrics`).
    pub metrics: Metrics,
    /// Where the documents' bytes are kept (`crate::document_store`).
    pub documents: Arc<dyn DocumentStore>,
    /// Each service account's calls this minute (`http::bearer`).
    pub service_rate: ServiceRate,
}

/// A GraphQL operation is small; anything bigger is a mistake or an attack.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn router<S: SessionStore + Clone>(state: AppState, store: S) -> Router {
    let config = state.config.clone();
    let idle = session_store::idle_timeout(config.session_idle_timeout);
    let store = OnTheClock::new(store, state.clock.clone(), idle);
    let sessions = SessionManagerLayer::new(store)
        .with_name(if config.cookie_secure {
            "__Host-ponte_session"
        } else {
            "ponte_session"
        })
        .with_secure(config.cookie_secure)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_path("/")
        // Saving on every request is what makes the idle timeout slide;
        // `OnTheClock` turns most of those saves into nothing (a minute apart).
        .with_always_save(true)
        .with_expiry(Expiry::OnInactivity(idle));

    // Only POST executes operations; GET serves GraphiQL when enabled, else 405.
    let graphql_route = if config.graphiql {
        get(graphql_endpoint::graphiql).post(graphql_endpoint::execute)
    } else {
        post(graphql_endpoint::execute)
    };

    let state_for_ids = state.clone();
    let state_for_counts = state.clone();
    // The downloads share the API's session; a plain link opens them, so
    // instead of the CSRF header they refuse a request from another site.
    let exports = Router::new()
        .route("/export/indicators.csv", get(indicator_export::csv))
        .route("/export/indicators.xlsx", get(indicator_export::xlsx))
        .route(
            "/export/audit/person-accesses.csv",
            get(access_log_export::csv),
        )
        // Also a machine endpoint: a service account's bearer token or a
        // REPORTER's session (`interventions_export`).
        .route("/export/interventions.csv", get(interventions_export::csv))
        // FHIR R4 `$everything` (issue 18.3): a `fhir:read` account's bearer
        // token or a session with need-to-know (`fhir_everything`).
        .route(
            "/fhir/r4/Patient/{id}/$everything",
            get(fhir_everything::everything),
        )
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::same_origin_only,
        ));
    let api = Router::new()
        .route("/graphql", graphql_route)
        // A hospital's system reports a protected discharge in FHIR R4:
        // bearer only, no CSRF header (`fhir_bundle`, `csrf::guard`).
        .route(fhir_bundle::PATH, post(fhir_bundle::post))
        .merge(exports);
    // Bench only: the same rows as the benchmark's GraphQL requests from
    // hand-written SQL, behind the same session and CSRF layers (`bench/`).
    #[cfg(feature = "bench-sql")]
    let api = api.route("/bench/sql/{name}", post(crate::bench_sql::execute));
    // A document is larger than any operation: its upload has its own
    // limit, counted while the file is read (`http::documents`).
    let upload_limit = usize::try_from(config.document_max_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(MAX_BODY_BYTES);
    let documents = Router::new()
        .route(documents::UPLOAD_PATH, post(documents::upload))
        .layer(DefaultBodyLimit::max(upload_limit))
        .route(
            "/documents/{id}",
            get(documents::download).route_layer(middleware::from_fn_with_state(
                state.clone(),
                csrf::same_origin_only,
            )),
        );
    let api = api
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(documents)
        .layer(
            ServiceBuilder::new()
                .layer(middleware::map_response(refusals::in_graphql_shape))
                // A bearer token is for the machine endpoints only: anywhere
                // else (`/graphql` first) it is refused before the CSRF check.
                .layer(middleware::from_fn(bearer::only_on_machine_endpoints))
                .layer(middleware::from_fn_with_state(state.clone(), csrf::guard))
                .layer(middleware::map_response(session_save::explain_failure))
                .layer(sessions)
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-store"),
                )),
        )
        // A calendar app's fetch: no session, no CSRF header; the secret in
        // the path is the credential (`services::calendar_feeds`).
        .route("/calendar/{file}", get(calendar_feed::ics))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .with_state(state);

    let app = match &config.static_dir {
        Some(dir) => api.fallback_service(spa(dir)),
        None => api,
    };

    app.layer(
        ServiceBuilder::new()
            .layer(middleware::from_fn_with_state(
                state_for_ids,
                request_id::drop_untrusted,
            ))
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &Request| {
                        let request_id = request
                            .headers()
                            .get(request_id::HEADER)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("-");
                        tracing::info_span!(
                            "request",
                            method = %request.method(),
                            path = %request.uri().path(),
                            request_id,
                            // The GraphQL operation, recorded once the body is read.
                            operation = tracing::field::Empty,
                        )
                    })
                    // No "started processing request" line: it would be the one
                    // line of a request without its operation, and the line at
                    // the end has the method, the path and the time taken.
                    .on_request(()),
            )
            .layer(middleware::from_fn(request_span::remember))
            .layer(PropagateRequestIdLayer::x_request_id())
            // Outside the panic net and the timeout, to count their 500 and 503.
            .layer(middleware::from_fn_with_state(
                state_for_counts,
                metrics_endpoint::count_http,
            ))
            .layer(panics::layer())
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                config.request_timeout,
            )),
    )
}

/// The built SPA: files as they are, and `index.html` for every other path so
/// that client-side routes survive a reload. Vite's hashed assets never
/// change under one name, so browsers may keep them for a year. The build
/// writes each text file's Brotli and gzip forms beside it
/// (`frontend/scripts/compress.mjs`): they are served to browsers that ask,
/// with no compression work per request.
///
/// The app shell is `no-store`: a browser then keeps no copy of the page,
/// not even in its back-forward cache, so "Esci" followed by Back on a shared
/// office PC loads the app anew, which asks the server who is signed in,
/// instead of showing the record the previous user had open.
fn spa(dir: &Path) -> Router {
    let index = dir.join("index.html");
    let assets = Router::new()
        .nest_service(
            "/assets",
            ServeDir::new(dir.join("assets"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ));
    let rest = Router::new()
        .fallback_service(
            ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(
                    ServeFile::new(&index)
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    // The same path answers in three encodings: a shared cache (a Comune's
    // proxy) must keep them apart.
    assets
        .merge(rest)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
}
