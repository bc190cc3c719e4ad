//! The workshop's webhook endpoints: register one (its signing secret is shown once),
//! list them, deactivate one. Only staff of a workshop, and only for their own workshop;
//! another workshop's endpoint answers 404. Sending is done by [`crate::webhooks`].

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use db::webhooks::Endpoint;

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::wire::SeoulTime;

/// The longest URL accepted.
const MAX_URL_LEN: usize = 2048;
/// How many active endpoints one workshop may have.
const MAX_ENDPOINTS: u64 = 10;

/// An endpoint to register.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookRequest {
    /// An absolute `http` or `https` URL of at most 2048 characters. Note: this build
    /// delivers over plain HTTP only; deliveries to `https` URLs fail.
    pub url: String,
}

/// A registered endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: i32,
    /// Where deliveries are posted.
    pub url: String,
    pub created_at: SeoulTime,
}

/// A newly registered endpoint with its signing secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewWebhook {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// The key of the `Gongbang-Signature` HMAC. Shown only now: keep it.
    pub secret: String,
}

/// Registers a webhook endpoint for the signed-in workshop. From now on every ticket
/// event of the workshop is posted to it as JSON `{id, kind, order_id, ticket, payload,
/// at}` with the headers `Gongbang-Event-Id: <id>` and `Gongbang-Signature:
/// t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. Any 2xx answer
/// within 10 s counts as delivered; otherwise the delivery is retried with exponential
/// backoff (10 s doubling, at most 1 h apart, 15 attempts). Delivery is at least once:
/// deduplicate by event id.
#[utoipa::path(post, path = "/api/v1/workshop/webhooks", tag = "workshop", security(("staff_session" = [])),
    request_body = WebhookRequest,
    responses((status = 201, body = NewWebhook), (status = 401, body = crate::error::Problem),
              (status = 403, body = crate::error::Problem),
              (status = 409, description = "The workshop already has 10 endpoints", body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
pub(super) async fn create_webhook(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<WebhookRequest>,
) -> ApiResult<(StatusCode, Json<NewWebhook>)> {
    let workshop = staff.workshop()?;
    let url = checked_url(&request.url)?;
    if db::webhooks::count_active(&state.db, workshop).await? >= MAX_ENDPOINTS {
        return Err(ApiError::Conflict {
            kind: "too-many-webhooks",
            detail: format!(
                "a workshop may have {MAX_ENDPOINTS} webhook endpoints; delete one first"
            ),
            extensions: Default::default(),
        });
    }
    let secret = crate::webhooks::new_secret();
    let endpoint =
        db::webhooks::create_endpoint(&state.db, workshop, &url, &secret, state.clock.now())
            .await?;
    let created = NewWebhook {
        webhook: view(&endpoint),
        secret,
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// The signed-in workshop's active webhook endpoints (without their secrets).
#[utoipa::path(get, path = "/api/v1/workshop/webhooks", tag = "workshop", security(("staff_session" = [])),
    responses((status = 200, body = [WebhookView]), (status = 401, body = crate::error::Problem),
              (status = 403, body = crate::error::Problem)))]
pub(super) async fn list_webhooks(state: State, staff: Staff) -> ApiResult<Json<Vec<WebhookView>>> {
    let workshop = staff.workshop()?;
    let endpoints = db::webhooks::active_endpoints(&state.db, workshop).await?;
    Ok(Json(endpoints.iter().map(view).collect()))
}

/// Deactivates an endpoint: nothing more is sent to it, including deliveries still
/// waiting for a retry.
#[utoipa::path(delete, path = "/api/v1/workshop/webhooks/{id}", tag = "workshop", security(("staff_session" = [])),
    params(("id" = i32, Path)),
    responses((status = 204, description = "Deactivated"), (status = 401, body = crate::error::Problem),
              (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)))]
pub(super) async fn delete_webhook(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let workshop = staff.workshop()?;
    let id: i32 = id.parse().map_err(|_| ApiError::NotFound("webhook"))?;
    if db::webhooks::deactivate(&state.db, workshop, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound("webhook"))
    }
}

/// The URL as it will be stored, or a 422 about `/url`.
fn checked_url(text: &str) -> ApiResult<String> {
    let invalid = |detail: &str| ApiError::invalid("invalid-field", "/url", detail);
    if text.chars().count() > MAX_URL_LEN {
        return Err(invalid("a webhook URL is at most 2048 characters"));
    }
    let url = reqwest::Url::parse(text.trim())
        .map_err(|e| invalid(&format!("not an absolute http or https URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("a webhook URL starts with http:// or https://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("a webhook URL names a host"));
    }
    let url = String::from(url);
    if url.len() > MAX_URL_LEN {
        return Err(invalid("a webhook URL is at most 2048 characters"));
    }
    Ok(url)
}

fn view(endpoint: &Endpoint) -> WebhookView {
    WebhookView {
        id: endpoint.id,
        url: endpoint.url.clone(),
        created_at: endpoint.created_at.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_pass() {
        assert_eq!(
            checked_url("https://hooks.example.com/gongbang").ok(),
            Some("https://hooks.example.com/gongbang".to_owned())
        );
        assert!(checked_url("http://127.0.0.1:8000/hook?x=1").is_ok());
        for bad in [
            "",
            "hooks.example.com/x",
            "/relative",
            "ftp://example.com/x",
            "mailto:kim@example.com",
            "http://",
        ] {
            assert!(checked_url(bad).is_err(), "{bad}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert!(checked_url(&long).is_err());
    }
}
