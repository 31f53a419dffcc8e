//! Rounds: creating and copying, the instrument's wording, political
//! bodies, opening, invitations (mail, link list, printable letters),
//! monitoring and closing.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_store::{MailKind, NewRound, RoundId, RoundSettings, RoundStatus, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{fail, obj, page};
use crate::extract::{Coord, Form, Id, Q};
use crate::survey::{INSTRUMENT_KEYS, instrument_text};
use crate::{AppState, MailTransport, estimate_minutes};

/// Creates a round from the standard template.
pub async fn round_create(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let mut name = f.text("name");
    if name.is_empty() {
        name = format!(
            "{} {}",
            state.text(c.lang, "web-round"),
            samspill_store::today()
        );
    }
    match c
        .tenant
        .create_round(&NewRound::standard(&name, c.lang.code()))
        .await
    {
        Ok(id) => Redirect::to(&format!("/coord/rounds/{id}")).into_response(),
        Err(e) => fail(&state, &c, e),
    }
}

/// Query of the round page: the outcome of the action just done.
#[derive(Deserialize, Default)]
pub struct RoundQuery {
    done: Option<String>,
}

/// The message shown after a successful action (by the action's name; an
/// unknown name shows nothing).
fn done_message(action: &str) -> Option<&'static str> {
    Some(match action {
        "settings" | "bodies" => "web-saved",
        "open" => "web-round-opened",
        "send" | "remind" => "web-mail-queued",
        "close" => "web-round-closed",
        "copy" => "web-round-copied",
        _ => return None,
    })
}

/// The round page: settings, bodies, estimate, invitations, monitoring.
pub async fn round_page(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<RoundQuery>,
) -> Response {
    let message = q.done.as_deref().and_then(done_message).map(|k| ("ok", k));
    round_view(&state, &c, RoundId::from_raw(id), message, StatusCode::OK).await
}

async fn round_view(
    state: &AppState,
    c: &Coord,
    id: RoundId,
    message: Option<(&str, &str)>,
    status: StatusCode,
) -> Response {
    let round = match c.tenant.round(id).await {
        Ok(r) => r,
        Err(e) => return fail(state, c, e),
    };
    let stats = match c.tenant.response_stats(id).await {
        Ok(s) => s,
        Err(e) => return fail(state, c, e),
    };
    let invitations = match c.tenant.invitations(id).await {
        Ok(i) => i,
        Err(e) => return fail(state, c, e),
    };
    let undelivered = match c.tenant.undelivered_mail(id).await {
        Ok(u) => u,
        Err(e) => return fail(state, c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("monitoring", &format!("round {id}"))
        .await
    {
        return fail(state, c, e);
    }
    let roster = if round.status == RoundStatus::Draft {
        match c.tenant.persons().await {
            Ok(p) => p.iter().filter(|p| p.active).count(),
            Err(e) => return fail(state, c, e),
        }
    } else {
        invitations.len()
    };
    let pct = |n: usize, d: usize| (100 * n + d / 2).checked_div(d).unwrap_or(0);
    let rate = |r: &samspill_store::Rate| json!({"group": r.group, "invited": r.invited, "started": r.started, "submitted": r.submitted, "percent": pct(r.submitted, r.invited)});
    let mail_counts = {
        let mut m: HashMap<String, usize> = HashMap::new();
        for i in &invitations {
            *m.entry(i.mail_status.clone().unwrap_or_else(|| "none".into()))
                .or_default() += 1;
        }
        m
    };
    let ctx = obj(json!({
        "round": round,
        "overall": rate(&stats.overall),
        "per_function": stats.per_function.iter().map(rate).collect::<Vec<_>>(),
        "per_unit": stats.per_unit.iter().map(rate).collect::<Vec<_>>(),
        "invitations": invitations,
        "mail": mail_counts,
        "undelivered": undelivered,
        "minutes": estimate_minutes(roster, round.bodies.len(), round.second_relation),
        "roster_size": roster,
        "bodies_text": round.bodies.iter().map(|b| b.name.clone()).collect::<Vec<_>>().join("\n"),
        "message": message.map(|m| json!({"kind": m.0, "key": m.1})),
        "mail_transport": match state.config().mail {
            MailTransport::None => "none",
            MailTransport::Smtp(_) => "smtp",
            MailTransport::Outbox => "outbox",
        },
        "all_languages": ["nb", "nn", "da", "en"],
    }));
    page(state, c, "coord_round.html", ctx, status)
}

/// Query of the instrument page.
#[derive(Deserialize, Default)]
pub struct InstrumentQuery {
    lang: Option<String>,
}

/// The instrument's wording in one language, editable.
pub async fn instrument_page(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<InstrumentQuery>,
) -> Response {
    let round = match c.tenant.round(RoundId::from_raw(id)).await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(c.lang);
    let items: Vec<Value> = INSTRUMENT_KEYS
        .iter()
        .map(|k| {
            json!({
                "key": k,
                "text": instrument_text(&state, &round, lang, k),
                "edited": round.text(lang.code(), k).is_some(),
            })
        })
        .collect();
    let ctx = obj(
        json!({"round": round, "items": items, "text_lang": lang.code(), "all_languages": ["nb", "nn", "da", "en"]}),
    );
    page(&state, &c, "coord_instrument.html", ctx, StatusCode::OK)
}

/// Saves the wording of one language.
pub async fn instrument_save(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let round_id = RoundId::from_raw(id);
    let lang = f.get("text_lang").and_then(Lang::parse).unwrap_or(c.lang);
    let round = match c.tenant.round(round_id).await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    for k in INSTRUMENT_KEYS {
        let Some(text) = f.get(&format!("t_{k}")) else {
            continue;
        };
        let standard = state.text(lang, &format!("survey-q-{k}"));
        // Storing the standard text as an "edit" would freeze it; reset instead.
        let value = if text.trim() == standard.trim() {
            ""
        } else {
            text
        };
        if value.is_empty() && round.text(lang.code(), k).is_none() {
            continue;
        }
        if let Err(e) = c
            .tenant
            .set_round_text(round_id, lang.code(), k, value)
            .await
        {
            return fail(&state, &c, e);
        }
    }
    Redirect::to(&format!(
        "/coord/rounds/{id}/instrument?lang={}&saved=1",
        lang.code()
    ))
    .into_response()
}

/// A GET of an action's address (a bookmark, a reload after a redirect):
/// back to the round page.
pub async fn round_action_get(Id((id, _)): Id<(i64, String)>) -> Redirect {
    Redirect::to(&format!("/coord/rounds/{id}"))
}

/// Actions on a round: `settings`, `bodies`, `open`, `send`, `remind`,
/// `close`, `copy`. Success redirects to the page that shows the result
/// (so a reload repeats nothing); a refusal shows the round page with the
/// reason.
pub async fn round_action(
    State(state): State<AppState>,
    c: Coord,
    Id((id, action)): Id<(i64, String)>,
    Form(f): Form,
) -> Response {
    let round = RoundId::from_raw(id);
    let date = |k: &str| Some(f.text(k)).filter(|d| !d.is_empty());
    let result: Result<Option<String>, StoreError> = match action.as_str() {
        "settings" => {
            let s = RoundSettings {
                name: f.text("name"),
                languages: f.all("languages").into_iter().map(str::to_string).collect(),
                lang: f.text("round_lang"),
                opens_on: date("opens_on"),
                closes_on: date("closes_on"),
                second_relation: f.get("second_relation").is_some(),
                remind_on: date("remind_on"),
            };
            c.tenant.update_round(round, &s).await.map(|_| None)
        }
        "bodies" => {
            let bodies: Vec<String> = f
                .text("bodies")
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            c.tenant.set_bodies(round, &bodies).await.map(|_| None)
        }
        "open" => c.tenant.open_round(round).await.map(|_| None),
        "send" => c
            .tenant
            .queue_mail(round, MailKind::Invitation)
            .await
            .map(|_| None),
        "remind" => c
            .tenant
            .queue_mail(round, MailKind::Reminder)
            .await
            .map(|_| None),
        "close" => {
            if f.get("confirm").is_none() {
                return round_view(
                    &state,
                    &c,
                    round,
                    Some(("error", "web-close-confirm-needed")),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            c.tenant.close_round(round).await.map(|_| None)
        }
        "copy" => {
            let name = match f.text("name") {
                n if n.is_empty() => format!(
                    "{} {}",
                    state.text(c.lang, "web-round"),
                    samspill_store::today()
                ),
                n => n,
            };
            c.tenant
                .copy_round(round, &name)
                .await
                .map(|new| Some(format!("/coord/rounds/{new}?done=copy")))
        }
        _ => Err(StoreError::NotFound),
    };
    match result {
        Ok(target) => {
            if action == "send" || action == "remind" {
                state.wake_mail();
            }
            let target = target.unwrap_or_else(|| format!("/coord/rounds/{id}?done={action}"));
            Redirect::to(&target).into_response()
        }
        Err(e) => {
            // Errors the coordinator can act on are shown on the round page.
            let shown = match &e {
                StoreError::Invalid(_) => {
                    Some(("web-error-invalid", StatusCode::UNPROCESSABLE_ENTITY))
                }
                StoreError::Conflict(_) => Some(("web-error-conflict", StatusCode::CONFLICT)),
                StoreError::Frozen => Some(("web-error-frozen", StatusCode::CONFLICT)),
                StoreError::NotOpen => Some(("web-error-not-open", StatusCode::CONFLICT)),
                _ => None,
            };
            match shown {
                Some((key, status)) => {
                    round_view(&state, &c, round, Some(("error", key)), status).await
                }
                None => fail(&state, &c, e),
            }
        }
    }
}

pub(crate) fn link(state: &AppState, token: &str) -> String {
    format!("{}/s/{token}", state.config().public_url)
}

/// The links as CSV, for sending through other channels.
pub async fn links_csv(State(state): State<AppState>, c: Coord, Id(id): Id<i64>) -> Response {
    let links = match c.tenant.invitation_links(RoundId::from_raw(id)).await {
        Ok(l) => l,
        Err(e) => return fail(&state, &c, e),
    };
    if let Err(e) = c.tenant.record_read("links", &format!("round {id}")).await {
        return fail(&state, &c, e);
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let header =
        ["name", "email", "unit", "link"].map(|k| state.text(c.lang, &format!("web-csv-{k}")));
    let _ = w.write_record(&header);
    for l in &links {
        // A leading = + - @ would be a formula in a spreadsheet.
        let safe = |s: &str| {
            if s.starts_with(['=', '+', '-', '@']) {
                format!("'{s}")
            } else {
                s.to_string()
            }
        };
        let _ = w.write_record([
            safe(&l.invitation.name),
            safe(&l.invitation.email),
            safe(l.invitation.unit.as_deref().unwrap_or("")),
            link(&state, &l.token),
        ]);
    }
    let body = w.into_inner().unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"samspill-links-{id}.csv\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A QR code as an SVG data URI.
pub(crate) fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(160, 160)
        .build();
    let encoded =
        percent_encoding::utf8_percent_encode(&svg, percent_encoding::NON_ALPHANUMERIC).to_string();
    Some(format!("data:image/svg+xml,{encoded}"))
}

/// Printable letters, one page each, with the link and a QR code.
pub async fn letters(State(state): State<AppState>, c: Coord, Id(id): Id<i64>) -> Response {
    let round_id = RoundId::from_raw(id);
    let (round, links, info) = match (
        c.tenant.round(round_id).await,
        c.tenant.invitation_links(round_id).await,
        c.tenant.info().await,
    ) {
        (Ok(r), Ok(l), Ok(i)) => (r, l, i),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return fail(&state, &c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("letters", &format!("round {id}"))
        .await
    {
        return fail(&state, &c, e);
    }
    let letters: Vec<Value> = links
        .iter()
        .map(|l| {
            let url = link(&state, &l.token);
            json!({"name": l.invitation.name, "link": url, "qr": qr_svg(&url)})
        })
        .collect();
    let minutes = estimate_minutes(links.len(), round.bodies.len(), round.second_relation);
    let ctx = obj(json!({"round": round, "tenant": info, "letters": letters, "minutes": minutes}));
    page(&state, &c, "coord_letters.html", ctx, StatusCode::OK)
}
