//! The built-in outbox: when the server delivers mail to it (the demo, a
//! trial without SMTP), the coordinator reads each message as it would
//! arrive, with its link.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::{fail, obj, page};
use crate::AppState;
use crate::extract::Coord;

/// The outbox page (newest first).
pub async fn outbox(State(state): State<AppState>, c: Coord) -> Response {
    let mail = match c.tenant.delivered_mail(500).await {
        Ok(m) => m,
        Err(e) => return fail(&state, &c, e),
    };
    if let Err(e) = c.tenant.record_read("outbox", "").await {
        return fail(&state, &c, e);
    }
    let ctx = obj(json!({"messages": mail}));
    page(&state, &c, "coord_outbox.html", ctx, StatusCode::OK)
}
