//! Preparing a fresh database for the storm, through the same doors people use: staff
//! accounts added with `gongbang staff add`, signed in over HTTP, the leather workshop's
//! products read from the catalogue, and the workshop's webhook registered to point at
//! the harness's receiver.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};
use rand::rngs::StdRng;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::cluster::Cluster;

/// The workshop every order of the storm goes to.
const WORKSHOP: &str = "seochon-leather";
/// The counter every order is collected at: Incheon Airport Terminal 1.
pub const COUNTER_ID: i64 = 2;
const PASSWORD: &str = "chaos harness password";

/// The people and things the storm works with.
pub struct Cast {
    /// The leather workshop's staff session.
    pub workshop_token: String,
    /// The Incheon T1 counter's staff session.
    pub counter_token: String,
    /// The leather goods that must be paid by card (the tote, made to order).
    pub card_only: Vec<i64>,
    /// The leather goods that may be paid at the counter (wallet, key holder).
    pub pay_at_counter: Vec<i64>,
}

/// Adds and signs in the staff, reads the products and registers the webhook.
pub async fn prepare(
    gongbang: &Path,
    database_url: &str,
    cluster: &Cluster,
    rng: &mut StdRng,
    webhook_url: &str,
) -> anyhow::Result<Cast> {
    let products = get(cluster, rng, "/api/v1/products").await?;
    let products = products.as_array().context("the product list")?;
    let leather: Vec<&Value> = products
        .iter()
        .filter(|p| {
            p["code"]
                .as_str()
                .is_some_and(|c| LEATHER_GOODS.contains(&c))
        })
        .collect();
    let workshop_id = leather
        .first()
        .and_then(|p| p["workshop_id"].as_i64())
        .with_context(|| format!("no products of {WORKSHOP} in the demo catalogue"))?;
    let ids = |codes: &[&str]| -> Vec<i64> {
        leather
            .iter()
            .filter(|p| p["code"].as_str().is_some_and(|c| codes.contains(&c)))
            .filter_map(|p| p["id"].as_i64())
            .collect()
    };
    let cast = Cast {
        workshop_token: staff(
            gongbang,
            database_url,
            cluster,
            rng,
            "workshop",
            workshop_id,
        )
        .await?,
        counter_token: staff(gongbang, database_url, cluster, rng, "counter", COUNTER_ID).await?,
        card_only: ids(&["leather-tote"]),
        pay_at_counter: ids(&["card-wallet", "key-holder"]),
    };
    if cast.card_only.is_empty() || cast.pay_at_counter.is_empty() {
        bail!("the demo catalogue lacks the leather tote, card wallet or key holder");
    }
    let token = cast.workshop_token.clone();
    let body = json!({ "url": webhook_url });
    let answer = cluster
        .send(rng, |client, base| {
            client
                .post(format!("{base}/api/v1/workshop/webhooks"))
                .bearer_auth(&token)
                .json(&body)
        })
        .await;
    if answer.body_if(StatusCode::CREATED).is_none() {
        bail!("registering the workshop webhook: {answer:?}");
    }
    Ok(cast)
}

/// The leather workshop's products the storm orders.
const LEATHER_GOODS: &[&str] = &["leather-tote", "card-wallet", "key-holder"];

async fn get(cluster: &Cluster, rng: &mut StdRng, path: &str) -> anyhow::Result<Value> {
    let answer = cluster
        .send(rng, |client, base| client.get(format!("{base}{path}")))
        .await;
    answer
        .body_if(StatusCode::OK)
        .cloned()
        .with_context(|| format!("GET {path}: {answer:?}"))
}

/// Adds a staff account with `gongbang staff add` and signs it in; returns the token.
async fn staff(
    gongbang: &Path,
    database_url: &str,
    cluster: &Cluster,
    rng: &mut StdRng,
    role: &str,
    place: i64,
) -> anyhow::Result<String> {
    let email = format!("chaos-{role}@gongbang.test");
    let mut child = Command::new(gongbang)
        .args(["staff", "add", "--email", &email, "--role", role])
        .args([
            "--place",
            &place.to_string(),
            "--database-url",
            database_url,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .context("running gongbang staff add")?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASSWORD}").context("giving gongbang staff add the password")?;
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("gongbang staff add --role {role} failed: {status}");
    }
    let credentials = json!({ "email": email, "password": PASSWORD });
    let answer = cluster
        .send(rng, |client, base| {
            client
                .post(format!("{base}/api/v1/staff/login"))
                .json(&credentials)
        })
        .await;
    answer
        .body_if(StatusCode::OK)
        .and_then(|body| body["token"].as_str())
        .map(str::to_owned)
        .with_context(|| format!("signing in {email}: {answer:?}"))
}
