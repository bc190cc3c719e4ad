//! The counter's pages: what is coming from the workshops (with a form to receive goods
//! by typing or scanning ticket numbers), the pickups due today and tomorrow, the
//! look-up by pickup code, and at pickup the identity check, the handover of all or some
//! items with the balance and the tax refund, and the no-show. They call the counter's
//! process (`processes::pickup`), as the JSON API does, so every rule (the identity
//! check, the look-up limit, the refund) is the same.

use std::sync::Arc;

use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

use domain::language::Language;
use domain::money::Krw;
use domain::order::OrderStatus;
use domain::ticket::TicketStatus;

use super::error::{PageError, PageResult, PageStaff};
use super::format;
use super::i18n::StaffLang;
use super::layout::{self, Banner, Nav};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::Negotiated;
use crate::processes::pickup;
use crate::wire::{
    DueOrder, HandoverRequest, IncomingTicket, PickupItem, PickupView, ReceiptResponse, TicketRef,
};

/// The counter's navigation.
fn nav(staff: &Staff, counter: &str) -> Nav {
    Nav {
        who: format!("{} · {counter}", staff.0.email),
        links: vec![("/counter", "Counter")],
        current: "/counter",
    }
}

/// A counter process's answer as a page result: `Ok` for the answer, `Err(Ok(banner,
/// status))` for a refusal to show on the page, `Err(Err(_))` for an error page.
type Answer<T> = Result<T, Result<(Banner, StatusCode), PageError>>;

fn answer<T>(result: ApiResult<T>) -> Answer<T> {
    match result {
        Ok(value) => Ok(value),
        Err(error @ (ApiError::Invalid { .. } | ApiError::Conflict { .. } | ApiError::Busy(_))) => {
            let problem = error.problem();
            let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::CONFLICT);
            Err(Ok((
                Banner::Error(format!("Not done: {}.", problem.detail)),
                status,
            )))
        }
        Err(error) => Err(Err(error.into())),
    }
}

async fn counter_name(state: &AppState, staff: &Staff, language: Language) -> PageResult<String> {
    let counter = staff.counter()?;
    let counters = db::catalogue::counters(&state.db).await?;
    Ok(counters
        .iter()
        .find(|c| c.counter.id == counter)
        .map_or_else(
            || format!("counter {}", counter.0),
            |c| c.names.get(language).to_owned(),
        ))
}

/// `GET /counter`: look-up, receiving, and the lists of the day.
pub(super) async fn home(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
) -> PageResult<Markup> {
    staff.counter()?;
    home_page(&state, &staff, language, None, None).await
}

/// The receiving form's field.
#[derive(Debug, Deserialize)]
pub(super) struct ReceiveForm {
    #[serde(default)]
    tickets: String,
}

/// `POST /counter/receipts`: receives the tickets typed or scanned (one per line, or
/// separated by spaces or commas) and shows the counter page with what happened to each.
pub(super) async fn receive(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    form: Result<Form<ReceiveForm>, FormRejection>,
) -> PageResult<Response> {
    staff.counter()?;
    let Form(form) = form.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let ticket_ids: Vec<TicketRef> = form
        .tickets
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|t| !t.is_empty())
        .map(|t| TicketRef::Number(t.to_owned()))
        .collect();
    if ticket_ids.is_empty() {
        let banner = Banner::Error("Type or scan at least one ticket number.".into());
        let page = home_page(&state, &staff, language, Some(&banner), None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let result = pickup::receive(&state, &staff, &ticket_ids).await;
    match answer(result) {
        Ok(receipt) => {
            let banner = if receipt.refused == 0 {
                Banner::Ok(format!("Received {} item(s).", receipt.received))
            } else {
                Banner::Error(format!(
                    "Received {}, refused {}: see below.",
                    receipt.received, receipt.refused
                ))
            };
            let page = home_page(&state, &staff, language, Some(&banner), Some(&receipt)).await?;
            Ok(page.into_response())
        }
        Err(Ok((banner, status))) => {
            let page = home_page(&state, &staff, language, Some(&banner), None).await?;
            Ok((status, page).into_response())
        }
        Err(Err(error)) => Err(error),
    }
}

async fn home_page(
    state: &Arc<AppState>,
    staff: &Staff,
    language: Language,
    banner: Option<&Banner>,
    receipt: Option<&ReceiptResponse>,
) -> PageResult<Markup> {
    let name = counter_name(state, staff, language).await?;
    let incoming = pickup::list_incoming(state, staff, language).await?;
    let mut due = Vec::new();
    for day in ["today", "tomorrow"] {
        let orders = pickup::list_due(state, staff, Some(day), language).await?;
        due.push((day, orders));
    }
    let now = state.clock.now();
    let body = html! {
        h1 { (name) }
        (layout::banner(banner))
        @if let Some(receipt) = receipt {
            @if !receipt.results.is_empty() {
                section.card {
                    h2 { "Just received" }
                    ul.plain {
                        @for result in &receipt.results {
                            li {
                                @if result.was_received() { span.badge.s-received { "Received" } }
                                @else { span.badge.risk { "Refused" } }
                                " " (result.detail)
                            }
                        }
                    }
                }
            }
        }
        div.grid2 {
            section.card {
                h2 { "Pickup" }
                form method="get" action="/counter/pickups" {
                    label for="code" { "Pickup code" }
                    input #code name="code" required autocomplete="off" autocapitalize="characters"
                        spellcheck="false" placeholder="XXXX-XXXX-X";
                    p { button type="submit" { "Look up" } }
                }
            }
            section.card {
                h2 { "Receive goods" }
                form method="post" action="/counter/receipts" {
                    label for="tickets" { "Ticket numbers (type or scan, one per line)" }
                    textarea #tickets name="tickets" rows="3" required autocomplete="off"
                        autocapitalize="characters" spellcheck="false" placeholder="T000042" {}
                    p { button type="submit" { "Receive" } }
                }
            }
        }
        section.card {
            h2 { "Coming from the workshops (" (incoming.len()) ")" }
            @if incoming.is_empty() {
                p.empty { "Nothing is on its way." }
            } @else {
                (incoming_table(&incoming, now, language))
            }
        }
        @for (day, orders) in &due {
            section.card {
                h2 { "Pickups due " (day) " (" (orders.len()) ")" }
                @if orders.is_empty() {
                    p.empty { "No pickups due " (day) "." }
                } @else {
                    (due_list(orders, language))
                }
            }
        }
    };
    Ok(layout::page(
        StaffLang::En,
        "/counter",
        "Counter",
        Some(&nav(staff, &name)),
        body,
    ))
}

fn incoming_table(tickets: &[IncomingTicket], now: OffsetDateTime, language: Language) -> Markup {
    html! {
        table.queue {
            thead { tr { th { "Ticket" } th { "Product" } th { "Qty" } th { "Traveller" } th { "Pickup deadline" } } }
            tbody {
                @for ticket in tickets {
                    tr {
                        td.c-ticket data-label="Ticket" { strong { (ticket.ticket) } }
                        td.c-status data-label="Status" { (super::workshop::status_badge(TicketStatus::Dispatched)) }
                        td.c-product data-label="Product" lang=(language.code()) { (ticket.product_name) }
                        td.c-qty data-label="Qty" { (ticket.quantity) }
                        td.c-due data-label="Traveller" { (ticket.traveller_name) }
                        td.c-counter data-label="Deadline" {
                            span { (format::seoul(ticket.pickup_deadline.0)) " · " span.small.muted { (format::relative(ticket.pickup_deadline.0, now)) } }
                        }
                    }
                }
            }
        }
    }
}

fn due_list(orders: &[DueOrder], language: Language) -> Markup {
    html! {
        ul.plain {
            @for order in orders {
                li {
                    strong { (order.traveller_name) } " · until " (format::seoul(order.pickup_deadline.0))
                    br;
                    span.small {
                        (order.items_at_counter) " at the counter, " (order.items_on_the_way) " on the way"
                        @if order.items_elsewhere > 0 { ", " strong style="color:var(--risk)" { (order.items_elsewhere) " still at the workshop" } }
                    }
                    br;
                    span.small.muted lang=(language.code()) {
                        @for (i, item) in order.items.iter().enumerate() {
                            @if i > 0 { "; " }
                            (item.product_name) " × " (item.quantity)
                            @if let Some(ticket) = &item.ticket { " (" (ticket) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// `?code=…` of the look-up form.
#[derive(Debug, Default, Deserialize)]
pub(super) struct CodeQuery {
    #[serde(default)]
    code: String,
}

/// `GET /counter/pickups?code=…`: the look-up form goes to the pickup's page.
pub(super) async fn find(
    PageStaff(staff): PageStaff,
    query: Result<Query<CodeQuery>, QueryRejection>,
) -> PageResult<Response> {
    staff.counter()?;
    let Query(query) = query.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let code: String = query
        .code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_uppercase();
    if code.is_empty() {
        return Ok(Redirect::to("/counter").into_response());
    }
    Ok(Redirect::to(&format!("/counter/pickups/{code}")).into_response())
}

/// What the redirect after a handover or a no-show says.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PickupDone {
    handover: Option<i32>,
    no_show: Option<u8>,
}

/// `GET /counter/pickups/{code}`: the order at pickup (a look-up, counted like the API's).
pub(super) async fn pickup(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(code): Path<String>,
    done: Result<Query<PickupDone>, QueryRejection>,
) -> PageResult<Response> {
    staff.counter()?;
    let done = done.map(|Query(done)| done).unwrap_or_default();
    let view = match answer(pickup::lookup(&state, &staff, &code, language).await) {
        Ok(view) => view,
        Err(Ok((banner, status))) => {
            let name = counter_name(&state, &staff, language).await?;
            let body = html! { h1 { "Pickup" } (layout::banner(Some(&banner))) p { a href="/counter" { "← Counter" } } };
            return Ok((
                status,
                layout::page(
                    StaffLang::En,
                    "/counter/pickups",
                    "Pickup",
                    Some(&nav(&staff, &name)),
                    body,
                ),
            )
                .into_response());
        }
        Err(Err(error)) => return Err(error),
    };
    let banner = if let Some(id) = done.handover {
        view.handovers.iter().find(|h| h.id == id).map(|h| {
            let form = view.tax_refund.form.as_deref().unwrap_or("-");
            Banner::Ok(format!(
                "Handed over {}: goods {}, tax refund {} (form {form}), balance collected {}.",
                h.tickets.join(", "),
                Krw::new(h.goods_value_krw),
                Krw::new(h.tax_refund_krw),
                Krw::new(h.balance_collected_krw),
            ))
        })
    } else {
        done.no_show
            .map(|_| Banner::Ok("Recorded as a no-show; the goods stay at the counter.".into()))
    };
    let page = pickup_page(&state, &staff, &view, &code, banner.as_ref(), language).await?;
    Ok(page.into_response())
}

/// `POST /counter/pickups/{code}/handover`: the identity check and the handover, as the
/// API does them; back to the pickup page (303), or the page again with the reason.
pub(super) async fn hand_over(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(code): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult<Response> {
    staff.counter()?;
    let Form(fields) = form.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let tickets: Vec<TicketRef> = fields
        .iter()
        .filter(|(k, _)| k == "ticket")
        .map(|(_, v)| TicketRef::Number(v.clone()))
        .collect();
    let method = Some(field("balance_method")).filter(|m| !m.is_empty());
    let refused = if tickets.is_empty() {
        Some((
            Banner::Error("Choose at least one item to hand over.".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
        ))
    } else {
        let request = HandoverRequest {
            name: field("name"),
            passport_last4: field("passport_last4"),
            ticket_ids: Some(tickets),
            balance_method: method,
        };
        let result = pickup::handover(&state, &staff, &code, &request, language).await;
        match answer(result) {
            Ok(done) => {
                let target = format!("/counter/pickups/{}?handover={}", encode(&code), done.id);
                return Ok(Redirect::to(&target).into_response());
            }
            Err(Ok(refused)) => Some(refused),
            Err(Err(error)) => return Err(error),
        }
    };
    again(&state, &staff, &code, language, refused).await
}

/// `POST /counter/pickups/{code}/no-show`: records a no-show as the API does.
pub(super) async fn no_show(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(code): Path<String>,
) -> PageResult<Response> {
    staff.counter()?;
    let result = pickup::no_show(&state, &staff, &code, language).await;
    match answer(result) {
        Ok(_) => {
            let target = format!("/counter/pickups/{}?no_show=1", encode(&code));
            Ok(Redirect::to(&target).into_response())
        }
        Err(Ok(refused)) => again(&state, &staff, &code, language, Some(refused)).await,
        Err(Err(error)) => Err(error),
    }
}

/// The pickup page again after a refused form, with the reason and its status.
async fn again(
    state: &Arc<AppState>,
    staff: &Staff,
    code: &str,
    language: Language,
    refused: Option<(Banner, StatusCode)>,
) -> PageResult<Response> {
    let (banner, status) =
        refused.unwrap_or((Banner::Error("Not done.".into()), StatusCode::CONFLICT));
    let lookup = pickup::lookup(state, staff, code, language).await;
    let view = match answer(lookup) {
        Ok(view) => view,
        Err(Ok((other, status))) => {
            let body = html! { h1 { "Pickup" } (layout::banner(Some(&banner))) (layout::banner(Some(&other))) };
            return Ok((
                status,
                layout::page(StaffLang::En, "/counter/pickups", "Pickup", None, body),
            )
                .into_response());
        }
        Err(Err(error)) => return Err(error),
    };
    let page = pickup_page(state, staff, &view, code, Some(&banner), language).await?;
    Ok((status, page).into_response())
}

/// What the pickup page's tax refund is, in the staff's language (Korean or English).
fn refund_now(language: Language) -> &'static str {
    match language {
        Language::Ko => "지금 카운터에 있는 물품을 모두 인도할 때의 즉시 환급액",
        _ => "immediate refund for handing over everything at the counter now",
    }
}

/// The language the refund's reason is written in (`TaxRefundView::detail`).
fn refund_language(language: Language) -> &'static str {
    match language {
        Language::Ko => "ko",
        _ => "en",
    }
}

/// A pickup code as a path segment (it is only letters, digits and dashes when valid).
fn encode(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

fn whereabouts(item: &PickupItem) -> (&'static str, &'static str) {
    if item.handed_over {
        ("Handed over", "badge s-received")
    } else if item.at_counter {
        ("At the counter", "badge s-ready")
    } else {
        match item.ticket_status {
            Some("dispatched") => ("On the way", "badge s-in_production"),
            Some("cancelled" | "declined") => ("Not coming", "badge s-cancelled"),
            Some(_) => ("At the workshop", "badge s-queued"),
            None => ("No ticket yet", "badge s-queued"),
        }
    }
}

async fn pickup_page(
    state: &Arc<AppState>,
    staff: &Staff,
    view: &PickupView,
    code: &str,
    banner: Option<&Banner>,
    language: Language,
) -> PageResult<Markup> {
    let name = counter_name(state, staff, language).await?;
    let path = format!("/counter/pickups/{}", encode(code));
    let here: Vec<&PickupItem> = view.items.iter().filter(|i| i.at_counter).collect();
    let status = view.status.parse::<OrderStatus>().ok();
    let can_hand_over = !here.is_empty()
        && matches!(
            status,
            Some(
                OrderStatus::InProduction
                    | OrderStatus::Ready
                    | OrderStatus::AtCounter
                    | OrderStatus::NoShow
            )
        );
    let now = state.clock.now();
    let body = html! {
        p.small { a href="/counter" { "← Counter" } }
        h1 { (view.traveller_name) " " span.badge { (view.status.replace('_', " ")) } }
        p.muted { "Pickup code " strong { (view.pickup_code) } " · check the name against the passport." }
        (layout::banner(banner))
        div.grid2 {
            section.card {
                h2 { "Items" }
                ul.plain {
                    @for item in &view.items {
                        @let (label, class) = whereabouts(item);
                        li {
                            strong lang=(language.code()) { (item.product_name) " × " (item.quantity) }
                            " " span class=(class) { (label) }
                            br;
                            span.small.muted {
                                @if let Some(ticket) = &item.ticket { (ticket) " · " }
                                (Krw::new(item.line_total_krw))
                            }
                        }
                    }
                }
            }
            section.card {
                h2 { "Money" }
                dl.facts {
                    dt { "Order total" } dd { (Krw::new(view.total_krw)) }
                    dt { "Deposit" } dd { (Krw::new(view.deposit_krw)) }
                    dt { "Balance due" } dd { strong { (Krw::new(view.balance_due_krw)) } }
                    dt { "Goods at the counter" } dd { (Krw::new(view.goods_at_counter_krw)) }
                    dt { "Tax refund (VAT)" } dd {
                        (Krw::new(view.tax_refund_krw)) br;
                        span.small.muted { (refund_now(language)) } br;
                        span.small lang=(refund_language(language)) { (view.tax_refund.detail) }
                    }
                    dt { "Pickup deadline" } dd {
                        (format::seoul(view.pickup_deadline.0)) br;
                        span.small.muted style=[view.deadline_passed.then_some("color:var(--risk)")] { (format::relative(view.pickup_deadline.0, now)) }
                    }
                }
            }
        }
        @if can_hand_over {
            section.card {
                h2 { "Hand over" }
                form method="post" action={ (path) "/handover" } {
                    fieldset.plain {
                        legend { "Items" }
                        @for item in &here {
                            @if let Some(ticket) = &item.ticket {
                                label.check {
                                    input type="checkbox" name="ticket" value=(ticket) checked;
                                    " " span lang=(language.code()) { (item.product_name) " × " (item.quantity) } " (" (ticket) ", " (Krw::new(item.line_total_krw)) ")"
                                }
                            }
                        }
                    }
                    label for="name" { "Name on the passport" }
                    input #name name="name" required autocomplete="off" spellcheck="false";
                    label for="passport_last4" { "Last four characters of the passport number" }
                    input #passport_last4 name="passport_last4" required minlength="4" maxlength="4"
                        autocomplete="off" autocapitalize="characters" spellcheck="false";
                    @if view.balance_due_krw > 0 {
                        fieldset.plain {
                            legend { "Balance of " (Krw::new(view.balance_due_krw)) " paid by" }
                            label.check { input type="radio" name="balance_method" value="card" required; " Card" }
                            label.check { input type="radio" name="balance_method" value="cash"; " Cash" }
                        }
                    }
                    p { button type="submit" { "Check identity and hand over" } }
                }
            }
        } @else if status != Some(OrderStatus::PickedUp) {
            p.card.empty { "Nothing of this order is at the counter yet." }
        }
        @if view.deadline_passed && status == Some(OrderStatus::AtCounter) {
            section.card {
                h2 { "No-show" }
                p { "The pickup deadline has passed. Record a no-show: the goods stay here for a later pickup." }
                form method="post" action={ (path) "/no-show" } {
                    button.danger type="submit" { "Record no-show" }
                }
            }
        }
        @if !view.handovers.is_empty() {
            section.card {
                h2 { "Handed over" }
                ul.plain {
                    @for h in &view.handovers {
                        li {
                            strong { (h.tickets.join(", ")) }
                            br;
                            span.small { (format::seoul(h.at.0)) " · goods " (Krw::new(h.goods_value_krw)) " · tax refund " (Krw::new(h.tax_refund_krw)) " · balance " (Krw::new(h.balance_collected_krw)) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(
        StaffLang::En,
        "/counter/pickups",
        "Pickup",
        Some(&nav(staff, &name)),
        body,
    ))
}
