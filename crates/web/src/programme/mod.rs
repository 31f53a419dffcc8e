//! Programme follow-up pages (issues 17 and 18), one module per aggregate:
//! the list and the funder's overview with cohorts and the glossary
//! (`overview`), a participant's path, organisation, action plan and
//! reports with their forms (`participant`), the cooperation agreement
//! and pre-analysis forms (`plan`), the reports with their drafts and
//! actions (`reports`), the programme's words and glossary entries
//! (`vocabulary`), the portfolio as a PDF (`print`), records edited as JSON
//! (`record`), the evaluator's overview matrix per evaluation round with
//! sign-off and comparison (`evaluation`), import and export of the
//! whole programme (`transfer`), the evaluator's workspace: rounds and
//! their settings, the data-collection log and notes, the matrix as PDF,
//! the learning log, gatherings and a participant's process anchoring
//! (`workspace`), and survey rounds inside the programme: rounds attached
//! to phases, survey figures as indicators and the cross-municipality
//! report from real closed rounds (`rounds`).
//!
//! Every handler takes a [`Viewer`] and opens the programme through the
//! store's `programme_for`, which finds the user's standing (funder
//! adviser, evaluator, coordinator of a linked participant) and filters
//! reads and checks writes by the role's function in
//! `samspill_store::programme::access`; without a standing the programme
//! does not exist (404). The rules, findings and matrices are
//! `samspill-programme`'s; their messages are rendered here with the
//! `programme-` texts and the programme's vocabulary. Posts go through
//! [`crate::extract::Form`] or [`crate::extract::Upload`] (CSRF checked);
//! the store validates the whole programme and writes the audit row in the
//! same transaction, so a refused change changes nothing.

mod evaluation;
mod input;
mod overview;
mod participant;
mod plan;
mod print;
mod record;
mod reports;
mod rounds;
mod transfer;
mod vocabulary;
mod workspace;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samspill_i18n::{Arg, Lang, Texts};
use samspill_programme::date::Date;
use samspill_programme::model::SourceKind;
use samspill_programme::rules::phases::{PathStatus, Position};
use samspill_programme::text::{Catalogue, Plain, Renderer};
use samspill_programme::{DocumentErrors, Finding, Message, ProgrammeDocument};
use samspill_store::{ProgrammeError, ProgrammeHandle, ProgrammeId, Standing};
use serde_json::{Value, json};

use crate::error::error_page;
use crate::extract::Viewer;
use crate::{AppState, PageError};

/// The programme routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/programmes", get(overview::list))
        .route("/programmes/new", post(transfer::create))
        .route("/programmes/{id}", get(overview::overview))
        .route("/programmes/{id}/glossary", get(overview::glossary))
        .route(
            "/programmes/{id}/vocabulary",
            get(vocabulary::page).post(vocabulary::save),
        )
        .route(
            "/programmes/{id}/portfolio.xlsx",
            get(transfer::portfolio_xlsx),
        )
        .route("/programmes/{id}/portfolio.pdf", get(print::portfolio_pdf))
        .route("/programmes/{id}/export.json", get(transfer::export_json))
        .route("/programmes/{id}/export.xlsx", get(transfer::export_xlsx))
        .route("/programmes/{id}/import", post(transfer::import))
        .route(
            "/programmes/{id}/participants/{pid}",
            get(participant::page),
        )
        .route(
            "/programmes/{id}/participants/{pid}/phase",
            post(participant::phase_save),
        )
        .route(
            "/programmes/{id}/participants/{pid}/report",
            post(reports::report_save),
        )
        .route(
            "/programmes/{id}/participants/{pid}/agreement",
            post(plan::agreement_save),
        )
        .route(
            "/programmes/{id}/participants/{pid}/pre-analysis",
            post(plan::pre_analysis_save),
        )
        .route(
            "/programmes/{id}/records/{kind}/{key}",
            get(record::edit_page).post(record::save),
        )
        .route("/programmes/{id}/rounds/{round}", get(evaluation::matrix))
        .route(
            "/programmes/{id}/rounds/{round}/matrix.xlsx",
            get(evaluation::matrix_xlsx),
        )
        .route(
            "/programmes/{id}/rounds/{round}/sign-off",
            post(evaluation::sign_off),
        )
        .route("/programmes/{id}/compare", get(evaluation::compare))
        .route(
            "/programmes/{id}/evaluation",
            get(workspace::rounds).post(workspace::round_create),
        )
        .route(
            "/programmes/{id}/rounds/{round}/settings",
            get(workspace::settings).post(workspace::settings_save),
        )
        .route(
            "/programmes/{id}/rounds/{round}/log",
            get(workspace::log).post(workspace::log_add),
        )
        .route(
            "/programmes/{id}/rounds/{round}/log/remove",
            post(workspace::log_remove),
        )
        .route(
            "/programmes/{id}/rounds/{round}/matrix.pdf",
            get(workspace::matrix_pdf),
        )
        .route(
            "/programmes/{id}/learning",
            get(workspace::learning).post(workspace::learning_add),
        )
        .route(
            "/programmes/{id}/gatherings",
            get(workspace::gatherings).post(workspace::gathering_add),
        )
        .route(
            "/programmes/{id}/gatherings/attendance",
            post(workspace::attendance_add),
        )
        .route(
            "/programmes/{id}/participants/{pid}/anchoring",
            get(workspace::anchoring),
        )
        .route(
            "/programmes/{id}/participants/{pid}/rounds",
            get(rounds::page),
        )
        .route(
            "/programmes/{id}/participants/{pid}/rounds/attach",
            post(rounds::attach),
        )
        .route(
            "/programmes/{id}/participants/{pid}/rounds/detach",
            post(rounds::detach),
        )
        .route(
            "/programmes/{id}/participants/{pid}/indicators",
            post(rounds::indicator_save),
        )
        .route("/programmes/{id}/survey-report", get(rounds::report_page))
        .route(
            "/programmes/{id}/survey-report.html",
            get(rounds::report_html),
        )
        .route(
            "/programmes/{id}/survey-report.pdf",
            get(rounds::report_pdf),
        )
}

/// `samspill-programme`'s catalogue over samspill-i18n's texts (the
/// command line renders programme messages with it too).
pub struct ProgrammeTexts<'a>(pub &'a Texts);

impl Catalogue for ProgrammeTexts<'_> {
    fn lang(&self) -> &str {
        self.0.lang().code()
    }
    fn format(&self, key: &str, args: &[(&str, Plain<'_>)]) -> String {
        let a: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        Plain::Str(s) => Arg::Str(s),
                        Plain::Num(n) => Arg::Num(*n),
                    },
                )
            })
            .collect();
        self.0.format(key, &a)
    }
}

/// Today, as the rules take dates.
pub(crate) fn today() -> Date {
    Date::parse(&samspill_store::today()).expect("the store's date is a day")
}

/// Opens programme `id` as the viewer may see it (404 without standing).
pub(crate) async fn open(
    state: &AppState,
    v: &Viewer,
    id: i64,
) -> Result<ProgrammeHandle, Response> {
    state
        .store()
        .programme_for(&v.user, ProgrammeId::from_raw(id))
        .await
        .map_err(|e| refusal(state, v.lang, e))
}

/// The role name the pages use (`funder`, `evaluator`, `coordinator`).
pub(crate) fn role(h: &ProgrammeHandle) -> &'static str {
    h.standing().as_str()
}

/// Renders a programme page: the viewer's language, CSRF token and the
/// standing's role (the navigation follows it).
pub(crate) fn render(
    state: &AppState,
    v: &Viewer,
    role: &str,
    name: &str,
    mut ctx: serde_json::Map<String, Value>,
    status: StatusCode,
) -> Response {
    ctx.insert("lang".into(), json!(v.lang.code()));
    ctx.insert("csrf".into(), json!(v.csrf));
    ctx.insert("user".into(), json!(v.user.name));
    ctx.insert("role".into(), json!(role));
    match state.render(name, Value::Object(ctx)) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, v.lang, e).into_response(),
    }
}

/// A refused or failed programme action as a translated page: the
/// validation problems listed with the paths of the bad fields.
pub(crate) fn refusal(state: &AppState, lang: Lang, e: ProgrammeError) -> Response {
    match e {
        ProgrammeError::Store(e) => PageError::new(state, lang, e).into_response(),
        ProgrammeError::Forbidden => {
            error_page(state, lang, StatusCode::FORBIDDEN, "web-error-forbidden")
        }
        ProgrammeError::Stale => error_page(state, lang, StatusCode::CONFLICT, "pw-error-stale"),
        ProgrammeError::OtherProgramme { .. } => error_page(
            state,
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "pw-error-other-programme",
        ),
        ProgrammeError::UnknownRound(_) => error_page(
            state,
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "pw-error-unknown-round",
        ),
        ProgrammeError::RoundNotClosed(_) => error_page(
            state,
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "pr-error-not-closed",
        ),
        ProgrammeError::Invalid(errors) => {
            problems(state, lang, &problem_texts(state, lang, &errors))
        }
    }
}

/// Each document problem as a sentence naming its path.
pub(crate) fn problem_texts(state: &AppState, lang: Lang, errors: &DocumentErrors) -> Vec<String> {
    let cat = ProgrammeTexts(state.texts(lang));
    let r = Renderer::new(&cat, &[]);
    errors.0.iter().map(|e| r.message(&e.message())).collect()
}

/// The page listing what is wrong with what was sent (422).
pub(crate) fn problems(state: &AppState, lang: Lang, list: &[String]) -> Response {
    match state.render(
        "programme_problems.html",
        json!({"lang": lang.code(), "problems": list}),
    ) {
        Ok(html) => (StatusCode::UNPROCESSABLE_ENTITY, html).into_response(),
        Err(e) => PageError::new(state, lang, e).into_response(),
    }
}

/// A finding as the pages show it.
pub(crate) fn finding(r: &Renderer<'_>, f: &Finding, doc: &ProgrammeDocument) -> Value {
    let severity = serde_json::to_value(f.severity).unwrap_or(Value::Null);
    json!({
        "severity": severity,
        "text": r.sentence(&f.message()),
        "participant": f.participant.as_ref().and_then(|p| doc.participant(p)).map(|p| p.name.clone()),
    })
}

/// A position on a path, in words.
pub(crate) fn position(r: &Renderer<'_>, path: &PathStatus, pos: &Position) -> String {
    match pos {
        Position::In(k) => path
            .phases
            .iter()
            .find(|v| &v.phase.key == k)
            .map(|v| r.value(&v.phase.label))
            .unwrap_or_else(|| k.to_string()),
        Position::NotStarted => r.message(&Message::new("programme-position-not-started")),
        Position::Finished => r.message(&Message::new("programme-position-finished")),
    }
}

/// A date in words, if any.
pub(crate) fn date(r: &Renderer<'_>, d: Option<Date>) -> Option<String> {
    d.map(|d| r.date(d))
}

/// A source kind in words.
pub(crate) fn source(r: &Renderer<'_>, s: SourceKind) -> String {
    r.message(&Message::new(format!(
        "programme-source-{}",
        s.code().replace('_', "-")
    )))
}

/// Whether the standing is the funder's adviser's.
pub(crate) fn is_funder(h: &ProgrammeHandle) -> bool {
    matches!(h.standing(), Standing::Funder | Standing::System)
}
