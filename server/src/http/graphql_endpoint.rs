//! `POST /graphql`: resolves the caller from the session, runs the query with
//! the request's own DataLoaders, and passes every error through the sanitizer.

use std::net::SocketAddr;
use std::time::Instant;

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use tower_sessions::Session;

use crate::auth::session;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::graphql::input_fields::{self, InputTypes};
use crate::graphql::{errors, guard, loaders};
use crate::http::client_address::client_address;
use crate::http::request_span::RequestSpan;
use crate::http::router::AppState;
use crate::http::{refusals, request_id};
use crate::metrics::operations;

pub async fn graphiql() -> Html<String> {
    Html(GraphiQLSource::build().endpoint("/graphql").finish())
}

pub async fn execute(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: Session,
    request_span: Option<Extension<RequestSpan>>,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> Response {
    let started = Instant::now();
    let mut request = match request {
        Ok(request) => request.into_inner(),
        Err(GraphQLRejection(err)) => return refusals::unreadable_request(&err),
    };
    let operation = operations::label(operations::name_of(&mut request).as_deref());
    // Every later line of this request's log carries its operation.
    if let Some(Extension(RequestSpan(span))) = &request_span {
        span.record("operation", operation);
    }
    let response = run(&state, peer, &headers, session, request).await;
    let code = outcome_code(&response);
    tracing::debug!(code = %code, "graphql answered");
    state
        .metrics
        .graphql_request(operation, code, started.elapsed());
    GraphQLResponse::from(response).into_response()
}

/// "OK", or the first error's `extensions.code` (every error has one once
/// sanitized: the codes are Ponte's own, a closed set).
fn outcome_code(response: &async_graphql::Response) -> String {
    let Some(error) = response.errors.first() else {
        return "OK".to_owned();
    };
    match error.extensions.as_ref().and_then(|ext| ext.get("code")) {
        Some(async_graphql::Value::String(code)) => code.clone(),
        _ => "BAD_REQUEST".to_owned(),
    }
}

async fn run(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    session: Session,
    request: async_graphql::Request,
) -> async_graphql::Response {
    let caller = match caller_of(state, peer, headers, &session).await {
        Ok(caller) => caller,
        Err(err) => {
            let detail = format!("resolving the session: {err:?}");
            return errors::internal_response(&detail);
        }
    };
    let (query, operation_name, variables) = (
        request.query.clone(),
        request.operation_name.clone(),
        request.variables.clone(),
    );
    let request = loaders::attach(request, &state.db, &caller, state.config.batch_window)
        .data(guard::for_request(
            &state.db,
            &caller,
            state.config.batch_window,
        ))
        .data(caller)
        .data(session)
        .data(state.db.clone())
        .data(state.password_checks.clone())
        .data(state.metrics.clone())
        .data(state.config.clone());
    let mut response = state.schema.execute(request).await;
    errors::explain_input_errors(&mut response, |scalar, parses| {
        let types = InputTypes::of(&state.schema);
        input_fields::locate(
            types,
            &query,
            operation_name.as_deref(),
            &variables,
            scalar,
            parses,
        )
    });
    errors::sanitize(&mut response);
    response
}

/// Who asks (from the session; nobody when signed out), from where and
/// under which request id: the same for every endpoint behind the session.
pub async fn caller_of(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    session: &Session,
) -> AppResult<Caller> {
    let request_id = headers
        .get(request_id::HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let now = state.clock.now();
    let viewer =
        session::current_viewer(session, &state.db, state.config.session_max_lifetime, now)
            .await?
            .map(|(viewer, _)| viewer);
    Ok(Caller {
        viewer,
        service_account: None,
        request_id,
        client_addr: Some(client_address_of(state, peer, headers)),
        clock: state.clock.clone(),
        rules: state.config.case_rules,
    })
}

pub(crate) fn client_address_of(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> String {
    let forwarded_for: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        // An unreadable value is kept as an unreadable hop, where trust stops.
        .map(|v| v.to_str().unwrap_or_default())
        .collect();
    client_address(peer.ip(), &forwarded_for, &state.config.trusted_proxies).to_string()
}
