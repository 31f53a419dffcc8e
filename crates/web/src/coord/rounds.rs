//! Rounds: creating and copying, the instrument's wording, political
//! bodies, opening, invitations (mail, link list, printable letters),
//! monitoring and closing.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_store::{
    MailKind, NewRound, OPEN_QUESTIONS, Parts, RoundContact, RoundId, RoundSettings, RoundStatus,
    StoreError,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{fail, obj, page};
use crate::extract::{Coord, Form, Id, Q};
use crate::forms::FormData;
use crate::invite::Invitee;
use crate::survey::{INSTRUMENT_KEYS, instrument_text};
use crate::{AppState, LONG_ROSTER, MailTransport, estimate_minutes};

/// The name a round gets when none is given: «Runde 12. mai 2026».
fn default_round_name(state: &AppState, lang: Lang) -> String {
    let t = state.texts(lang);
    format!(
        "{} {}",
        t.get("web-round"),
        t.date_or_text(&samspill_store::today())
    )
}

/// Creates a round from the standard template; the coordinator is its
/// contact and the one who drew up the list until they say otherwise.
pub async fn round_create(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let mut name = f.text("name");
    if name.is_empty() {
        name = default_round_name(&state, c.lang);
    }
    let mut round = NewRound::standard(&name, c.lang.code());
    round.contact = RoundContact {
        name: Some(c.user.name.clone()),
        email: Some(c.user.email.clone()),
        phone: None,
        list_by: Some(c.user.name.clone()),
    };
    match c.tenant.create_round(&round).await {
        Ok(id) => Redirect::to(&format!("/coord/rounds/{id}")).into_response(),
        Err(StoreError::Invalid(_)) => {
            super::home::home_with(&state, &c, Some("web-error-invalid"), &name).await
        }
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
        "settings" | "bodies" | "parts" | "contact" => "web-saved",
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
    let minutes = estimate_minutes(roster, round.bodies.len(), &round.parts);
    let unsynced: Vec<Value> = round
        .unsynced_offered()
        .iter()
        .map(|(lang, key)| json!({"lang": lang, "key": key}))
        .collect();
    let open_questions: Vec<Value> = OPEN_QUESTIONS
        .iter()
        .map(|k| json!({"key": k, "asked": round.parts.asks_open(k)}))
        .collect();
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
        "minutes": minutes,
        "roster_size": roster,
        "long_roster": roster > LONG_ROSTER,
        "unsynced": unsynced,
        "open_questions": open_questions,
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
    saved: Option<String>,
}

/// The instrument's wording in one language, editable, with the items
/// whose wording changed in another language marked "not updated".
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
    instrument_view(
        &state,
        &c,
        &round,
        lang,
        None,
        &HashMap::new(),
        q.saved.is_some(),
        StatusCode::OK,
    )
}

/// Renders the instrument page; `posted` holds texts sent back when they
/// were refused, `errors` the refused items.
#[allow(clippy::too_many_arguments)]
fn instrument_view(
    state: &AppState,
    c: &Coord,
    round: &samspill_store::RoundInfo,
    lang: Lang,
    posted: Option<&FormData>,
    errors: &HashMap<String, String>,
    saved: bool,
    status: StatusCode,
) -> Response {
    let name_of = |l: &str| state.text(c.lang, &format!("web-lang-{l}"));
    let items: Vec<Value> = INSTRUMENT_KEYS
        .iter()
        .map(|k| {
            let text = posted
                .and_then(|f| f.get(&format!("t_{k}")))
                .map(str::to_string)
                .unwrap_or_else(|| instrument_text(state, round, lang, k));
            let current: Vec<String> = round
                .current_languages(k)
                .iter()
                .map(|l| name_of(l))
                .collect();
            json!({
                "key": k,
                "text": text,
                "edited": round.text(lang.code(), k).is_some(),
                "asked": round.parts.asks_item(k),
                "unsynced": round.is_unsynced(lang.code(), k),
                "current": crate::invite::and_list(state.texts(c.lang), &current),
                "error": errors.get(*k),
            })
        })
        .collect();
    let languages: Vec<Value> = ["nb", "nn", "da", "en"]
        .iter()
        .map(|l| {
            let behind = INSTRUMENT_KEYS
                .iter()
                .filter(|k| round.parts.asks_item(k) && round.is_unsynced(l, k))
                .count();
            json!({"code": l, "behind": behind, "offered": round.languages.iter().any(|x| x == l)})
        })
        .collect();
    let ctx = obj(json!({
        "round": round,
        "items": items,
        "text_lang": lang.code(),
        "languages": languages,
        "saved": saved,
        "errors": !errors.is_empty(),
    }));
    page(state, c, "coord_instrument.html", ctx, status)
}

/// Saves the wording of one language: edited items, items reset to the
/// standard wording (`reset`), and items confirmed to say the same as the
/// latest change in another language (`confirm_{key}`), in one
/// transaction. A refused text is shown beside its item and nothing is
/// saved.
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
    let reset = f.get("reset");
    if reset.is_some_and(|r| !INSTRUMENT_KEYS.contains(&r)) {
        return fail(&state, &c, StoreError::NotFound);
    }
    let mut edits = Vec::new();
    let mut errors = HashMap::new();
    for k in INSTRUMENT_KEYS {
        if reset == Some(k) {
            edits.push((k.to_string(), String::new()));
            continue;
        }
        let Some(text) = f.get(&format!("t_{k}")) else {
            continue;
        };
        let text = text.replace("\r\n", "\n");
        if samspill_store::text::check_text("text", &text, 2000).is_err() {
            errors.insert(k.to_string(), "everyday-wording-invalid".to_string());
            continue;
        }
        let standard = state.text(lang, &format!("survey-q-{k}"));
        // The standard text is stored as no edit, so it follows the
        // product's wording and stays in step with the other languages.
        let value = if text.trim() == standard.trim() {
            String::new()
        } else {
            text
        };
        edits.push((k.to_string(), value));
    }
    if !errors.is_empty() {
        return instrument_view(
            &state,
            &c,
            &round,
            lang,
            Some(&f),
            &errors,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let confirmed: Vec<String> = INSTRUMENT_KEYS
        .iter()
        .filter(|k| f.get(&format!("confirm_{k}")).is_some())
        .map(|k| k.to_string())
        .collect();
    match c
        .tenant
        .save_wording(round_id, lang.code(), &edits, &confirmed)
        .await
    {
        Ok(_) => {
            let anchor = reset.map(|k| format!("#t-{k}")).unwrap_or_default();
            Redirect::to(&format!(
                "/coord/rounds/{id}/instrument?lang={}&saved=1{anchor}",
                lang.code()
            ))
            .into_response()
        }
        Err(StoreError::Frozen) => instrument_view(
            &state,
            &c,
            &round,
            lang,
            Some(&f),
            &HashMap::new(),
            false,
            StatusCode::CONFLICT,
        ),
        Err(e) => fail(&state, &c, e),
    }
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
            // The advice relation is chosen with the other parts.
            let second_relation = match c.tenant.round(round).await {
                Ok(r) => r.second_relation,
                Err(e) => return fail(&state, &c, e),
            };
            let s = RoundSettings {
                name: f.text("name"),
                languages: f.all("languages").into_iter().map(str::to_string).collect(),
                lang: f.text("round_lang"),
                opens_on: date("opens_on"),
                closes_on: date("closes_on"),
                second_relation,
                remind_on: date("remind_on"),
            };
            c.tenant.update_round(round, &s).await.map(|_| None)
        }
        "parts" => {
            let open = f.all("open");
            if open.iter().any(|q| !OPEN_QUESTIONS.contains(q)) {
                return fail(&state, &c, StoreError::NotFound);
            }
            let parts = Parts {
                advice: f.get("advice").is_some(),
                political: f.get("political").is_some(),
                meeting_places: f.get("meeting_places").is_some(),
                open: open.into_iter().map(str::to_string).collect(),
            };
            c.tenant.set_round_parts(round, &parts).await.map(|_| None)
        }
        "contact" => {
            let field = |k: &str| Some(f.text(k)).filter(|v| !v.is_empty());
            let contact = RoundContact {
                name: field("contact_name"),
                email: field("contact_email"),
                phone: field("contact_phone"),
                list_by: field("list_by"),
            };
            c.tenant
                .set_round_contact(round, &contact)
                .await
                .map(|_| None)
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
        "open" => if f.get("confirm_languages").is_some() {
            c.tenant.open_round_confirmed(round).await
        } else {
            c.tenant.open_round(round).await
        }
        .map(|_| None),
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
                n if n.is_empty() => default_round_name(&state, c.lang),
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
                StoreError::Invalid(field) if action == "contact" => Some((
                    if field.starts_with("contact_email") {
                        "everyday-contact-email-invalid"
                    } else if field.starts_with("contact_phone") {
                        "everyday-contact-phone-invalid"
                    } else {
                        "everyday-contact-invalid"
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                )),
                StoreError::Invalid(_) => {
                    Some(("web-error-invalid", StatusCode::UNPROCESSABLE_ENTITY))
                }
                StoreError::Unsynced(_) => Some(("everyday-open-unsynced", StatusCode::CONFLICT)),
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

/// Printable letters, one page each, with the link and a QR code, in the
/// round's language or another it offers (`?lang=`).
pub async fn letters(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<InstrumentQuery>,
) -> Response {
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
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .filter(|l| round.languages.iter().any(|x| x == l.code()))
        .or_else(|| Lang::parse(&round.lang))
        .unwrap_or(c.lang);
    let t = state.texts(lang);
    let letters: Vec<Value> = links
        .iter()
        .map(|l| {
            let url = link(&state, &l.token);
            let who = Invitee {
                tenant: &info.name,
                functions: &l.invitation.functions,
                unit: l.invitation.unit.as_deref(),
                contact: &round.contact,
                closes_on: round.closes_on.as_deref(),
            };
            json!({
                "name": l.invitation.name,
                "link": url,
                "qr": qr_svg(&url),
                "why": who.why(t),
                "deadline": who.deadline(t),
                "contact": who.contact(t),
            })
        })
        .collect();
    let minutes = estimate_minutes(links.len(), round.bodies.len(), &round.parts);
    let ctx = obj(
        json!({"round": round, "tenant": info, "letters": letters, "minutes": minutes, "lang": lang.code()}),
    );
    page(&state, &c, "coord_letters.html", ctx, StatusCode::OK)
}
