//! The requests of each phase. Bodies that do not change are serialised once, before the
//! clock starts; each request only picks one and adds what must be unique.

use anyhow::{Context, bail};
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::load::Workload;

/// The demo counter trips are collected at: Incheon Airport Terminal 1, second in seed
/// order.
const COUNTER: i64 = 2;
/// Quotes are for a trip departing this many days from now (or just inside the booking
/// horizon, if that is nearer).
const QUOTE_DEPARTS_IN_DAYS: i64 = 60;
/// Orders depart this far ahead, or as far as the booking horizon allows if that is
/// nearer, so that the workshops have room for most of them.
const ORDER_DEPARTS_IN_DAYS: i64 = 300;
/// Every trip lasts this long.
const STAY_DAYS: i64 = 10;

/// The ids of every product the server offers (`GET /api/v1/products`).
pub async fn product_ids(client: &Client, base: &str) -> anyhow::Result<Vec<i64>> {
    let response = client.get(format!("{base}/api/v1/products")).send().await?;
    let status = response.status();
    if status != StatusCode::OK {
        bail!("GET /api/v1/products answered {status}");
    }
    let products: Value = response.json().await?;
    let ids: Vec<i64> = products
        .as_array()
        .context("the product list is not an array")?
        .iter()
        .filter_map(|product| product["id"].as_i64())
        .collect();
    if ids.is_empty() {
        bail!("the server has no products; is the demo catalogue loaded?");
    }
    Ok(ids)
}

/// A trip departing `days` from now (the real clock, as the server uses), but at least a
/// day inside the booking horizon the server enforces.
fn itinerary(days: i64) -> anyhow::Result<Value> {
    let horizon = i64::from(domain::itinerary::MAX_DAYS_AHEAD) - 1;
    let departure = OffsetDateTime::now_utc() + Duration::days(days.min(horizon));
    let arrival = departure - Duration::days(STAY_DAYS);
    Ok(json!({
        "arrival": arrival.format(&Rfc3339)?,
        "departure": departure.format(&Rfc3339)?,
        "counter_id": COUNTER,
    }))
}

fn item(product: i64) -> Value {
    json!([{ "product_id": product, "quantity": 1, "options": {} }])
}

/// `POST /api/v1/quotes`: one item with default options, cycling through the products.
pub struct Quotes {
    url: String,
    bodies: Vec<String>,
}

impl Quotes {
    pub fn new(base: &str, products: &[i64]) -> anyhow::Result<Self> {
        let trip = itinerary(QUOTE_DEPARTS_IN_DAYS)?;
        let bodies = products
            .iter()
            .map(|&product| json!({ "items": item(product), "itinerary": trip }).to_string())
            .collect();
        Ok(Quotes {
            url: format!("{base}/api/v1/quotes"),
            bodies,
        })
    }
}

impl Workload for Quotes {
    const SUCCESS: StatusCode = StatusCode::OK;

    fn request(&self, client: &Client, n: u64) -> RequestBuilder {
        let body = &self.bodies[n as usize % self.bodies.len()];
        client
            .post(&self.url)
            .header(CONTENT_TYPE, "application/json")
            .body(body.clone())
    }
}

/// Travellers in the four languages the API speaks.
const TRAVELLERS: [(&str, &str, &str); 4] = [
    ("Emma Wilson", "emma.wilson@example.com", "en"),
    ("Kim Minji", "minji.kim@example.kr", "ko"),
    ("Mia Tanaka", "mia.tanaka@example.jp", "ja"),
    ("Li Wei", "li.wei@example.cn", "zh"),
];

/// `POST /api/v1/orders`: one item with default options, a fresh `Idempotency-Key` each,
/// cycling through every product and every traveller.
pub struct Orders {
    url: String,
    /// One body per product × traveller, product-major.
    bodies: Vec<String>,
    products: usize,
}

impl Orders {
    pub fn new(base: &str, products: &[i64]) -> anyhow::Result<Self> {
        let trip = itinerary(ORDER_DEPARTS_IN_DAYS)?;
        let mut bodies = Vec::with_capacity(products.len() * TRAVELLERS.len());
        for &product in products {
            for (name, email, language) in TRAVELLERS {
                let traveller = json!({
                    "name": name,
                    "email": email,
                    "passport_last4": "B3NC",
                    "language": language,
                });
                let body =
                    json!({ "items": item(product), "itinerary": trip, "traveller": traveller });
                bodies.push(body.to_string());
            }
        }
        Ok(Orders {
            url: format!("{base}/api/v1/orders"),
            bodies,
            products: products.len(),
        })
    }
}

impl Workload for Orders {
    const SUCCESS: StatusCode = StatusCode::CREATED;

    fn request(&self, client: &Client, n: u64) -> RequestBuilder {
        // Consecutive requests go to different products (and so mostly to different
        // workshops); each round through the products uses the next traveller.
        let n = n as usize;
        let product = n % self.products;
        let traveller = (n / self.products) % TRAVELLERS.len();
        let body = &self.bodies[product * TRAVELLERS.len() + traveller];
        client
            .post(&self.url)
            .header(CONTENT_TYPE, "application/json")
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .body(body.clone())
    }
}

/// `POST /rows` on the baseline server: a small JSON body that becomes one row.
pub struct Rows {
    url: String,
}

impl Rows {
    pub fn new(base: &str) -> Self {
        Rows {
            url: format!("{base}/rows"),
        }
    }
}

impl Workload for Rows {
    const SUCCESS: StatusCode = StatusCode::CREATED;

    fn request(&self, client: &Client, n: u64) -> RequestBuilder {
        let body = json!({ "payload": format!("bench row {n}: one tote bag, Incheon T1") });
        client
            .post(&self.url)
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_string())
    }
}
