//! # samspill-web
//!
//! The web application of PRODUCT.md §2: coordinators log in, import a
//! roster, prepare the instrument, send invitations, follow the response
//! rate and close the round; respondents answer through their personal link
//! on any device. Server-rendered HTML (minijinja, auto-escaped), a small
//! script only for autosave and search, plain CSS.
//!
//! Embedding: [`app`] builds the router from an [`AppState`]; [`serve`]
//! opens the store, starts the mail worker and serves until Ctrl-C/SIGTERM.
//!
//! ```no_run
//! # async fn run() -> Result<(), samspill_web::WebError> {
//! let config = samspill_web::Config::from_env()?;
//! samspill_web::serve(config).await
//! # }
//! ```

#![warn(missing_docs)]

mod auth;
mod coord;
mod forms;
mod mail;
mod roster;
mod survey;
mod templates;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use samspill_i18n::Lang;
use samspill_store::{Store, StoreConfig, StoreError};
use serde_json::json;

pub use mail::{SmtpConfig, SmtpTls, run_mail_once};
pub use roster::{RosterFile, parse_roster};
pub use templates::AllTexts;

/// Errors at the web layer's edge.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Configuration is missing or wrong.
    #[error("configuration: {0}")]
    Config(String),
    /// A template failed to render (a bug).
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    /// I/O (binding the port).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Server configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Where to listen.
    pub listen: SocketAddr,
    /// The address respondents' links start with (`https://samspill.kommune.no`).
    pub public_url: String,
    /// Secret for invitation tokens (keep it with the backups).
    pub token_key: [u8; 32],
    /// Outgoing mail; `None` keeps mail queued.
    pub smtp: Option<SmtpConfig>,
    /// Mark cookies `Secure` (on by default; off only for plain-HTTP tests).
    pub secure_cookies: bool,
    /// How often the mail worker looks for queued mail.
    pub mail_interval: Duration,
    /// Database pool size.
    pub max_connections: u32,
    /// SQLite `synchronous = FULL` (default) or `NORMAL` (see
    /// `samspill_store::StoreConfig::sqlite_sync_full`).
    pub sqlite_sync_full: bool,
}

fn parse_hex32(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl Config {
    /// A configuration for a database URL with defaults: listen on
    /// 127.0.0.1:8080, no SMTP, a random token key.
    pub fn new(database_url: &str) -> Config {
        Config {
            database_url: database_url.to_string(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: "http://127.0.0.1:8080".into(),
            token_key: StoreConfig::url("sqlite://x").token_key,
            smtp: None,
            secure_cookies: true,
            mail_interval: Duration::from_secs(10),
            max_connections: 16,
            sqlite_sync_full: true,
        }
    }

    /// Reads `SAMSPILL_DATABASE_URL` (default `sqlite://samspill.sqlite3`),
    /// `SAMSPILL_LISTEN` (default `127.0.0.1:8080`), `SAMSPILL_PUBLIC_URL`,
    /// `SAMSPILL_TOKEN_KEY` (64 hex digits; or `SAMSPILL_TOKEN_KEY_FILE`,
    /// created with a random key if missing), `SAMSPILL_SMTP_HOST`,
    /// `SAMSPILL_SMTP_PORT`, `SAMSPILL_SMTP_TLS` (`none`, `starttls`, `tls`),
    /// `SAMSPILL_SMTP_USER`, `SAMSPILL_SMTP_PASSWORD`,
    /// `SAMSPILL_INSECURE_COOKIES=1`, `SAMSPILL_MAIL_INTERVAL_MS`,
    /// `SAMSPILL_DB_CONNECTIONS`, `SAMSPILL_SQLITE_SYNC` (`full`, the
    /// default, or `normal`).
    pub fn from_env() -> Result<Config, WebError> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let db = var("SAMSPILL_DATABASE_URL").unwrap_or_else(|| "sqlite://samspill.sqlite3".into());
        let mut c = Config::new(&db);
        if let Some(l) = var("SAMSPILL_LISTEN") {
            c.listen = l
                .parse()
                .map_err(|_| WebError::Config(format!("SAMSPILL_LISTEN={l} is not host:port")))?;
        }
        c.public_url = var("SAMSPILL_PUBLIC_URL").unwrap_or_else(|| format!("http://{}", c.listen));
        c.public_url = c.public_url.trim_end_matches('/').to_string();
        if let Some(k) = var("SAMSPILL_TOKEN_KEY") {
            c.token_key = parse_hex32(&k).ok_or_else(|| {
                WebError::Config("SAMSPILL_TOKEN_KEY must be 64 hex digits".into())
            })?;
        } else {
            let file = var("SAMSPILL_TOKEN_KEY_FILE").or_else(|| {
                db.strip_prefix("sqlite://")
                    .map(|p| format!("{}.key", p.split('?').next().unwrap_or(p)))
            });
            let Some(file) = file else {
                return Err(WebError::Config(
                    "set SAMSPILL_TOKEN_KEY or SAMSPILL_TOKEN_KEY_FILE".into(),
                ));
            };
            match std::fs::read_to_string(&file) {
                Ok(s) => {
                    c.token_key = parse_hex32(&s)
                        .ok_or_else(|| WebError::Config(format!("{file}: not a key")))?;
                }
                Err(_) => {
                    let hex: String = c.token_key.iter().map(|b| format!("{b:02x}")).collect();
                    std::fs::write(&file, hex)?;
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        let _ =
                            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
                    }
                }
            }
        }
        if let Some(host) = var("SAMSPILL_SMTP_HOST") {
            let tls = match var("SAMSPILL_SMTP_TLS").as_deref() {
                None | Some("starttls") => SmtpTls::StartTls,
                Some("tls") => SmtpTls::Tls,
                Some("none") => SmtpTls::None,
                Some(o) => return Err(WebError::Config(format!("SAMSPILL_SMTP_TLS={o}"))),
            };
            c.smtp = Some(SmtpConfig {
                host,
                port: var("SAMSPILL_SMTP_PORT").and_then(|p| p.parse().ok()),
                tls,
                user: var("SAMSPILL_SMTP_USER"),
                password: var("SAMSPILL_SMTP_PASSWORD"),
            });
        }
        c.secure_cookies = var("SAMSPILL_INSECURE_COOKIES").is_none();
        if let Some(ms) = var("SAMSPILL_MAIL_INTERVAL_MS").and_then(|v| v.parse().ok()) {
            c.mail_interval = Duration::from_millis(ms);
        }
        if let Some(n) = var("SAMSPILL_DB_CONNECTIONS").and_then(|v| v.parse().ok()) {
            c.max_connections = n;
        }
        match var("SAMSPILL_SQLITE_SYNC").as_deref() {
            None | Some("full") => {}
            Some("normal") => c.sqlite_sync_full = false,
            Some(o) => {
                return Err(WebError::Config(format!(
                    "SAMSPILL_SQLITE_SYNC={o} (full or normal)"
                )));
            }
        }
        Ok(c)
    }
}

/// Counters for `/metrics` (Prometheus text format).
#[derive(Default, Debug)]
pub struct Metrics {
    /// HTTP requests served.
    pub requests: AtomicU64,
    /// Answers committed.
    pub answers_saved: AtomicU64,
    /// Answers refused (closed round, bad input).
    pub answers_refused: AtomicU64,
    /// Failed logins.
    pub logins_failed: AtomicU64,
    /// Logins refused by the rate limit.
    pub logins_limited: AtomicU64,
    /// Mail accepted by the SMTP server.
    pub mail_sent: AtomicU64,
    /// Mail that failed or bounced.
    pub mail_failed: AtomicU64,
}

pub(crate) struct Inner {
    pub store: Store,
    pub env: minijinja::Environment<'static>,
    pub texts: Arc<AllTexts>,
    pub config: Config,
    pub metrics: Metrics,
    pub limiter: auth::RateLimiter,
    pub mail_wake: tokio::sync::Notify,
}

/// Shared state of the application (cheap to clone).
#[derive(Clone)]
pub struct AppState(pub(crate) Arc<Inner>);

impl AppState {
    /// State over an open store.
    pub fn new(store: Store, config: Config) -> Result<AppState, WebError> {
        let texts = Arc::new(AllTexts::new());
        let env = templates::environment(texts.clone())?;
        Ok(AppState(Arc::new(Inner {
            store,
            env,
            texts,
            config,
            metrics: Metrics::default(),
            limiter: auth::RateLimiter::default(),
            mail_wake: tokio::sync::Notify::new(),
        })))
    }

    /// Opens the store of a configuration (migrating it) and builds the state.
    pub async fn open(config: Config) -> Result<AppState, WebError> {
        let mut sc = StoreConfig::url(config.database_url.clone()).with_token_key(config.token_key);
        sc.max_connections = config.max_connections;
        sc.sqlite_sync_full = config.sqlite_sync_full;
        let store = Store::open(&sc).await?;
        AppState::new(store, config)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The counters.
    pub fn metrics(&self) -> &Metrics {
        &self.0.metrics
    }

    /// Renders a template with a JSON context (the page language in `lang`).
    pub(crate) fn render(
        &self,
        name: &str,
        ctx: serde_json::Value,
    ) -> Result<Html<String>, WebError> {
        let tmpl = self.0.env.get_template(name)?;
        Ok(Html(tmpl.render(minijinja::Value::from(
            minijinja::value::Serde(&ctx),
        ))?))
    }

    pub(crate) fn text(&self, lang: Lang, key: &str) -> String {
        self.0.texts.get(lang).get(key)
    }
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(auth::root))
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/coord", get(coord::home))
        .route(
            "/coord/settings",
            get(coord::settings_page).post(coord::settings_save),
        )
        .route("/coord/roster", get(coord::roster_page))
        .route("/coord/roster/import", post(coord::roster_import))
        .route("/coord/roster/add", post(coord::person_add))
        .route(
            "/coord/roster/{id}",
            get(coord::person_page).post(coord::person_save),
        )
        .route("/coord/functions", post(coord::function_add))
        .route("/coord/rounds", post(coord::round_create))
        .route("/coord/rounds/{id}", get(coord::round_page))
        .route(
            "/coord/rounds/{id}/instrument",
            get(coord::instrument_page).post(coord::instrument_save),
        )
        .route("/coord/rounds/{id}/links.csv", get(coord::links_csv))
        .route("/coord/rounds/{id}/letters", get(coord::letters))
        .route("/coord/rounds/{id}/{action}", post(coord::round_action))
        .route("/s/{token}", get(survey::welcome))
        .route("/s/{token}/submit", post(survey::submit))
        .route("/s/{token}/done", get(survey::done))
        .route(
            "/s/{token}/{step}",
            get(survey::step_page).post(survey::step_save),
        )
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/static/app.css", get(css))
        .route("/static/survey.js", get(js))
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(5 * 1024 * 1024))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Opens the store, starts the mail worker and serves until Ctrl-C or
/// SIGTERM.
pub async fn serve(config: Config) -> Result<(), WebError> {
    let listen = config.listen;
    let state = AppState::open(config).await?;
    mail::spawn_worker(state.clone());
    let listener = tokio::net::TcpListener::bind(listen).await?;
    tracing::info!(%listen, "samspill web listening");
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// Security headers on every response, the cross-site request check on
/// every unsafe method, and request counting.
async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.0.metrics.requests.fetch_add(1, Ordering::Relaxed);
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        && !same_origin(req.headers())
    {
        tracing::warn!(path = %req.uri().path(), origin = ?req.headers().get(header::ORIGIN), host = ?req.headers().get(header::HOST), site = ?req.headers().get("sec-fetch-site"), "cross-site request refused");
        return error_page(&state, Lang::Nb, StatusCode::FORBIDDEN, "web-error-csrf");
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Respondent links carry the token: never send it to another site in a
    // Referer ("no-referrer" would make browsers send `Origin: null` on
    // same-site form posts, which the CSRF check refuses).
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// A request is same-origin unless the browser says otherwise: a
/// `Sec-Fetch-Site` other than `same-origin`/`none`, or an `Origin` whose
/// host differs from `Host`.
fn same_origin(h: &HeaderMap) -> bool {
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        if origin == "null" {
            return false;
        }
        let host = h
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let origin_host = origin.split("://").nth(1).unwrap_or("");
        return origin_host.eq_ignore_ascii_case(host);
    }
    true
}

pub(crate) fn error_page(state: &AppState, lang: Lang, status: StatusCode, key: &str) -> Response {
    let page = state.render(
        "error.html",
        json!({"lang": lang.code(), "message_key": key, "status": status.as_u16()}),
    );
    match page {
        Ok(html) => (status, html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed");
            (status, state.text(lang, key)).into_response()
        }
    }
}

/// Maps errors to pages; details go to the log, never to the page.
pub(crate) struct PageError {
    state: AppState,
    lang: Lang,
    error: WebError,
}

impl PageError {
    pub(crate) fn new(state: &AppState, lang: Lang, error: impl Into<WebError>) -> PageError {
        PageError {
            state: state.clone(),
            lang,
            error: error.into(),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, key) = match &self.error {
            WebError::Store(StoreError::NotFound) => (StatusCode::NOT_FOUND, "web-error-not-found"),
            WebError::Store(StoreError::BadToken) => (StatusCode::NOT_FOUND, "web-error-bad-token"),
            WebError::Store(StoreError::Frozen) => (StatusCode::CONFLICT, "web-error-frozen"),
            WebError::Store(StoreError::NotOpen) => (StatusCode::CONFLICT, "web-error-not-open"),
            WebError::Store(StoreError::Invalid(_)) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "web-error-invalid")
            }
            WebError::Store(StoreError::Conflict(_)) => {
                (StatusCode::CONFLICT, "web-error-conflict")
            }
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "web-error-internal"),
        };
        if status.is_server_error() {
            tracing::error!(error = %self.error, "request failed");
        } else {
            tracing::info!(error = %self.error, "request refused");
        }
        error_page(&self.state, self.lang, status, key)
    }
}

async fn not_found(State(state): State<AppState>) -> Response {
    error_page(
        &state,
        Lang::Nb,
        StatusCode::NOT_FOUND,
        "web-error-not-found",
    )
}

async fn health(State(state): State<AppState>) -> Response {
    match state.0.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    let m = &state.0.metrics;
    let mut out = String::new();
    for (name, help, v) in [
        (
            "samspill_http_requests_total",
            "HTTP requests served",
            &m.requests,
        ),
        (
            "samspill_answers_saved_total",
            "Survey answers committed",
            &m.answers_saved,
        ),
        (
            "samspill_answers_refused_total",
            "Survey answers refused",
            &m.answers_refused,
        ),
        (
            "samspill_logins_failed_total",
            "Failed logins",
            &m.logins_failed,
        ),
        (
            "samspill_logins_rate_limited_total",
            "Logins refused by the rate limit",
            &m.logins_limited,
        ),
        (
            "samspill_mail_sent_total",
            "Mail accepted by the SMTP server",
            &m.mail_sent,
        ),
        (
            "samspill_mail_failed_total",
            "Mail that failed or bounced",
            &m.mail_failed,
        ),
    ] {
        out.push_str(&format!(
            "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
            v.load(Ordering::Relaxed)
        ));
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
        .into_response()
}

async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/survey.js"),
    )
        .into_response()
}

/// Estimated answering time in whole minutes, shown to the coordinator
/// before sending and to respondents on the opening page: 1 minute to
/// read the opening page, 2 s per person on the roster to scan the list,
/// 6 s per chosen person (8 expected) for the frequency, 15 s per political
/// body, 10 s per rating and 30 s per open question (7), plus the same
/// contact steps again if the second relation is asked.
pub fn estimate_minutes(roster: usize, bodies: usize, second_relation: bool) -> u32 {
    let contacts = 2 * roster + 6 * 8.min(roster.saturating_sub(1));
    let secs = 60 + contacts * if second_relation { 2 } else { 1 } + 15 * bodies + 2 * 10 + 7 * 30;
    secs.div_ceil(60) as u32
}
