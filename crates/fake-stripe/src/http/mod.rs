//! The HTTP surface: one axum handler takes every request through authentication, the
//! outage switch, form decoding, idempotency and the journal, under one lock (so concurrent
//! requests run one after another, and concurrent requests with one key run the endpoint
//! once), then runs the endpoint the dispatch table ([`routes`]) names.

mod auth;
mod form;
mod response;
mod routes;

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::Value;

use crate::error::{Answer, Error};
use crate::fixtures::Fixtures;
use crate::journal::RecordedRequest;
use crate::state::{Ledger, Shared};
use routes::Route;

/// The fake's whole HTTP API.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

/// A request as read before taking the lock.
struct Request {
    method: Method,
    path: String,
    /// The route and the object id in the path, when the fake serves the endpoint.
    route: Option<(&'static Route, String)>,
    /// The route's name (`POST /v1/payment_intents/{id}/cancel`), else `concrete`.
    endpoint: String,
    /// The method and the path as requested (`POST /v1/payment_intents/pi_…/cancel`).
    concrete: String,
    authorization: Option<String>,
    idempotency_key: Option<String>,
    /// A POST body that is not form-encoded, which Stripe refuses.
    not_form: bool,
}

impl Request {
    fn read(method: Method, uri: &Uri, headers: &HeaderMap, body: &Bytes) -> Self {
        let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        let form = header("content-type")
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        let path = uri.path().to_owned();
        let route = routes::find(&method, &path);
        let concrete = format!("{method} {path}");
        let endpoint = route
            .as_ref()
            .map_or_else(|| concrete.clone(), |(route, _)| route.name.to_owned());
        Self {
            not_form: method == Method::POST && !body.is_empty() && !form,
            authorization: header("authorization").map(str::to_owned),
            idempotency_key: header("idempotency-key").map(str::to_owned),
            method,
            path,
            route,
            endpoint,
            concrete,
        }
    }

    /// The key, when it counts: on POST only.
    fn idempotency_key(&self) -> Option<&str> {
        self.idempotency_key
            .as_deref()
            .filter(|_| self.method == Method::POST)
    }
}

/// The one handler: every request goes through here, under the ledger's lock.
async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = Request::read(method, &uri, &headers, &body);
    let params = form::parse(raw_params(&request.method, &uri, &body));
    let recorded_params = params.as_ref().ok().cloned().unwrap_or_default();
    let mut ledger = shared.ledger();
    let request_id = ledger.id("req");
    ledger
        .journal
        .note_received(&request.endpoint, &request.concrete);
    let (answer, replayed) = answer(&mut ledger, &shared.fixtures, &request, params)
        .unwrap_or_else(|error| (error.into(), false));
    ledger.journal.record(RecordedRequest {
        endpoint: request.endpoint,
        path: request.path,
        params: recorded_params,
        idempotency_key: request.idempotency_key.clone(),
        status: answer.status.as_u16(),
        replayed,
    });
    drop(ledger);
    response::respond(
        &answer,
        &request_id,
        request.idempotency_key.as_deref(),
        replayed,
    )
}

/// Where Stripe reads parameters from: a GET's query string, other requests' body.
fn raw_params<'a>(method: &Method, uri: &'a Uri, body: &'a Bytes) -> &'a [u8] {
    if method == Method::GET {
        uri.query().unwrap_or("").as_bytes()
    } else {
        body
    }
}

/// The answer to a request and whether it is a replay of a kept one; errors that stop
/// the request before its endpoint runs are `Err`.
fn answer(
    ledger: &mut Ledger,
    fixtures: &Fixtures,
    request: &Request,
    params: Result<Value, Error>,
) -> Result<(Answer, bool), Error> {
    auth::check(request.authorization.as_deref())?;
    if ledger.switches.outage {
        return Err(Error::Outage);
    }
    let params = params?;
    if request.not_form {
        return Err(Error::NotForm);
    }
    let key = request.idempotency_key();
    if let Some(key) = key
        && let Some(kept) = ledger.idempotency.replay(key, &request.concrete, &params)?
    {
        return Ok((kept, true));
    }
    ledger
        .journal
        .note_ran(&request.endpoint, &request.concrete);
    let answer = Answer::from(run(ledger, fixtures, request, &params));
    if let Some(key) = key {
        ledger
            .idempotency
            .keep(key, &request.concrete, params, &answer);
    }
    Ok((answer, false))
}

/// Runs the endpoint the request is for.
fn run(
    ledger: &mut Ledger,
    fixtures: &Fixtures,
    request: &Request,
    params: &Value,
) -> Result<Value, Error> {
    let Some((route, id)) = &request.route else {
        return Err(Error::UnknownEndpoint {
            method: request.method.clone(),
            path: request.path.clone(),
        });
    };
    route.run(ledger, fixtures, id, params)
}
