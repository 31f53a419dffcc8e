//! The whole programme in and out: export as the JSON document or an XLSX
//! workbook (samspill-programme's formats), import of either to replace the
//! programme or, for a funder's adviser, to create a new one, and the
//! portfolio as a workbook for reporting upward. An import is read with the
//! crate's bounded readers and validated as a whole before the store
//! replaces anything; every problem names its field (a document path, or
//! a sheet and cell) and nothing changes.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_programme::ProgrammeDocument;
use samspill_programme::rules::portfolio;
use samspill_programme::text::Renderer;
use samspill_programme::xlsx;

use super::{ProgrammeTexts, open, problem_texts, problems, refusal, today};
use crate::extract::{Id, Upload, Viewer};
use crate::{AppState, PageError, WebError};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file download (JSON or XLSX by the name's extension).
pub(crate) fn download(bytes: Vec<u8>, name: &str) -> Response {
    let kind = if name.ends_with(".json") {
        "application/json"
    } else {
        XLSX
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// A safe file name stem from a programme's id.
pub(crate) fn stem(key: &str) -> String {
    let s: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    if s.is_empty() { "programme".into() } else { s }
}

/// Reads an uploaded programme: an XLSX workbook (a zip) or the JSON
/// document; `Err` is the page listing the problems.
#[allow(clippy::result_large_err)]
fn read_upload(
    state: &AppState,
    lang: Lang,
    upload: Upload,
) -> Result<ProgrammeDocument, Response> {
    let Some((_, bytes)) = upload.file.filter(|(_, b)| !b.is_empty()) else {
        return Err(problems(
            state,
            lang,
            &[state.texts(lang).get("pw-error-no-file")],
        ));
    };
    if bytes.starts_with(b"PK") {
        xlsx::import(&bytes).map_err(|e| {
            let cat = ProgrammeTexts(state.texts(lang));
            let r = Renderer::new(&cat, &[]);
            let list: Vec<String> = e.messages().iter().map(|m| r.sentence(m)).collect();
            problems(state, lang, &list)
        })
    } else {
        ProgrammeDocument::from_json(&bytes)
            .map_err(|e| problems(state, lang, &problem_texts(state, lang, &e)))
    }
}

/// `GET /programmes/{id}/export.json`.
pub async fn export_json(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    match h.export().await {
        Ok(doc) => download(
            doc.to_json(),
            &format!("{}.json", stem(doc.programme.id.as_str())),
        ),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `GET /programmes/{id}/export.xlsx`.
pub async fn export_xlsx(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.export().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    match xlsx::export(&doc) {
        Ok(bytes) => download(bytes, &format!("{}.xlsx", stem(doc.programme.id.as_str()))),
        Err(e) => PageError::new(&state, v.lang, WebError::Results(e.to_string())).into_response(),
    }
}

/// `GET /programmes/{id}/portfolio.xlsx`: the portfolio as of today.
pub async fn portfolio_xlsx(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if !h.allows(&samspill_store::programme::Action::Overview) {
        return refusal(&state, v.lang, samspill_store::ProgrammeError::Forbidden);
    }
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    if let Err(e) = h.audit_read("portfolio xlsx").await {
        return refusal(&state, v.lang, e);
    }
    let p = portfolio::portfolio(&doc, today(), &[]);
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    match xlsx::portfolio_workbook(&p, &r) {
        Ok(bytes) => download(
            bytes,
            &format!("{}-portfolio.xlsx", stem(doc.programme.id.as_str())),
        ),
        Err(e) => PageError::new(&state, v.lang, WebError::Results(e.to_string())).into_response(),
    }
}

/// `POST /programmes/{id}/import`: replaces the whole programme by an
/// uploaded document of the same programme (funder's adviser).
pub async fn import(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    upload: Upload,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if !h.allows(&samspill_store::programme::Action::Import) {
        return refusal(&state, v.lang, samspill_store::ProgrammeError::Forbidden);
    }
    let doc = match read_upload(&state, v.lang, upload) {
        Ok(d) => d,
        Err(r) => return r,
    };
    match h.replace(&doc).await {
        Ok(()) => Redirect::to(&format!("/programmes/{id}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST /programmes/new`: a funder's adviser creates a programme from an
/// uploaded document and becomes its first member.
pub async fn create(State(state): State<AppState>, v: Viewer, upload: Upload) -> Response {
    if v.user.role != samspill_store::Role::Funder {
        return crate::error::error_page(
            &state,
            v.lang,
            StatusCode::FORBIDDEN,
            "web-error-forbidden",
        );
    }
    let doc = match read_upload(&state, v.lang, upload) {
        Ok(d) => d,
        Err(r) => return r,
    };
    match state.store().create_programme_as(&v.user, &doc).await {
        Ok(id) => Redirect::to(&format!("/programmes/{id}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}
