//! The coordinator's pages, one module per aggregate: the home page and
//! settings (`home`), the roster and function catalogue (`roster`), rounds
//! with their instrument, invitations and monitoring (`rounds`), and the
//! built-in outbox (`outbox`). Results of closed rounds are in
//! `crate::results`. Every handler takes a [`Coord`] (the session, role,
//! tenant and language) and, for posts, a [`crate::extract::Form`] (CSRF
//! checked); the store writes the audit rows.

mod home;
mod outbox;
mod roster;
mod rounds;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samspill_i18n::{Arg, Lang};
use samspill_store::{ProblemKind, RowProblem, StoreError};
use serde_json::{Value, json};

use crate::extract::Coord;
use crate::{AppState, MailTransport, PageError, WebError};

/// The coordinator's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/coord", get(home::home))
        .route(
            "/coord/settings",
            get(home::settings_page).post(home::settings_save),
        )
        .route("/coord/outbox", get(outbox::outbox))
        .route("/coord/roster", get(roster::roster_page))
        .route("/coord/roster/import", post(roster::roster_import))
        .route("/coord/roster/add", post(roster::person_add))
        .route(
            "/coord/roster/{id}",
            get(roster::person_page).post(roster::person_save),
        )
        .route("/coord/functions", post(roster::function_add))
        .route("/coord/rounds", post(rounds::round_create))
        .route("/coord/rounds/{id}", get(rounds::round_page))
        .route(
            "/coord/rounds/{id}/instrument",
            get(rounds::instrument_page).post(rounds::instrument_save),
        )
        .route("/coord/rounds/{id}/links.csv", get(rounds::links_csv))
        .route("/coord/rounds/{id}/letters", get(rounds::letters))
        .route(
            "/coord/rounds/{id}/{action}",
            get(rounds::round_action_get).post(rounds::round_action),
        )
        .merge(crate::results::routes())
}

pub(crate) fn page(
    state: &AppState,
    c: &Coord,
    name: &str,
    mut ctx: serde_json::Map<String, Value>,
    status: StatusCode,
) -> Response {
    ctx.insert("lang".into(), json!(c.lang.code()));
    ctx.insert("csrf".into(), json!(c.csrf));
    ctx.insert("user".into(), json!(c.user.name));
    ctx.insert("role".into(), json!("coordinator"));
    ctx.insert(
        "outbox".into(),
        json!(matches!(state.config().mail, MailTransport::Outbox)),
    );
    match state.render(name, Value::Object(ctx)) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, c.lang, e).into_response(),
    }
}

pub(crate) fn fail(state: &AppState, c: &Coord, e: impl Into<WebError>) -> Response {
    PageError::new(state, c.lang, e).into_response()
}

pub(crate) fn obj(v: Value) -> serde_json::Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// One roster problem in the user's language.
pub fn problem_text(state: &AppState, lang: Lang, p: &RowProblem) -> String {
    let t = state.0.texts.get(lang);
    let row = p.row as f64;
    match &p.kind {
        ProblemKind::MissingColumn { column } => t.format(
            "web-problem-missing-column",
            &[("row", Arg::Num(row)), ("column", Arg::Str(column))],
        ),
        ProblemKind::MissingName => t.format("web-problem-missing-name", &[("row", Arg::Num(row))]),
        ProblemKind::BadEmail { value } => t.format(
            "web-problem-bad-email",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::DuplicateEmail { value, first_row } => t.format(
            "web-problem-duplicate-email",
            &[
                ("row", Arg::Num(row)),
                ("value", Arg::Str(value)),
                ("first", Arg::Num(*first_row as f64)),
            ],
        ),
        ProblemKind::UnknownFunction { value } => t.format(
            "web-problem-unknown-function",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::UnknownLevel { value } => t.format(
            "web-problem-unknown-level",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::BadText { column } => t.format(
            "web-problem-bad-text",
            &[("row", Arg::Num(row)), ("column", Arg::Str(column))],
        ),
        ProblemKind::Unreadable { reason } => {
            // The reader's own words (a zip library's, a CSV parser's) are
            // for the log; the coordinator gets a sentence in their language.
            tracing::info!(%reason, "roster file unreadable");
            t.get("web-problem-unreadable-file")
        }
    }
}

pub(crate) async fn coverage(c: &Coord) -> Result<(Vec<Value>, Vec<String>), StoreError> {
    let table = c.tenant.persons_per_function().await?;
    let gaps = table
        .iter()
        .filter(|(_, n)| *n == 0)
        .map(|(f, _)| f.name.clone())
        .collect();
    let rows = table
        .into_iter()
        .map(|(f, n)| json!({"name": f.name, "own": f.code.is_none(), "count": n}))
        .collect();
    Ok((rows, gaps))
}
