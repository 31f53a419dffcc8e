//! Login and logout. Passwords are checked by the store, which keeps the
//! login limits in the database (shared by every instance) and bounds the
//! number of hashes at once; sessions live in an HttpOnly SameSite=Lax
//! cookie, `Secure` on HTTPS.

use std::sync::atomic::Ordering;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::{Arg, Lang};
use samspill_store::{LoginOutcome, Role};
use serde::Deserialize;
use serde_json::json;

use crate::error::error_page;
use crate::extract::{ClientAddr, Q, SESSION_COOKIE, Viewer, parse_form};
use crate::forms::{cookie, same_secret};
use crate::{AppState, PageError};

/// Where a user starts: operators at the operator pages, coordinators at
/// their home page.
pub fn home_of(role: Role) -> &'static str {
    match role {
        Role::Operator => "/operator",
        Role::Funder | Role::Evaluator => "/programmes",
        Role::Coordinator => "/coord",
    }
}

/// `/`: to the user's home, or the configured landing page (the login
/// page unless set otherwise).
pub async fn root(State(state): State<AppState>, viewer: Option<Viewer>) -> Redirect {
    match viewer {
        Some(v) => Redirect::to(home_of(v.user.role)),
        None => Redirect::to(&state.config().landing),
    }
}

/// Query of the login page.
#[derive(Deserialize, Default)]
pub struct LangQuery {
    pub(crate) lang: Option<String>,
}

/// The login form.
pub async fn login_page(State(state): State<AppState>, Q(q): Q<LangQuery>) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    render_login(&state, lang, None, "", StatusCode::OK)
}

fn render_login(
    state: &AppState,
    lang: Lang,
    error: Option<String>,
    email: &str,
    status: StatusCode,
) -> Response {
    let providers: Vec<_> = state
        .config()
        .oidc
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name}))
        .collect();
    match state.render(
        "login.html",
        json!({"lang": lang.code(), "error": error, "email": email, "providers": providers}),
    ) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, lang, e).into_response(),
    }
}

/// Checks the password; on success sets the session cookie.
pub async fn login(
    State(state): State<AppState>,
    Q(q): Q<LangQuery>,
    addr: ClientAddr,
    body: Bytes,
) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    let form = match parse_form(&body, &[]) {
        Ok(f) => f,
        Err(k) => return error_page(&state, lang, StatusCode::BAD_REQUEST, k),
    };
    let email: String = form
        .text("email")
        .to_lowercase()
        .chars()
        .take(254)
        .collect();
    let password = form.get("password").unwrap_or("");
    let t = state.texts(lang);
    let m = state.metrics();
    let user = match state.store().login(&email, password, &addr.key()).await {
        Ok(LoginOutcome::Ok(u)) => u,
        Ok(LoginOutcome::Wrong) => {
            m.logins_failed.fetch_add(1, Ordering::Relaxed);
            return render_login(
                &state,
                lang,
                Some(t.get("web-login-failed")),
                &email,
                StatusCode::UNAUTHORIZED,
            );
        }
        Ok(LoginOutcome::Limited { retry_after }) => {
            m.logins_limited.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(retry_after, "login delayed by the limit");
            let msg = t.format(
                "web-login-limited",
                &[("seconds", Arg::Num(retry_after as f64))],
            );
            let mut res = render_login(
                &state,
                lang,
                Some(msg),
                &email,
                StatusCode::TOO_MANY_REQUESTS,
            );
            if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return res;
        }
        Ok(LoginOutcome::Busy) => {
            m.logins_limited.fetch_add(1, Ordering::Relaxed);
            let mut res = render_login(
                &state,
                lang,
                Some(t.get("web-login-busy")),
                &email,
                StatusCode::SERVICE_UNAVAILABLE,
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            return res;
        }
        Err(e) => return PageError::new(&state, lang, e).into_response(),
    };
    crate::account::after_password(&state, lang, user).await
}

/// Starts a session for a user whose login is complete (`method`:
/// `password`, `totp`, `oidc:{provider}`), records it and sends them home.
pub(crate) async fn start_session(
    state: &AppState,
    lang: Lang,
    user: &samspill_store::AuthUser,
    method: &str,
) -> Response {
    let store = state.store();
    let token = match store.create_session(user.id).await {
        Ok(t) => t,
        Err(e) => return PageError::new(state, lang, e).into_response(),
    };
    if let Err(e) = store.record_login(user, method).await {
        return PageError::new(state, lang, e).into_response();
    }
    let mut res = Redirect::to(home_of(user.role)).into_response();
    set_cookie(
        state,
        res.headers_mut(),
        &token,
        samspill_store::SESSION_SECONDS,
    );
    res
}

pub(crate) fn set_cookie(state: &AppState, h: &mut HeaderMap, value: &str, max_age: i64) {
    let secure = if state.config().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let c = format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    if let Ok(v) = HeaderValue::from_str(&c) {
        h.append(header::SET_COOKIE, v);
    }
}

/// Ends the session (its CSRF token must match).
pub async fn logout(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        if let Ok(Some(s)) = state.store().session(&token).await {
            let form = parse_form(&body, &[]).unwrap_or_default();
            if !same_secret(form.get("csrf").unwrap_or(""), &s.csrf) {
                return error_page(&state, Lang::Nb, StatusCode::FORBIDDEN, "web-error-csrf");
            }
        }
        if let Err(e) = state.store().delete_session(&token).await {
            tracing::error!(error = %e, "ending a session failed");
        }
    }
    let mut res = Redirect::to("/login").into_response();
    set_cookie(&state, res.headers_mut(), "", 0);
    res
}
