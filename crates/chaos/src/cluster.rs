//! Talking to the servers as travellers and staff do: each request goes to a server
//! picked at random and, when no answer comes (the server was just killed, or is still
//! starting), again to a server picked anew, a few times with short pauses.

use std::time::Duration;

use rand::Rng;
use rand::rngs::StdRng;
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::Value;

/// Tries for one request before it counts as unanswered.
const TRIES: u32 = 8;
/// The pause after an unanswered try.
const PAUSE: Duration = Duration::from_millis(150);
/// How long one try may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// What became of a request.
#[derive(Debug, Clone)]
pub enum Answer {
    /// The status and the JSON body (`Null` when there is none).
    Status(StatusCode, Value),
    /// No server answered.
    Unanswered,
}

impl Answer {
    /// The body, when the status is `want`.
    pub fn body_if(&self, want: StatusCode) -> Option<&Value> {
        match self {
            Answer::Status(status, body) if *status == want => Some(body),
            _ => None,
        }
    }

    /// Whether a server failed (5xx) or none answered: worth trying again.
    pub fn is_failure(&self) -> bool {
        match self {
            Answer::Status(status, _) => status.is_server_error(),
            Answer::Unanswered => true,
        }
    }
}

/// The servers of one database.
#[derive(Clone)]
pub struct Cluster {
    bases: Vec<String>,
    client: Client,
}

impl Cluster {
    pub fn new(bases: Vec<String>) -> anyhow::Result<Self> {
        let client = Client::builder().timeout(TIMEOUT).build()?;
        Ok(Cluster { bases, client })
    }

    /// Sends the request `build` makes for a server's base URL, trying other servers
    /// while none answers.
    pub async fn send(
        &self,
        rng: &mut StdRng,
        build: impl Fn(&Client, &str) -> RequestBuilder,
    ) -> Answer {
        for _ in 0..TRIES {
            let base = &self.bases[rng.random_range(0..self.bases.len())];
            if let Ok(response) = build(&self.client, base).send().await {
                let status = response.status();
                let body = response.json().await.unwrap_or(Value::Null);
                return Answer::Status(status, body);
            }
            tokio::time::sleep(PAUSE).await;
        }
        Answer::Unanswered
    }
}
