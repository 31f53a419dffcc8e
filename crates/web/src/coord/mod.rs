//! The coordinator's pages, one module per aggregate: the home page and
//! settings (`home`), the roster and function catalogue (`roster`), rounds
//! with their instrument, invitations and monitoring (`rounds`), and the
//! built-in outbox (`outbox`). Results of closed rounds are in
//! `crate::results`. Every handler takes a [`Coord`] (the session, role,
//! tenant and language) and, for posts, a [`crate::extract::Form`] (CSRF
//! checked); the store writes the audit rows. Every action answers with a
//! redirect to the page that shows its result, so a reload repeats nothing.

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
        .route(
            "/coord/roster/import/confirm",
            post(roster::roster_import_confirm),
        )
        .route("/coord/roster/bulk", post(roster::roster_bulk))
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
        .route("/coord/rounds/{id}/preview", get(crate::survey::preview))
        .route(
            "/coord/rounds/{id}/preview/{step}",
            get(crate::survey::preview_step),
        )
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
    // A page in another language than the coordinator's (printed letters)
    // sets its own.
    ctx.entry("lang").or_insert_with(|| json!(c.lang.code()));
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

/// What is wrong with a value, without where, in the user's language
/// (beside a form field, or after «Rad 3, kolonne B»): what was found and
/// what was expected.
pub fn problem_what(state: &AppState, lang: Lang, kind: &ProblemKind) -> String {
    let t = state.0.texts.get(lang);
    match kind {
        ProblemKind::MissingColumn { column } => t.format(
            "everyday-what-missing-column",
            &[
                (
                    "column",
                    Arg::Str(&t.get(&format!("everyday-column-{column}"))),
                ),
                (
                    "example",
                    Arg::Str(&t.get(&format!("everyday-column-example-{column}"))),
                ),
            ],
        ),
        ProblemKind::MissingName => t.get("everyday-what-missing-name"),
        ProblemKind::BadEmail { value } => {
            t.format("everyday-what-bad-email", &[("value", Arg::Str(value))])
        }
        ProblemKind::DuplicateEmail { value, first_row } => t.format(
            "everyday-what-duplicate-email",
            &[
                ("value", Arg::Str(value)),
                ("first", Arg::Num(*first_row as f64)),
            ],
        ),
        ProblemKind::UnknownFunction { value } => t.format(
            "everyday-what-unknown-function",
            &[("value", Arg::Str(value))],
        ),
        ProblemKind::UnknownLevel { value } => {
            t.format("everyday-what-unknown-level", &[("value", Arg::Str(value))])
        }
        ProblemKind::BadText { .. } => t.get("everyday-what-bad-text"),
        ProblemKind::UnclosedQuote { .. } => t.get("everyday-what-unclosed-quote"),
        ProblemKind::Unreadable { reason } => {
            // The reader's own words (a zip library's, a CSV parser's) are
            // for the log; the coordinator gets a sentence in their language.
            tracing::info!(%reason, "roster file unreadable");
            t.get("web-problem-unreadable-file")
        }
    }
}

/// The logical column a problem is in (`name`, `email`, …), if any.
fn problem_column(kind: &ProblemKind) -> Option<&str> {
    Some(match kind {
        ProblemKind::MissingName => "name",
        ProblemKind::BadEmail { .. } | ProblemKind::DuplicateEmail { .. } => "email",
        ProblemKind::UnknownFunction { .. } => "functions",
        ProblemKind::UnknownLevel { .. } => "level",
        ProblemKind::BadText { column } => column.as_str(),
        _ => return None,
    })
}

/// A column number as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One roster problem with its row and, when the file's columns are known
/// (`columns` from [`crate::roster::ReadRoster`]), the column as the
/// spreadsheet shows it: «Rad 6, kolonne D («Nivå»): nivået «sjef» er
/// ukjent (ventet …)».
pub fn problem_in_file(
    state: &AppState,
    lang: Lang,
    p: &RowProblem,
    columns: &[(&str, usize, String)],
) -> String {
    let t = state.0.texts.get(lang);
    let what = problem_what(state, lang, &p.kind);
    let row = Arg::Num(p.row as f64);
    let cell = match &p.kind {
        ProblemKind::UnclosedQuote { column } => {
            let i = column.saturating_sub(1);
            let header = columns.iter().find(|c| c.1 == i).map(|c| c.2.clone());
            Some((column_letter(i), header))
        }
        kind => problem_column(kind).and_then(|name| {
            columns
                .iter()
                .find(|c| c.0 == name)
                .map(|c| (column_letter(c.1), Some(c.2.clone())))
        }),
    };
    match (&p.kind, cell) {
        (ProblemKind::MissingColumn { .. }, _) => {
            t.format("everyday-problem-header", &[("what", Arg::Str(&what))])
        }
        (ProblemKind::Unreadable { .. }, _) => what,
        (_, Some((letter, Some(header)))) => t.format(
            "everyday-problem-cell",
            &[
                ("row", row),
                ("letter", Arg::Str(&letter)),
                ("header", Arg::Str(&header)),
                ("what", Arg::Str(&what)),
            ],
        ),
        (_, Some((letter, None))) => t.format(
            "everyday-problem-column",
            &[
                ("row", row),
                ("letter", Arg::Str(&letter)),
                ("what", Arg::Str(&what)),
            ],
        ),
        (_, None) => t.format(
            "everyday-problem-row",
            &[("row", row), ("what", Arg::Str(&what))],
        ),
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
