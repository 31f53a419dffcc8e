//! The coordinator's home page and the tenant's settings.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_store::StoreError;
use serde::Deserialize;
use serde_json::json;

use super::{coverage, fail, obj, page};
use crate::AppState;
use crate::extract::{Coord, Form, Q};

/// Query of pages that confirm a save.
#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// The coordinator's home: rounds and coverage warnings.
pub async fn home(State(state): State<AppState>, c: Coord) -> Response {
    home_with(&state, &c, None, "").await
}

/// The home page, with the refusal of the new-round form (`error`, a
/// message key) and the name typed in it.
pub async fn home_with(state: &AppState, c: &Coord, error: Option<&str>, name: &str) -> Response {
    let (state, c) = (state.clone(), c);
    let rounds = match c.tenant.rounds().await {
        Ok(r) => r,
        Err(e) => return fail(&state, c, e),
    };
    let (_, gaps) = match coverage(c).await {
        Ok(x) => x,
        Err(e) => return fail(&state, c, e),
    };
    let info = match c.tenant.info().await {
        Ok(i) => i,
        Err(e) => return fail(&state, c, e),
    };
    let persons = c
        .tenant
        .persons()
        .await
        .map(|p| p.iter().filter(|p| p.active).count())
        .unwrap_or(0);
    let ctx = obj(json!({
        "tenant": info,
        "rounds": rounds,
        "gaps": gaps,
        "persons": persons,
        "today": samspill_store::today(),
        "round_error": error,
        "round_name": name,
    }));
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page(&state, c, "coord_home.html", ctx, status)
}

/// Tenant settings: name, language, sender address.
pub async fn settings_page(
    State(state): State<AppState>,
    c: Coord,
    Q(q): Q<SavedQuery>,
) -> Response {
    match c.tenant.info().await {
        Ok(info) => page(
            &state,
            &c,
            "coord_settings.html",
            obj(json!({"tenant": info, "saved": q.saved.is_some()})),
            StatusCode::OK,
        ),
        Err(e) => fail(&state, &c, e),
    }
}

/// Saves the tenant settings.
pub async fn settings_save(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let mail_from = f.text("mail_from");
    match c
        .tenant
        .update_settings(&f.text("name"), &f.text("lang"), Some(&mail_from))
        .await
    {
        Ok(()) => Redirect::to("/coord/settings?saved=1").into_response(),
        Err(StoreError::Invalid(field)) => {
            let info = c.tenant.info().await.ok();
            let ctx = obj(
                json!({"tenant": info, "error_field": field, "form": {"name": f.text("name"), "mail_from": mail_from}}),
            );
            page(
                &state,
                &c,
                "coord_settings.html",
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => fail(&state, &c, e),
    }
}
