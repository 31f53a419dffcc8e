//! # samspill-web
//!
//! The web application of PRODUCT.md §2: operators create municipalities
//! and users; coordinators import a roster, prepare the instrument, send
//! invitations, follow the response rate, close the round and work with its
//! results (pictures, numbers, reports, exports); respondents answer
//! through their personal link on any device. Server-rendered HTML
//! (minijinja, auto-escaped), a small script only for autosave and search,
//! plain CSS.
//!
//! Embedding: [`app`] builds the router from an [`AppState`]; [`serve`]
//! opens the store, starts the background workers (mail, scheduled jobs)
//! and serves until Ctrl-C/SIGTERM. `samspill serve` is the binary.
//!
//! Cross-cutting rules live in one place each: sessions, roles, forms and
//! CSRF in `extract`, security headers, the cross-site check and request
//! logging in `guard`, error pages in `error`; audit rows are written by the
//! store with each change.

#![warn(missing_docs)]

mod account;
mod auth;
mod config;
mod coord;
mod error;
mod extract;
mod forms;
mod guard;
mod insight;
mod invite;
mod jobs;
mod mail;
mod oidc;
mod operator;
mod privacy;
mod profile;
mod programme;
mod results;
mod roster;
mod survey;
mod templates;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use samspill_i18n::Lang;
use samspill_store::{Store, StoreError};

pub use config::{Config, LogFormat, MailTransport, OidcMatch, OidcProvider};
pub use error::PageError;
pub use guard::loggable_path;
pub use mail::{SmtpConfig, SmtpTls, compose, run_mail_once, send_test_mail};
pub use operator::generate_password;
pub use programme::ProgrammeTexts;
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
    /// Results were asked for a round that is not closed.
    #[error("the round is not closed")]
    NotClosed,
    /// A report or export could not be made.
    #[error("results: {0}")]
    Results(String),
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
    pub mail_wake: tokio::sync::Notify,
    pub results: results::Cache,
    /// The clock of scheduled jobs and codes (Unix seconds); tests move it.
    pub clock: std::sync::RwLock<Clock>,
}

/// A clock: Unix seconds.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

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
            mail_wake: tokio::sync::Notify::new(),
            results: results::Cache::default(),
            clock: std::sync::RwLock::new(Arc::new(samspill_store::now)),
        })))
    }

    /// Now, by the state's clock (Unix seconds).
    pub fn now(&self) -> i64 {
        (self.0.clock.read().unwrap_or_else(|e| e.into_inner()))()
    }

    /// Replaces the clock of scheduled jobs (retention) and TOTP codes:
    /// tests move time forward with it.
    pub fn set_clock(&self, clock: Clock) {
        *self.0.clock.write().unwrap_or_else(|e| e.into_inner()) = clock;
    }

    /// Runs every scheduled job that is due now, on this instance (what
    /// the scheduler does each minute); returns the names of those it ran.
    pub async fn run_jobs(&self) -> Vec<&'static str> {
        jobs::run_due(self).await
    }

    /// Opens the store of a configuration (migrating it, checking the token
    /// key) and builds the state.
    pub async fn open(config: Config) -> Result<AppState, WebError> {
        let store = Store::open(&config.store_config()).await?;
        AppState::new(store, config)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
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

    /// The texts of a language.
    pub fn texts(&self, lang: Lang) -> &samspill_i18n::Texts {
        self.0.texts.get(lang)
    }

    /// Wakes the mail worker (mail was queued).
    pub fn wake_mail(&self) {
        self.0.mail_wake.notify_one();
    }
}

/// Every page and endpoint, without the state and the cross-cutting layers.
fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(auth::root))
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .merge(account::routes())
        .merge(oidc::routes())
        .merge(operator::routes())
        .merge(coord::routes())
        .merge(privacy::routes())
        .merge(insight::routes())
        .merge(programme::routes())
        .merge(survey::routes())
        .merge(profile::routes())
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/static/app.css", get(css))
        .route("/static/survey.js", get(js))
}

/// The path of every route of [`app`], read from the router itself (its
/// debug view lists the registered paths), for tests that must cover every
/// route: the role matrix fails on a route it has no entry for.
#[doc(hidden)]
pub fn route_paths() -> Vec<String> {
    let dump = format!("{:?}", pages());
    let Some(start) = dump.find("paths: {") else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut rest = &dump[start..];
    while let Some(i) = rest.find(": \"/") {
        let tail = &rest[i + 3..];
        let Some(end) = tail.find('"') else { break };
        // axum's own catch-all routes are not pages.
        if !tail[..end].contains("__private__axum") {
            out.push(tail[..end].to_string());
        }
        rest = &tail[end..];
    }
    out.sort();
    out.dedup();
    out
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    pages()
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(
            extract::UPLOAD_LIMIT + extract::FORM_LIMIT,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), guard::guard))
        .with_state(state)
}

/// Starts the background workers of a server: the mail worker and the
/// scheduled jobs (both supervised: a failure is logged and the worker
/// goes on).
pub fn spawn_workers(state: &AppState) {
    mail::spawn_worker(state.clone());
    jobs::spawn(state.clone());
}

/// Opens the store, starts the background workers and serves until Ctrl-C
/// or SIGTERM.
pub async fn serve(config: Config) -> Result<(), WebError> {
    let listen = config.listen;
    let state = AppState::open(config).await?;
    spawn_workers(&state);
    let listener = tokio::net::TcpListener::bind(listen).await?;
    tracing::info!(%listen, "samspill listening");
    serve_on(listener, app(state)).await
}

/// Serves a router on a listener until Ctrl-C or SIGTERM.
pub async fn serve_on(listener: tokio::net::TcpListener, router: Router) -> Result<(), WebError> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
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

async fn not_found(State(state): State<AppState>) -> Response {
    error::error_page(
        &state,
        Lang::Nb,
        StatusCode::NOT_FOUND,
        "web-error-not-found",
    )
}

/// A request with a method the address does not take. A GET (a bookmark,
/// a reload, a link typed in) of an address that only takes posted forms
/// leads to the page the form is on; any other method gets a translated
/// 405.
async fn method_not_allowed(
    State(state): State<AppState>,
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> Response {
    if method == axum::http::Method::GET || method == axum::http::Method::HEAD {
        let path = uri.path().trim_end_matches('/');
        let target = match path {
            "/coord/functions" => "/coord/roster#functions".to_string(),
            "/coord/roster/import" | "/coord/roster/import/confirm" => {
                "/coord/roster#import".to_string()
            }
            "/coord/roster/add" => "/coord/roster#add".to_string(),
            "/coord/roster/bulk" => "/coord/roster#people".to_string(),
            _ => match path.rsplit_once('/') {
                Some(("", _)) | None => "/".to_string(),
                Some((parent, _)) => parent.to_string(),
            },
        };
        return axum::response::Redirect::to(&target).into_response();
    }
    let mut res = error::error_page(
        &state,
        Lang::Nb,
        StatusCode::METHOD_NOT_ALLOWED,
        "everyday-error-method",
    );
    res.headers_mut().insert(
        header::ALLOW,
        axum::http::HeaderValue::from_static("GET, HEAD, POST"),
    );
    res
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

/// `/metrics`: for a logged-in operator, or from an address in
/// `server.metrics_from`; everyone else gets 404 (the endpoint does not
/// advertise itself).
async fn metrics(
    State(state): State<AppState>,
    addr: extract::ClientAddr,
    viewer: Option<extract::Viewer>,
) -> Response {
    let allowed = viewer.is_some_and(|v| v.user.role == samspill_store::Role::Operator)
        || addr
            .0
            .is_some_and(|a| state.config().metrics_from.contains(&a));
    if !allowed {
        return not_found(State(state)).await;
    }
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
            "Logins refused by the rate limit or busy",
            &m.logins_limited,
        ),
        (
            "samspill_mail_sent_total",
            "Mail accepted by the SMTP server or the outbox",
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
/// 6 s per chosen person (8 expected) for the frequency, the same contact
/// steps again when the advice relation is asked, 15 s per political body
/// when the political section is asked, 10 s per rating and 30 s per open
/// question asked.
pub fn estimate_minutes(roster: usize, bodies: usize, parts: &samspill_store::Parts) -> u32 {
    let contacts = 2 * roster + 6 * 8.min(roster.saturating_sub(1));
    let relations = if parts.advice { 2 } else { 1 };
    let political = if parts.political { 15 * bodies } else { 0 };
    let secs = 60
        + contacts * relations
        + political
        + 10 * parts.ratings().len()
        + 30 * parts.open_questions().len();
    secs.div_ceil(60) as u32
}

/// From this many people on the list the coordinator is warned that the
/// contact question gets long. In 2015 the survey «grew long» with long
/// lists and two municipalities stopped at 56 % response (Volda asked 43
/// people); the contact question then scans more than 40 names.
pub const LONG_ROSTER: usize = 40;
