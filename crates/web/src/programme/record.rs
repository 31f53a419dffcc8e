//! One record of the programme edited as its JSON (the document format):
//! the form carries the record's revision, the store reads the text as
//! part of the whole programme (problems name the path of the bad field),
//! checks the change against the role's rules and stores it with its audit
//! row, or changes nothing. The page is offered for the records a role
//! keeps that have no form of their own (a coordinator's organisation and
//! action plan, the funder's participant records); the store decides.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_store::{ProgrammeError, Record, RecordKind, StoreError};
use serde_json::json;

use super::{open, refusal, render, role};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Form, Id, Viewer};

/// Longest record text accepted from the form (characters).
const MAX_RECORD_CHARS: usize = 200_000;

fn kind_of(s: &str) -> Option<RecordKind> {
    RecordKind::parse(s)
}

/// `GET /programmes/{id}/records/{kind}/{key}`.
pub async fn edit_page(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, kind, key)): Id<(i64, String, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let Some(kind) = kind_of(&kind) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let Some(record) = Record::find(&stored.doc, kind, &key) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    let back = record
        .participant()
        .map(|p| format!("/programmes/{id}/participants/{p}"))
        .unwrap_or_else(|| format!("/programmes/{id}"));
    let ctx = obj(json!({
        "id": id,
        "kind": kind.as_str(),
        "key": key,
        "rev": stored.revision_of(kind, &key),
        "text": RecordKind::json_of(&record),
        "back": back,
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_record.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/records/{kind}/{key}`: fields `rev` and `record`.
pub async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, kind, key)): Id<(i64, String, String)>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let Some(kind) = kind_of(&kind) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    let text = form.get("record").unwrap_or("");
    if text.chars().count() > MAX_RECORD_CHARS {
        return crate::error::error_page(
            &state,
            v.lang,
            StatusCode::PAYLOAD_TOO_LARGE,
            "web-error-too-large",
        );
    }
    let Some(rev) = form.get("rev").and_then(|r| r.trim().parse::<i64>().ok()) else {
        return refusal(&state, v.lang, ProgrammeError::Stale);
    };
    let record = match h.parse_record(kind, text).await {
        Ok(r) => r,
        Err(e) => return refusal(&state, v.lang, e),
    };
    if record.key() != key {
        let t = state.texts(v.lang);
        return super::problems(&state, v.lang, &[t.get("pw-error-key-changed")]);
    }
    let back = record
        .participant()
        .map(|p| format!("/programmes/{id}/participants/{p}"))
        .unwrap_or_else(|| format!("/programmes/{id}"));
    match h.put(record, Some(rev)).await {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}
