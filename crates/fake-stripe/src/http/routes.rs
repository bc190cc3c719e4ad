//! The dispatch table: every endpoint the fake serves, named by method and path (`{id}`
//! where an object's id goes), with the parameters it accepts and what runs it: a
//! resource's function, or the ledger's retrieve of a stored object.

use axum::http::Method;
use serde_json::Value;

use crate::error::Error;
use crate::fixtures::Fixtures;
use crate::resources::request::Call;
use crate::resources::{customers, payment_intents, refunds};
use crate::state::{Kind, Ledger};

/// The parameters every retrieve accepts.
const RETRIEVE_PARAMS: &[&str] = &["expand", "client_secret"];

/// A resource's endpoint.
type Run = fn(&mut Ledger, &Call<'_>) -> Result<Value, Error>;

/// One endpoint.
pub(super) struct Route {
    /// E.g. `POST /v1/payment_intents/{id}/cancel`.
    pub(super) name: &'static str,
    /// The parameters it accepts (others are `parameter_unknown`, as on Stripe).
    params: &'static [&'static str],
    action: Action,
}

enum Action {
    Run(Run),
    /// Answer the stored object of this kind named in the path.
    Retrieve(Kind),
}

static ROUTES: [Route; 8] = [
    endpoint(
        "POST /v1/customers",
        customers::CREATE_PARAMS,
        customers::create,
    ),
    retrieve("GET /v1/customers/{id}", Kind::Customer),
    endpoint(
        "POST /v1/payment_intents",
        payment_intents::CREATE_PARAMS,
        payment_intents::create,
    ),
    retrieve("GET /v1/payment_intents/{id}", Kind::PaymentIntent),
    endpoint(
        "POST /v1/payment_intents/{id}/cancel",
        payment_intents::CANCEL_PARAMS,
        payment_intents::cancel,
    ),
    endpoint(
        "POST /v1/payment_intents/{id}/confirm",
        payment_intents::CONFIRM_PARAMS,
        payment_intents::confirm,
    ),
    endpoint("POST /v1/refunds", refunds::CREATE_PARAMS, refunds::create),
    retrieve("GET /v1/refunds/{id}", Kind::Refund),
];

const fn endpoint(name: &'static str, params: &'static [&'static str], run: Run) -> Route {
    Route {
        name,
        params,
        action: Action::Run(run),
    }
}

const fn retrieve(name: &'static str, kind: Kind) -> Route {
    Route {
        name,
        params: RETRIEVE_PARAMS,
        action: Action::Retrieve(kind),
    }
}

/// The route a request is for, with the object id in its path ("" when it names none).
pub(super) fn find(method: &Method, path: &str) -> Option<(&'static Route, String)> {
    let segments: Vec<&str> = path.strip_prefix("/v1/")?.split('/').collect();
    if segments.contains(&"") {
        return None;
    }
    ROUTES
        .iter()
        .find_map(|route| Some((route, route.id_in(method, &segments)?)))
}

impl Route {
    /// The object id in `segments` ("" when the route names none), if the route serves
    /// `method` on them.
    fn id_in(&self, method: &Method, segments: &[&str]) -> Option<String> {
        let (verb, path) = self.name.split_once(" /v1/")?;
        let pattern: Vec<&str> = path.split('/').collect();
        if verb != method.as_str() || pattern.len() != segments.len() {
            return None;
        }
        let mut id = "";
        for (want, got) in pattern.iter().zip(segments) {
            match *want {
                "{id}" => id = got,
                literal if literal == *got => {}
                _ => return None,
            }
        }
        Some(id.to_owned())
    }

    /// Runs the endpoint on the object `id` (or "") with `params`, refusing parameters it
    /// does not accept.
    pub(super) fn run(
        &self,
        ledger: &mut Ledger,
        fixtures: &Fixtures,
        id: &str,
        params: &Value,
    ) -> Result<Value, Error> {
        if let Value::Object(given) = params
            && let Some(unknown) = given
                .keys()
                .find(|key| !self.params.contains(&key.as_str()))
        {
            return Err(Error::UnknownParameter {
                name: unknown.clone(),
            });
        }
        match self.action {
            Action::Run(run) => run(
                ledger,
                &Call {
                    fixtures,
                    id,
                    params,
                },
            ),
            Action::Retrieve(kind) => ledger.retrieve(kind, id),
        }
    }
}
