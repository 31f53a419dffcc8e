//! The user's own interface language (`/language`): any logged-in user
//! chooses it, or follows their municipality's; the store saves it with its
//! audit row, and every page reads it through the session (`Viewer`).

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samspill_i18n::Lang;
use samspill_store::Role;
use serde::Deserialize;
use serde_json::json;

use crate::extract::{Form, Q, Viewer};
use crate::{AppState, MailTransport, PageError};

/// The language page's routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/language", get(language_page).post(language_save))
}

/// Query of the language page.
#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

fn render(state: &AppState, v: &Viewer, saved: bool, error: bool) -> Response {
    let tenant_lang = v.tenant.as_ref().map(|t| t.lang.clone());
    let ctx = json!({
        "lang": v.lang.code(),
        "csrf": v.csrf,
        "user": v.user.name,
        "role": if v.user.role == Role::Operator { "operator" } else { "coordinator" },
        "outbox": matches!(state.config().mail, MailTransport::Outbox),
        "own": v.user.lang,
        "tenant_lang": tenant_lang,
        "choices": ["nb", "nn", "da", "en"],
        "saved": saved,
        "error": error,
    });
    let status = if error {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    match state.render("language.html", ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, v.lang, e).into_response(),
    }
}

/// The choice of interface language.
pub async fn language_page(
    State(state): State<AppState>,
    v: Viewer,
    Q(q): Q<SavedQuery>,
) -> Response {
    render(&state, &v, q.saved.is_some(), false)
}

/// Saves the choice (`lang` = `nb`, `nn`, `da`, `en`, or empty to follow
/// the municipality's language).
pub async fn language_save(State(state): State<AppState>, v: Viewer, Form(f): Form) -> Response {
    let choice = f.text("lang");
    let lang = match choice.as_str() {
        "" => None,
        l => match Lang::parse(l) {
            Some(l) => Some(l.code()),
            None => return render(&state, &v, false, true),
        },
    };
    match state.store().set_own_lang(&v.actor(), lang).await {
        Ok(()) => Redirect::to("/language?saved=1").into_response(),
        Err(e) => PageError::new(&state, v.lang, e).into_response(),
    }
}
