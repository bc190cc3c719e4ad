//! `fake-stripe`: the local fake of Stripe's API as a process of its own, delivering
//! signed webhook events to the servers it is told about and steered over HTTP under
//! `/_fake` (see `fake_stripe::run_process`). Used by the chaos harness (`scripts/chaos`).
//!
//! ```sh
//! fake-stripe --addr 127.0.0.1:12111 \
//!   --webhook-url http://127.0.0.1:8080/api/v1/payments/stripe/webhook
//! ```

use std::net::SocketAddr;

use clap::Parser;

/// A local fake of Stripe's API that delivers webhooks.
#[derive(Debug, Parser)]
#[command(name = "fake-stripe")]
struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:12111")]
    addr: SocketAddr,
    /// Where webhook events are posted; give it once per server (deliveries take turns
    /// when one does not answer 2xx).
    #[arg(long = "webhook-url")]
    webhook_urls: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<(), fake_stripe::Error> {
    let cli = Cli::parse();
    fake_stripe::run_process(cli.addr, cli.webhook_urls).await
}
