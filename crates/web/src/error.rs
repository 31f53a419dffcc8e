//! Error pages: every refusal and failure is a translated page; details go
//! to the log (server errors at `error` level, so no 5xx passes unlogged),
//! never to the page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samspill_i18n::Lang;
use samspill_store::StoreError;
use serde_json::json;

use crate::{AppState, WebError};

/// A translated error page with a status.
pub fn error_page(state: &AppState, lang: Lang, status: StatusCode, key: &str) -> Response {
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

/// The status and message key of a store error.
pub fn store_error_key(e: &StoreError) -> (StatusCode, &'static str) {
    match e {
        StoreError::NotFound => (StatusCode::NOT_FOUND, "web-error-not-found"),
        StoreError::BadToken => (StatusCode::NOT_FOUND, "web-error-bad-token"),
        StoreError::Frozen => (StatusCode::CONFLICT, "web-error-frozen"),
        StoreError::NotOpen => (StatusCode::CONFLICT, "web-error-not-open"),
        StoreError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "web-error-invalid"),
        StoreError::Conflict(_) => (StatusCode::CONFLICT, "web-error-conflict"),
        StoreError::Incomplete(_) => (StatusCode::CONFLICT, "web-error-incomplete"),
        _ => (StatusCode::INTERNAL_SERVER_ERROR, "web-error-internal"),
    }
}

/// Maps errors to pages; details go to the log, never to the page.
pub struct PageError {
    state: AppState,
    lang: Lang,
    error: WebError,
}

impl PageError {
    /// An error to show in `lang`.
    pub fn new(state: &AppState, lang: Lang, error: impl Into<WebError>) -> PageError {
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
            WebError::Store(e) => store_error_key(e),
            WebError::NotClosed => (StatusCode::CONFLICT, "web-results-not-closed"),
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
