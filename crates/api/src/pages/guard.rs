//! The check every page POST passes first: it comes from a page of this site.

use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::PageError;

/// Refuses a POST whose `Origin` (or, without one, `Referer`) is not this host: a form
/// on another site cannot sign in, sign out or move tickets, even where a browser would
/// send the cookie.
pub(super) async fn same_origin_posts(request: Request, next: Next) -> Response {
    if request.method() == Method::POST {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .or_else(|| request.uri().authority().map(|a| a.as_str()));
        if !comes_from(request.headers(), host) {
            tracing::info!(uri = %request.uri(), "refused a cross-site page POST");
            return PageError::CrossSite.into_response();
        }
    }
    next.run(request).await
}

/// Whether the request's `Origin`, else its `Referer`, names `host`.
fn comes_from(headers: &HeaderMap, host: Option<&str>) -> bool {
    let Some(host) = host else {
        return false;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    source
        .and_then(authority_of)
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

/// `host[:port]` of an absolute URL (`https://host:port/path?query`).
fn authority_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    // Credentials in a URL are never ours.
    (!authority.is_empty() && !authority.contains('@')).then_some(authority)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                name.clone(),
                HeaderValue::from_str(value).unwrap_or_else(|_| unreachable!()),
            );
        }
        map
    }

    #[test]
    fn origin_must_name_the_host() {
        let host = Some("127.0.0.1:8080");
        let ok = headers(&[(header::ORIGIN, "http://127.0.0.1:8080")]);
        assert!(comes_from(&ok, host));
        let other = headers(&[(header::ORIGIN, "http://evil.example")]);
        assert!(!comes_from(&other, host));
        let port = headers(&[(header::ORIGIN, "http://127.0.0.1:9090")]);
        assert!(!comes_from(&port, host));
        let null = headers(&[(header::ORIGIN, "null")]);
        assert!(!comes_from(&null, host));
        assert!(!comes_from(&HeaderMap::new(), host));
        assert!(!comes_from(&ok, None));
    }

    #[test]
    fn referer_counts_only_without_origin() {
        let host = Some("shop.example");
        let referer = headers(&[(
            header::REFERER,
            "https://shop.example/workshop/tickets/4?x=1",
        )]);
        assert!(comes_from(&referer, host));
        let both = headers(&[
            (header::ORIGIN, "https://evil.example"),
            (header::REFERER, "https://shop.example/workshop"),
        ]);
        assert!(!comes_from(&both, host));
        let tricky = headers(&[(header::REFERER, "https://shop.example@evil.example/")]);
        assert!(!comes_from(&tricky, host));
        let scheme = headers(&[(header::REFERER, "javascript://shop.example/")]);
        assert!(!comes_from(&scheme, host));
    }
}
