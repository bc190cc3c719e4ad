//! The workshop's pages: the ticket queue and one ticket with its forms. They call the
//! processes the JSON API calls (`processes::fulfilment`) and show the same ticket views
//! (`wire::TicketView`), so a move from a page is the same move, recorded the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use db::catalogue::ProductRecord;
use domain::catalogue::{ProductId, WorkshopId};
use domain::language::Language;
use domain::order::{Order, OrderId};
use domain::ticket::{Ticket, TicketId, TicketStatus};

use super::error::{PageError, PageResult, PageStaff};
use super::format::{self, ConfigLine};
use super::i18n::StaffLang;
use super::layout::{self, Banner, Nav};
use crate::AppState;
use crate::auth::Staff;
use crate::error::ApiError;
use crate::extract::Negotiated;
use crate::processes::fulfilment::{
    delay_ticket, move_ticket, ticket_order, ticket_story, workshop_ticket,
};
use crate::wire::{TicketChangeView, TicketFitting, TicketView, detail_view, ticket_view};

/// One ticket with everything its pages show, in the staff's language.
pub(super) struct TicketData {
    pub record: Ticket,
    pub view: TicketView,
    pub history: Vec<TicketChangeView>,
    pub product_name: String,
    pub configuration: Vec<ConfigLine>,
    pub counter_name: String,
    pub workshop_name: String,
    /// Where its preview picture is and what it shows, when the product has a look.
    pub preview: Option<PreviewImage>,
}

/// The ticket's preview picture (served by `routes::workshop::ticket_preview`).
pub(super) struct PreviewImage {
    pub src: String,
    /// The product and its options in words, for screen readers and broken images.
    pub alt: String,
}

impl TicketData {
    /// Loads the workshop's ticket `id` (the id or the printed number); 404 when it is
    /// unknown or another workshop's.
    pub async fn load(
        state: &AppState,
        workshop: WorkshopId,
        id: &str,
        language: Language,
    ) -> PageResult<TicketData> {
        let record = workshop_ticket(state, parse_id(id)?, workshop).await?;
        let (order, history) = ticket_story(state, &record).await?;
        let detail = detail_view(&record, &order, &history)?;
        let product_id = ProductId(detail.ticket.product_id);
        let products =
            db::catalogue::products_by_id(&state.db, &BTreeSet::from([product_id])).await?;
        let product = products.get(&product_id);
        let counters = counter_names(state, language).await?;
        let product_name = product_name(product, product_id, language);
        let configuration = format::configuration(product, &detail.ticket.options, language);
        let preview = product.and_then(|p| p.look.as_ref()).map(|_| PreviewImage {
            src: format!(
                "/api/v1/workshop/tickets/{}/preview.png",
                detail.ticket.number
            ),
            alt: preview_alt(&product_name, &configuration),
        });
        Ok(TicketData {
            preview,
            product_name,
            configuration,
            counter_name: counter_name(&counters, detail.ticket.counter_id),
            workshop_name: workshop_name(state, workshop, language).await?,
            history: detail.history,
            view: detail.ticket,
            record,
        })
    }

    /// The path of its page: `/workshop/tickets/T000042`.
    pub fn path(&self) -> String {
        format!("/workshop/tickets/{}", self.view.number)
    }
}

/// `GET /workshop`: the queue, at-risk tickets first, then by due time; finished ones
/// (dispatched, received, declined, cancelled) below.
pub(super) async fn queue(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
) -> PageResult<Markup> {
    let workshop = staff.workshop()?;
    let tickets = db::tickets::for_workshop(&state.db, workshop).await?;
    let mut orders: BTreeMap<OrderId, Order> = BTreeMap::new();
    let mut views = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        if !orders.contains_key(&ticket.order_id) {
            let order = ticket_order(&state, ticket).await?;
            orders.insert(ticket.order_id.clone(), order);
        }
        views.push((ticket, ticket_view(ticket, &orders[&ticket.order_id])?));
    }
    let product_ids: BTreeSet<ProductId> =
        views.iter().map(|(_, v)| ProductId(v.product_id)).collect();
    let products = db::catalogue::products_by_id(&state.db, &product_ids).await?;
    let counters = counter_names(&state, language).await?;
    let now = state.clock.now();
    let rows: Vec<QueueRow> = views
        .iter()
        .map(|(ticket, view)| {
            let product_id = ProductId(view.product_id);
            QueueRow {
                number: view.number.clone(),
                product: product_name(products.get(&product_id), product_id, language),
                quantity: view.quantity,
                status: ticket.status,
                due: format::seoul(ticket.due_at),
                due_in: format::relative(ticket.due_at, now),
                overdue: ticket.due_at < now,
                counter: counter_name(&counters, view.counter_id),
                at_risk: ticket.at_risk,
            }
        })
        .collect();
    let (open, finished): (Vec<&QueueRow>, Vec<&QueueRow>) =
        rows.iter().partition(|row| !finished_status(row.status));
    let at_risk = open.iter().filter(|row| row.at_risk).count();
    let name = workshop_name(&state, workshop, language).await?;
    let nav = Nav::workshop(&staff.0.email, &name, "/workshop");
    let body = html! {
        h1 { "Ticket queue" }
        p.muted {
            (open.len()) " open" @if at_risk > 0 { ", " strong style="color:var(--risk)" { (at_risk) " at risk" } }
            " · due times in Seoul time"
        }
        @if open.is_empty() {
            p.card.empty { "No open tickets. New ones appear here when orders are confirmed." }
        } @else {
            (queue_table(&open, language))
        }
        @if !finished.is_empty() {
            h2 { "Finished" }
            (queue_table(&finished, language))
        }
    };
    Ok(layout::page(
        StaffLang::En,
        "/workshop",
        "Ticket queue",
        Some(&nav),
        body,
    ))
}

struct QueueRow {
    number: String,
    product: String,
    quantity: u16,
    status: TicketStatus,
    due: String,
    due_in: String,
    overdue: bool,
    counter: String,
    at_risk: bool,
}

fn queue_table(rows: &[&QueueRow], language: Language) -> Markup {
    html! {
        table.queue {
            thead { tr { th { "Ticket" } th { "Product" } th { "Qty" } th { "Status" } th { "Due" } th { "Counter" } } }
            tbody {
                @for row in rows {
                    tr class=[row.at_risk.then_some("risk")] {
                        td.c-ticket data-label="Ticket" {
                            a.num href={ "/workshop/tickets/" (row.number) } { (row.number) }
                            @if row.at_risk { " " span.badge.risk { "At risk" } }
                        }
                        td.c-product data-label="Product" lang=(language.code()) {
                            a href={ "/workshop/tickets/" (row.number) } { (row.product) }
                        }
                        td.c-qty data-label="Qty" { (row.quantity) }
                        td.c-status data-label="Status" { (status_badge(row.status)) }
                        td.c-due data-label="Due" {
                            span { (row.due) br; span.small.muted style=[row.overdue.then_some("color:var(--risk)")] { (row.due_in) } }
                        }
                        td.c-counter data-label="To" { (row.counter) }
                    }
                }
            }
        }
    }
}

fn finished_status(status: TicketStatus) -> bool {
    matches!(
        status,
        TicketStatus::Dispatched
            | TicketStatus::Received
            | TicketStatus::Declined
            | TicketStatus::Cancelled
    )
}

/// A status as a coloured badge.
pub(super) fn status_badge(status: TicketStatus) -> Markup {
    html! { span class={ "badge s-" (status.code()) } { (format::status(status)) } }
}

/// What a page's redirect after a successful form says.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Done {
    moved: Option<String>,
    delayed: Option<u16>,
}

/// `GET /workshop/tickets/{id}`: one ticket with its forms.
pub(super) async fn ticket(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(id): Path<String>,
    done: Result<Query<Done>, QueryRejection>,
) -> PageResult<Markup> {
    let workshop = staff.workshop()?;
    let data = TicketData::load(&state, workshop, &id, language).await?;
    let done = done.map(|Query(done)| done).unwrap_or_default();
    let banner = if let Some(status) = done.moved.as_deref().and_then(|s| s.parse().ok()) {
        Some(Banner::Ok(format!(
            "Moved to “{}”.",
            format::status(status)
        )))
    } else {
        done.delayed.map(|days| {
            Banner::Ok(format!(
                "Delay of {days} working day(s) recorded; the due time below is the new one."
            ))
        })
    };
    Ok(ticket_page(
        &state,
        &staff,
        &data,
        banner.as_ref(),
        language,
    ))
}

/// The status form's fields.
#[derive(Debug, Deserialize)]
pub(super) struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

/// `POST /workshop/tickets/{id}/status`: moves the ticket like the API does, then back
/// to the ticket page (303); a move that is not allowed shows the ticket page again with
/// the reason.
pub(super) async fn change_status(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(id): Path<String>,
    form: Result<Form<StatusForm>, FormRejection>,
) -> PageResult<Response> {
    let workshop = staff.workshop()?;
    let ticket = workshop_ticket(&state, parse_id(&id)?, workshop).await?;
    let Form(form) = form.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let moved = match form.status.parse::<TicketStatus>() {
        Ok(to) => move_ticket(
            &state,
            ticket.id,
            workshop,
            to,
            &staff.actor(),
            form.note.trim(),
        )
        .await
        .map(|_| to),
        Err(error) => Err(ApiError::from_domain(error, "/status")),
    };
    match moved {
        Ok(to) => {
            let number = ticket.id.number();
            let target = format!("/workshop/tickets/{number}?moved={}", to.code());
            Ok(Redirect::to(&target).into_response())
        }
        Err(error) => refused(&state, &staff, workshop, &id, language, error).await,
    }
}

/// The delay form's fields.
#[derive(Debug, Deserialize)]
pub(super) struct DelayForm {
    #[serde(default)]
    working_days: String,
    #[serde(default)]
    note: String,
}

/// `POST /workshop/tickets/{id}/delay`: reports a delay like the API does, then back to
/// the ticket page (303); a refused delay shows the ticket page again with the reason.
pub(super) async fn report_delay(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(id): Path<String>,
    form: Result<Form<DelayForm>, FormRejection>,
) -> PageResult<Response> {
    let workshop = staff.workshop()?;
    let ticket = workshop_ticket(&state, parse_id(&id)?, workshop).await?;
    let Form(form) = form.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let days = form
        .working_days
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|d| (1..=30).contains(d));
    let delayed = match days {
        Some(days) => delay_ticket(
            &state,
            ticket.id,
            workshop,
            days,
            &staff.actor(),
            form.note.trim(),
        )
        .await
        .map(|_| days),
        None => Err(ApiError::invalid(
            "invalid-field",
            "/working_days",
            "a delay is 1 to 30 working days",
        )),
    };
    match delayed {
        Ok(days) => {
            let number = ticket.id.number();
            let target = format!("/workshop/tickets/{number}?delayed={days}");
            Ok(Redirect::to(&target).into_response())
        }
        Err(error) => refused(&state, &staff, workshop, &id, language, error).await,
    }
}

/// A refused move or delay: the ticket page again with the problem's message and status
/// (409, 422); anything else is an error page.
async fn refused(
    state: &AppState,
    staff: &Staff,
    workshop: WorkshopId,
    id: &str,
    language: Language,
    error: ApiError,
) -> PageResult<Response> {
    if !matches!(error, ApiError::Conflict { .. } | ApiError::Invalid { .. }) {
        return Err(error.into());
    }
    let problem = error.problem();
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::CONFLICT);
    let data = TicketData::load(state, workshop, id, language).await?;
    let banner = Banner::Error(format!("Not done: {}.", problem.detail));
    let page = ticket_page(state, staff, &data, Some(&banner), language);
    Ok((status, page).into_response())
}

fn ticket_page(
    state: &AppState,
    staff: &Staff,
    data: &TicketData,
    banner: Option<&Banner>,
    language: Language,
) -> Markup {
    let now = state.clock.now();
    let view = &data.view;
    let status = data.record.status;
    let path = data.path();
    let nav = Nav::workshop(&staff.0.email, &data.workshop_name, "/workshop");
    let body = html! {
        p.no-print.small { a href="/workshop" { "← Queue" } }
        h1 {
            (view.number) " " (status_badge(status))
            @if view.at_risk { " " span.badge.risk { "At risk" } }
        }
        p.lead { span lang=(language.code()) { (data.product_name) } " × " (view.quantity) }
        (layout::banner(banner))
        @if view.at_risk {
            p.banner.error { "This order may miss the traveller's pickup deadline. Tell the operator if it cannot be made faster." }
        }
        div.grid2 {
            section.card {
                h2 { "Due" }
                dl.facts {
                    dt { "Leaves the workshop by" }
                    dd { (format::seoul(view.due_at.0)) br; span.small.muted { (format::relative(view.due_at.0, now)) } }
                    dt { "Counter" } dd { (data.counter_name) }
                    dt { "Pickup deadline" } dd { (format::seoul(view.pickup_deadline.0)) }
                    dt { "Order" } dd.small { code { (view.order_id) } }
                }
            }
            section.card {
                h2 { "Next step" }
                @let allowed = status.next_for_workshop();
                @if allowed.is_empty() {
                    p.empty { "Nothing more for the workshop to do on this ticket." }
                }
                div.actions {
                    @for to in allowed {
                        form.inline method="post" action={ (path) "/status" } {
                            input type="hidden" name="status" value=(to.code());
                            input type="text" name="note" maxlength="500"
                                placeholder=(if *to == TicketStatus::Declined { "Reason (optional)" } else { "Note (optional)" })
                                aria-label={ "Note for " (format::action(status, *to)) };
                            button type="submit" class=[(*to == TicketStatus::Declined).then_some("danger")] {
                                (format::action(status, *to))
                            }
                        }
                    }
                }
                @if format::can_delay(status) {
                    details.no-print style="margin-top:.75rem" {
                        summary { "Report a delay" }
                        form method="post" action={ (path) "/delay" } {
                            label for="working_days" { "Working days late" }
                            input #working_days type="number" name="working_days" min="1" max="30" value="1" required inputmode="numeric";
                            label for="delay_note" { "Why" }
                            input #delay_note type="text" name="note" maxlength="500" placeholder="e.g. the fabric arrives late";
                            p { button type="submit" { "Report delay" } }
                        }
                    }
                }
                p.no-print style="margin-top:.75rem" {
                    a.button.secondary href={ (path) "/print?format=a4" } { "Print A4" } " "
                    a.button.secondary href={ (path) "/print?format=label" } { "Print label" }
                }
            }
        }
        section.card {
            h2 { "Configuration" }
            @if data.configuration.is_empty() {
                p.empty { "No options: the product as it comes." }
            } @else {
                dl.facts lang=(language.code()) {
                    @for line in &data.configuration { dt { (line.group) } dd { (line.value) } }
                }
            }
        }
        div.grid2 {
            section.card {
                h2 { "Measurements" }
                (fitting(view.fitting.as_ref()))
            }
            section.card {
                h2 { "Preview" }
                (preview_image(data.preview.as_ref()))
            }
        }
        section.card {
            h2 { "Notes" }
            @if view.notes.trim().is_empty() { p.empty { "No notes." } } @else { p style="white-space:pre-wrap" { (view.notes) } }
        }
        section.card {
            h2 { "History" }
            ol.history {
                @for change in data.history.iter().rev() {
                    li {
                        strong {
                            @match change.from {
                                Some(from) if from == change.to => {
                                    "Re-planned, still " (format::status_code(from).to_lowercase())
                                }
                                Some(from) => { (format::status_code(from)) " → " (format::status_code(change.to)) }
                                None => { (format::status_code(change.to)) }
                            }
                        }
                        br;
                        span.small.muted { (format::seoul(change.at.0)) " · " (change.actor) }
                        @if !change.note.is_empty() { br; span.small { (change.note) } }
                    }
                }
            }
        }
    };
    layout::page(StaffLang::En, "/workshop", &view.number, Some(&nav), body)
}

/// What the item is made to: the measurements with unit and source, the recommended base
/// size with its confidence, and the made-to-measure adjustments.
pub(super) fn fitting(fitting: Option<&TicketFitting>) -> Markup {
    let Some(fitting) = fitting else {
        return html! { p.empty { "No measurements: the item was ordered without a fitting." } };
    };
    let compared = if fitting.compared_with == "reference_garment" {
        "measured on a garment that fits, laid flat (chest, waist and hip are half the girth)"
    } else {
        "body measurements"
    };
    let confidence = (fitting.confidence * 100.0).round();
    html! {
        p.fitting-size {
            "Recommended base size " strong { (fitting.size) }
            @if let Some(next) = &fitting.runner_up { " (next best " (next) ")" }
            " · confidence " (confidence) " %"
        }
        p.small.muted { (compared) " · " (fitting.fit) " fit" }
        table.measurements {
            thead { tr { th { "Point" } th { "Measured" } th { "Source" } } }
            tbody {
                @for m in &fitting.measurements {
                    tr {
                        td { (format::point(&m.point)) }
                        td { (format!("{:.1}", m.value)) " " (m.unit) }
                        td { (format::source(m.source)) }
                    }
                }
            }
        }
        h3 { "Made-to-measure adjustments" }
        @if fitting.adjustments.is_empty() {
            p.empty { "None: cut the base size as it is." }
        } @else {
            ul.adjustments {
                @for a in &fitting.adjustments {
                    li { (format::point(&a.point)) " " strong { (format::alteration(a.delta_cm)) } }
                }
            }
        }
        @for advice in fitting.advice.iter().filter(|a| a.code == "custom-pattern") {
            p.banner.error { (advice.text) }
        }
    }
}

/// The preview picture, or why there is none.
pub(super) fn preview_image(preview: Option<&PreviewImage>) -> Markup {
    match preview {
        Some(image) => html! {
            img.preview src=(image.src) alt=(image.alt) width="512" height="512";
        },
        None => html! { p.empty { "No preview: this product has no picture." } },
    }
}

/// `Card wallet × …: Leather colour Tan, Initials “MT”`.
fn preview_alt(product: &str, configuration: &[ConfigLine]) -> String {
    let options: Vec<String> = configuration
        .iter()
        .map(|line| format!("{} {}", line.group, line.value))
        .collect();
    if options.is_empty() {
        format!("Preview of {product}")
    } else {
        format!("Preview of {product}: {}", options.join(", "))
    }
}

/// Counter names by id, in `language`.
pub(super) async fn counter_names(
    state: &AppState,
    language: Language,
) -> PageResult<BTreeMap<i64, String>> {
    let counters = db::catalogue::counters(&state.db).await?;
    Ok(counters
        .into_iter()
        .map(|c| (c.counter.id.0, c.names.get(language).to_owned()))
        .collect())
}

fn counter_name(names: &BTreeMap<i64, String>, id: i32) -> String {
    names
        .get(&i64::from(id))
        .cloned()
        .unwrap_or_else(|| format!("counter {id}"))
}

fn product_name(product: Option<&ProductRecord>, id: ProductId, language: Language) -> String {
    product.map_or_else(
        || format!("product {}", id.0),
        |p| p.names.get(language).to_owned(),
    )
}

/// The workshop's name in `language`.
pub(super) async fn workshop_name(
    state: &AppState,
    workshop: WorkshopId,
    language: Language,
) -> PageResult<String> {
    let workshops = db::catalogue::workshops(&state.db).await?;
    Ok(workshops
        .iter()
        .find(|w| w.workshop.id == workshop)
        .map_or_else(
            || format!("workshop {}", workshop.0),
            |w| w.names.get(language).to_owned(),
        ))
}

/// A ticket id from the path (`42` or the printed `T000042`); anything else is 404.
fn parse_id(text: &str) -> PageResult<TicketId> {
    TicketId::parse_number(text).ok_or(PageError::Api(ApiError::NotFound("ticket")))
}
