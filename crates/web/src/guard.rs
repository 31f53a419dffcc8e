//! What every request passes through: request counting and logging (with
//! respondent tokens taken out of paths), the cross-site check on every
//! unsafe method against the configured public origin, security headers
//! (HSTS on HTTPS), and a net under handler panics (a 500 page, logged).

use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::FutureExt;
use samspill_i18n::Lang;

use crate::AppState;
use crate::error::error_page;

/// A path as it may be logged: the token of `/s/{token}/…` and any query
/// string are replaced, so no respondent link ever reaches a log.
pub fn loggable_path(path: &str) -> String {
    let path = path.split('?').next().unwrap_or("");
    match path.strip_prefix("/s/") {
        Some(rest) => match rest.split_once('/') {
            Some((_, tail)) => format!("/s/…/{tail}"),
            None => "/s/…".to_string(),
        },
        None => path.chars().take(200).collect(),
    }
}

fn is_loopback_host(origin: &str) -> bool {
    let host = origin
        .split("://")
        .nth(1)
        .unwrap_or("")
        .rsplit_once(':')
        .map(|(h, _)| h)
        .unwrap_or_else(|| origin.split("://").nth(1).unwrap_or(""));
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

fn port_of(origin: &str) -> Option<&str> {
    origin.split("://").nth(1)?.rsplit_once(':').map(|(_, p)| p)
}

/// A request is same-origin unless the browser says otherwise: a
/// `Sec-Fetch-Site` other than `same-origin`/`none`, or an `Origin` other
/// than the configured public origin (scheme, host and port). On a
/// loopback public address, any loopback origin with the same scheme and
/// port counts (`localhost` and `127.0.0.1` are the same machine).
pub fn same_origin(h: &HeaderMap, public_origin: &str) -> bool {
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin.eq_ignore_ascii_case(public_origin) {
        return true;
    }
    let scheme = |o: &str| o.split("://").next().unwrap_or("").to_ascii_lowercase();
    is_loopback_host(public_origin)
        && is_loopback_host(origin)
        && scheme(origin) == scheme(public_origin)
        && port_of(origin) == port_of(public_origin)
}

/// The middleware.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.metrics().requests.fetch_add(1, Ordering::Relaxed);
    let started = Instant::now();
    let method = req.method().clone();
    let path = loggable_path(req.uri().path());
    if !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS)
        && !same_origin(req.headers(), &state.config().public_origin())
    {
        tracing::warn!(%path, origin = ?req.headers().get(header::ORIGIN), site = ?req.headers().get("sec-fetch-site"), "cross-site request refused");
        return finish(
            &state,
            error_page(&state, Lang::Nb, StatusCode::FORBIDDEN, "web-error-csrf"),
        );
    }
    let res = match std::panic::AssertUnwindSafe(next.run(req))
        .catch_unwind()
        .await
    {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(%method, %path, panic = %what, "a request handler panicked");
            error_page(
                &state,
                Lang::Nb,
                StatusCode::INTERNAL_SERVER_ERROR,
                "web-error-internal",
            )
        }
    };
    let status = res.status();
    let ms = started.elapsed().as_millis() as u64;
    if status.is_server_error() {
        tracing::error!(%method, %path, status = status.as_u16(), ms, "request failed");
    } else {
        tracing::debug!(%method, %path, status = status.as_u16(), ms, "request");
    }
    finish(&state, res)
}

fn finish(state: &AppState, mut res: Response) -> Response {
    let h = res.headers_mut();
    // A handler may set a stricter policy of its own (a report page).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Respondent links carry the token: never send it to another site in a
    // Referer ("no-referrer" would make browsers send `Origin: null` on
    // same-site form posts, which the cross-site check refuses).
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if state.config().https() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_never_logged() {
        assert_eq!(loggable_path("/s/abcDEF123_-/contacts"), "/s/…/contacts");
        assert_eq!(loggable_path("/s/abcDEF123_-"), "/s/…");
        assert_eq!(loggable_path("/coord/rounds/3?x=1"), "/coord/rounds/3");
    }

    #[test]
    fn origin_with_scheme() {
        let h = |o: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ORIGIN, HeaderValue::from_str(o).unwrap());
            m
        };
        assert!(same_origin(
            &h("https://samspill.no"),
            "https://samspill.no"
        ));
        assert!(!same_origin(
            &h("http://samspill.no"),
            "https://samspill.no"
        ));
        assert!(!same_origin(&h("https://evil.no"), "https://samspill.no"));
        assert!(!same_origin(&h("null"), "https://samspill.no"));
        assert!(same_origin(
            &h("http://localhost:8080"),
            "http://127.0.0.1:8080"
        ));
        assert!(!same_origin(
            &h("http://localhost:9090"),
            "http://127.0.0.1:8080"
        ));
        assert!(same_origin(&HeaderMap::new(), "https://samspill.no"));
    }
}
