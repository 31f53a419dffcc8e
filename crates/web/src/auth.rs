//! Login (argon2 via the store), sessions in an HttpOnly SameSite=Lax
//! cookie, per-session CSRF form tokens, and a login rate limit.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_store::{AuthUser, Role, Tenant};
use serde::Deserialize;
use serde_json::json;

use crate::forms::{FormData, cookie, same_secret};
use crate::{AppState, PageError, error_page};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "samspill_session";
/// Failed logins allowed per e-mail or client address per window.
pub const MAX_FAILURES: u32 = 5;
/// The rate-limit window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Counts failed logins per key (e-mail, client address).
#[derive(Default)]
pub struct RateLimiter {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl RateLimiter {
    fn blocked(&self, keys: &[String]) -> bool {
        let mut m = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        m.retain(|_, (_, t)| now.duration_since(*t) < WINDOW);
        keys.iter()
            .any(|k| m.get(k).is_some_and(|(n, _)| *n >= MAX_FAILURES))
    }
    fn fail(&self, keys: &[String]) {
        let mut m = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            let e = m.entry(k.clone()).or_insert((0, Instant::now()));
            e.0 += 1;
        }
    }
    fn clear(&self, keys: &[String]) {
        let mut m = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            m.remove(k);
        }
    }
}

/// A logged-in coordinator with their tenant.
pub struct Coord {
    /// The user.
    pub user: AuthUser,
    /// The tenant handle (every query is scoped by it).
    pub tenant: Tenant,
    /// The session's CSRF token.
    pub csrf: String,
    /// The page language (the tenant's).
    pub lang: Lang,
}

impl Coord {
    /// Checks the form's CSRF token against the session's.
    pub fn check_csrf(&self, form_token: &str) -> bool {
        same_secret(form_token, &self.csrf)
    }
}

/// Why a coordinator page cannot be shown.
pub enum CoordRejection {
    /// Not logged in: go to the login page.
    Login,
    /// Logged in without a coordinator role for a tenant.
    Forbidden(AppState),
    /// The store failed.
    Error(PageError),
}

impl IntoResponse for CoordRejection {
    fn into_response(self) -> Response {
        match self {
            CoordRejection::Login => Redirect::to("/login").into_response(),
            CoordRejection::Forbidden(s) => {
                error_page(&s, Lang::Nb, StatusCode::FORBIDDEN, "web-error-forbidden")
            }
            CoordRejection::Error(e) => e.into_response(),
        }
    }
}

impl FromRequestParts<AppState> for Coord {
    type Rejection = CoordRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(CoordRejection::Login);
        };
        let session = state
            .0
            .store
            .session(&token)
            .await
            .map_err(|e| CoordRejection::Error(PageError::new(state, Lang::Nb, e)))?
            .ok_or(CoordRejection::Login)?;
        let Some(tid) = session.user.tenant else {
            return Err(CoordRejection::Forbidden(state.clone()));
        };
        if !matches!(session.user.role, Role::Coordinator | Role::Operator) {
            return Err(CoordRejection::Forbidden(state.clone()));
        }
        let tenant = state.0.store.tenant(tid);
        let info = tenant
            .info()
            .await
            .map_err(|e| CoordRejection::Error(PageError::new(state, Lang::Nb, e)))?;
        Ok(Coord {
            user: session.user,
            tenant,
            csrf: session.csrf,
            lang: Lang::parse(&info.lang).unwrap_or(Lang::Nb),
        })
    }
}

/// `/`: to the coordinator's home or the login page.
pub async fn root() -> Redirect {
    Redirect::to("/coord")
}

/// Query of the login page.
#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// The login form.
pub async fn login_page(State(state): State<AppState>, Query(q): Query<LangQuery>) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    render_login(&state, lang, None, "", StatusCode::OK)
}

fn render_login(
    state: &AppState,
    lang: Lang,
    error: Option<&str>,
    email: &str,
    status: StatusCode,
) -> Response {
    match state.render(
        "login.html",
        json!({"lang": lang.code(), "error": error, "email": email}),
    ) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, lang, e).into_response(),
    }
}

/// Checks the password; on success sets the session cookie.
pub async fn login(
    State(state): State<AppState>,
    Query(q): Query<LangQuery>,
    connect: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    let form = FormData::parse(&body);
    let email = form.text("email").to_lowercase();
    let password = form.get("password").unwrap_or("").to_string();
    let mut keys = vec![format!("email:{email}")];
    if let Some(axum::Extension(ConnectInfo(addr))) = connect {
        keys.push(format!("ip:{}", addr.ip()));
    }
    if state.0.limiter.blocked(&keys) {
        state
            .0
            .metrics
            .logins_limited
            .fetch_add(1, Ordering::Relaxed);
        tracing::warn!("login rate limit reached");
        return render_login(
            &state,
            lang,
            Some("web-login-limited"),
            &email,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = match state.0.store.verify_login(&email, &password).await {
        Ok(u) => u,
        Err(e) => return PageError::new(&state, lang, e).into_response(),
    };
    let Some(user) = user else {
        state.0.limiter.fail(&keys);
        state
            .0
            .metrics
            .logins_failed
            .fetch_add(1, Ordering::Relaxed);
        return render_login(
            &state,
            lang,
            Some("web-login-failed"),
            &email,
            StatusCode::UNAUTHORIZED,
        );
    };
    state.0.limiter.clear(&keys[..1]);
    let token = match state.0.store.create_session(user.id).await {
        Ok(t) => t,
        Err(e) => return PageError::new(&state, lang, e).into_response(),
    };
    if let Some(t) = user.tenant {
        let _ = state
            .0
            .store
            .tenant(t)
            .audit(&user.email, "login", "")
            .await;
    }
    let mut res = Redirect::to("/coord").into_response();
    set_cookie(
        &state,
        res.headers_mut(),
        &token,
        samspill_store_session_seconds(),
    );
    res
}

fn samspill_store_session_seconds() -> i64 {
    12 * 3600
}

fn set_cookie(state: &AppState, h: &mut HeaderMap, value: &str, max_age: i64) {
    let secure = if state.0.config.secure_cookies {
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

/// Ends the session.
pub async fn logout(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        if let Ok(Some(s)) = state.0.store.session(&token).await {
            let form = FormData::parse(&body);
            if !same_secret(form.get("csrf").unwrap_or(""), &s.csrf) {
                return error_page(&state, Lang::Nb, StatusCode::FORBIDDEN, "web-error-csrf");
            }
        }
        let _ = state.0.store.delete_session(&token).await;
    }
    let mut res = Redirect::to("/login").into_response();
    set_cookie(&state, res.headers_mut(), "", 0);
    res
}
