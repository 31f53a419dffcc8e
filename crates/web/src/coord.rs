//! The coordinator's pages: roster, function catalogue and coverage,
//! rounds (instrument, invitations, monitoring, closing).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::{Arg, Lang};
use samspill_store::{
    MailKind, NewPerson, NewRound, PersonId, ProblemKind, RoundId, RoundSettings, RoundStatus,
    RowProblem, StoreError,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Coord;
use crate::forms::FormData;
use crate::roster::{RosterFile, parse_level, parse_roster, row_numbers};
use crate::survey::{INSTRUMENT_KEYS, instrument_text};
use crate::{AppState, PageError, WebError, error_page, estimate_minutes};

fn page(
    state: &AppState,
    c: &Coord,
    name: &str,
    mut ctx: serde_json::Map<String, Value>,
    status: StatusCode,
) -> Response {
    ctx.insert("lang".into(), json!(c.lang.code()));
    ctx.insert("csrf".into(), json!(c.csrf));
    ctx.insert("user".into(), json!(c.user.name));
    match state.render(name, Value::Object(ctx)) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, c.lang, e).into_response(),
    }
}

fn fail(state: &AppState, c: &Coord, e: impl Into<WebError>) -> Response {
    PageError::new(state, c.lang, e).into_response()
}

fn csrf_refused(state: &AppState, c: &Coord) -> Response {
    tracing::warn!(user = %c.user.email, "CSRF token mismatch");
    error_page(state, c.lang, StatusCode::FORBIDDEN, "web-error-csrf")
}

fn obj(v: Value) -> serde_json::Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// One roster problem in the user's language.
pub fn problem_text(state: &AppState, lang: Lang, p: &RowProblem) -> String {
    let t = state.0.texts.get(lang);
    let row = p.row as f64;
    match &p.kind {
        ProblemKind::MissingColumn { column } => t.format(
            "web-problem-missing-column",
            &[("row", Arg::Num(row)), ("column", Arg::Str(column))],
        ),
        ProblemKind::MissingName => t.format("web-problem-missing-name", &[("row", Arg::Num(row))]),
        ProblemKind::BadEmail { value } => t.format(
            "web-problem-bad-email",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::DuplicateEmail { value, first_row } => t.format(
            "web-problem-duplicate-email",
            &[
                ("row", Arg::Num(row)),
                ("value", Arg::Str(value)),
                ("first", Arg::Num(*first_row as f64)),
            ],
        ),
        ProblemKind::UnknownFunction { value } => t.format(
            "web-problem-unknown-function",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::UnknownLevel { value } => t.format(
            "web-problem-unknown-level",
            &[("row", Arg::Num(row)), ("value", Arg::Str(value))],
        ),
        ProblemKind::BadText { column } => t.format(
            "web-problem-bad-text",
            &[("row", Arg::Num(row)), ("column", Arg::Str(column))],
        ),
        ProblemKind::Unreadable { reason } => {
            t.format("web-problem-unreadable", &[("reason", Arg::Str(reason))])
        }
    }
}

async fn coverage(c: &Coord) -> Result<(Vec<Value>, Vec<String>), StoreError> {
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

/// The coordinator's home: rounds and coverage warnings.
pub async fn home(State(state): State<AppState>, c: Coord) -> Response {
    let rounds = match c.tenant.rounds().await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    let (_, gaps) = match coverage(&c).await {
        Ok(x) => x,
        Err(e) => return fail(&state, &c, e),
    };
    let info = match c.tenant.info().await {
        Ok(i) => i,
        Err(e) => return fail(&state, &c, e),
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
    }));
    page(&state, &c, "coord_home.html", ctx, StatusCode::OK)
}

/// Tenant settings: name, language, sender address.
pub async fn settings_page(State(state): State<AppState>, c: Coord) -> Response {
    match c.tenant.info().await {
        Ok(info) => page(
            &state,
            &c,
            "coord_settings.html",
            obj(json!({"tenant": info})),
            StatusCode::OK,
        ),
        Err(e) => fail(&state, &c, e),
    }
}

/// Saves the tenant settings.
pub async fn settings_save(State(state): State<AppState>, c: Coord, body: Bytes) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
    let mail_from = f.text("mail_from");
    match c
        .tenant
        .update_settings(&f.text("name"), &f.text("lang"), Some(&mail_from))
        .await
    {
        Ok(()) => {
            let _ = c.tenant.audit(&c.user.email, "settings.update", "").await;
            Redirect::to("/coord/settings?saved=1").into_response()
        }
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

/// Query of the roster page.
#[derive(Deserialize, Default)]
pub struct RosterQuery {
    added: Option<usize>,
    updated: Option<usize>,
}

async fn roster_ctx(c: &Coord) -> Result<serde_json::Map<String, Value>, StoreError> {
    let persons = c.tenant.persons().await?;
    let (table, gaps) = coverage(c).await?;
    let functions = c.tenant.functions().await?;
    Ok(obj(json!({
        "persons": persons,
        "table": table,
        "gaps": gaps,
        "functions": functions,
        "levels": ["top_management", "leader", "professional", "politician", "external"],
    })))
}

/// The roster: people, import, functions and coverage.
pub async fn roster_page(
    State(state): State<AppState>,
    c: Coord,
    Query(q): Query<RosterQuery>,
) -> Response {
    match roster_ctx(&c).await {
        Ok(mut ctx) => {
            if let (Some(a), Some(u)) = (q.added, q.updated) {
                ctx.insert("imported".into(), json!({"added": a, "updated": u}));
            }
            page(&state, &c, "coord_roster.html", ctx, StatusCode::OK)
        }
        Err(e) => fail(&state, &c, e),
    }
}

async fn roster_problems(
    state: &AppState,
    c: &Coord,
    problems: Vec<String>,
    form: Value,
) -> Response {
    match roster_ctx(c).await {
        Ok(mut ctx) => {
            ctx.insert("problems".into(), json!(problems));
            ctx.insert("form".into(), form);
            page(
                state,
                c,
                "coord_roster.html",
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => fail(state, c, e),
    }
}

/// Imports a CSV or XLSX roster: all rows or none.
pub async fn roster_import(
    State(state): State<AppState>,
    c: Coord,
    mut multipart: Multipart,
) -> Response {
    let mut csrf = String::new();
    let mut file: Option<(String, Bytes)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_string();
                let fname = field.file_name().unwrap_or("").to_string();
                let Ok(bytes) = field.bytes().await else {
                    return roster_problems(
                        &state,
                        &c,
                        vec![state.text(c.lang, "web-import-unreadable")],
                        json!({}),
                    )
                    .await;
                };
                match name.as_str() {
                    "csrf" => csrf = String::from_utf8_lossy(&bytes).to_string(),
                    "file" => file = Some((fname, bytes)),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => {
                return roster_problems(
                    &state,
                    &c,
                    vec![state.text(c.lang, "web-import-unreadable")],
                    json!({}),
                )
                .await;
            }
        }
    }
    if !c.check_csrf(&csrf) {
        return csrf_refused(&state, &c);
    }
    let Some((fname, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return roster_problems(
            &state,
            &c,
            vec![state.text(c.lang, "web-import-no-file")],
            json!({}),
        )
        .await;
    };
    let kind = RosterFile::detect(&fname, &bytes);
    let people = match parse_roster(kind, &bytes) {
        Ok(p) => p,
        Err(problems) => {
            let msgs = problems
                .iter()
                .map(|p| problem_text(&state, c.lang, p))
                .collect();
            return roster_problems(&state, &c, msgs, json!({})).await;
        }
    };
    match c.tenant.import_roster(&people).await {
        Ok(s) => {
            let _ = c
                .tenant
                .audit(
                    &c.user.email,
                    "roster.import",
                    &format!("{} added, {} updated", s.added, s.updated),
                )
                .await;
            Redirect::to(&format!(
                "/coord/roster?added={}&updated={}",
                s.added, s.updated
            ))
            .into_response()
        }
        Err(StoreError::Roster(problems)) => {
            let lines = row_numbers(kind, &bytes);
            let msgs = problems
                .into_iter()
                .map(|mut p| {
                    // The store numbers persons 2, 3, …; map back to file rows.
                    if let Some(line) = p.row.checked_sub(2).and_then(|i| lines.get(i)) {
                        p.row = *line;
                    }
                    if let ProblemKind::DuplicateEmail { first_row, .. } = &mut p.kind
                        && let Some(line) = first_row.checked_sub(2).and_then(|i| lines.get(i))
                    {
                        *first_row = *line;
                    }
                    problem_text(&state, c.lang, &p)
                })
                .collect();
            roster_problems(&state, &c, msgs, json!({})).await
        }
        Err(e) => fail(&state, &c, e),
    }
}

fn person_from_form(f: &FormData) -> Result<NewPerson, String> {
    let level = match f.text("level").as_str() {
        "" => None,
        l => Some(parse_level(l).ok_or_else(|| l.to_string())?),
    };
    let unit = f.text("unit");
    Ok(NewPerson {
        name: f.text("name"),
        email: f.text("email"),
        unit: (!unit.is_empty()).then_some(unit),
        level,
        functions: f.all("functions").into_iter().map(str::to_string).collect(),
    })
}

fn person_errors(state: &AppState, lang: Lang, e: &StoreError) -> Option<HashMap<String, String>> {
    let mut m = HashMap::new();
    match e {
        StoreError::Roster(problems) => {
            for p in problems {
                let field = match &p.kind {
                    ProblemKind::MissingName => "name",
                    ProblemKind::BadEmail { .. } | ProblemKind::DuplicateEmail { .. } => "email",
                    ProblemKind::UnknownFunction { .. } => "functions",
                    ProblemKind::UnknownLevel { .. } => "level",
                    ProblemKind::BadText { column } => column.as_str(),
                    _ => "name",
                };
                m.insert(
                    field.to_string(),
                    problem_text(
                        state,
                        lang,
                        &RowProblem {
                            row: 1,
                            kind: p.kind.clone(),
                        },
                    ),
                );
            }
        }
        StoreError::Conflict(_) => {
            m.insert("email".into(), state.text(lang, "web-person-email-taken"));
        }
        _ => return None,
    }
    Some(m)
}

/// Adds one person.
pub async fn person_add(State(state): State<AppState>, c: Coord, body: Bytes) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
    let p = match person_from_form(&f) {
        Ok(p) => p,
        Err(v) => {
            return roster_problems(
                &state,
                &c,
                vec![problem_text(
                    &state,
                    c.lang,
                    &RowProblem {
                        row: 1,
                        kind: ProblemKind::UnknownLevel { value: v },
                    },
                )],
                json!({}),
            )
            .await;
        }
    };
    match c.tenant.add_person(&p).await {
        Ok(id) => {
            let _ = c
                .tenant
                .audit(&c.user.email, "person.add", &id.to_string())
                .await;
            Redirect::to("/coord/roster").into_response()
        }
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errs) => {
                let msgs: Vec<String> = errs.into_values().collect();
                roster_problems(
                    &state,
                    &c,
                    msgs,
                    json!({"name": p.name, "email": p.email, "unit": p.unit}),
                )
                .await
            }
            None => fail(&state, &c, e),
        },
    }
}

/// The edit form of one person.
pub async fn person_page(State(state): State<AppState>, c: Coord, Path(id): Path<i64>) -> Response {
    let person = match c.tenant.person(PersonId::from_raw(id)).await {
        Ok(p) => p,
        Err(e) => return fail(&state, &c, e),
    };
    let functions = c.tenant.functions().await.unwrap_or_default();
    let ctx = obj(json!({
        "person": person,
        "functions": functions,
        "levels": ["top_management", "leader", "professional", "politician", "external"],
        "errors": {},
    }));
    page(&state, &c, "coord_person.html", ctx, StatusCode::OK)
}

/// Saves one person (or takes them off the roster).
pub async fn person_save(
    State(state): State<AppState>,
    c: Coord,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
    let id = PersonId::from_raw(id);
    let result = match person_from_form(&f) {
        Ok(p) => c.tenant.update_person(id, &p).await,
        Err(v) => Err(StoreError::Roster(vec![RowProblem {
            row: 1,
            kind: ProblemKind::UnknownLevel { value: v },
        }])),
    };
    let result = match result {
        Ok(()) => {
            c.tenant
                .set_person_active(id, f.get("active").is_some())
                .await
        }
        e => e,
    };
    match result {
        Ok(()) => {
            let _ = c
                .tenant
                .audit(&c.user.email, "person.update", &id.to_string())
                .await;
            Redirect::to("/coord/roster").into_response()
        }
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errors) => {
                let person = c.tenant.person(id).await.ok();
                let functions = c.tenant.functions().await.unwrap_or_default();
                let ctx = obj(json!({
                    "person": person,
                    "functions": functions,
                    "levels": ["top_management", "leader", "professional", "politician", "external"],
                    "errors": errors,
                }));
                page(
                    &state,
                    &c,
                    "coord_person.html",
                    ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
            }
            None => fail(&state, &c, e),
        },
    }
}

/// Adds one of the tenant's own functions.
pub async fn function_add(State(state): State<AppState>, c: Coord, body: Bytes) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
    match c.tenant.add_function(&f.text("name")).await {
        Ok(_) => Redirect::to("/coord/roster#functions").into_response(),
        Err(e @ (StoreError::Invalid(_) | StoreError::Conflict(_))) => {
            let key = if matches!(e, StoreError::Conflict(_)) {
                "web-function-exists"
            } else {
                "web-function-invalid"
            };
            roster_problems(&state, &c, vec![state.text(c.lang, key)], json!({})).await
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// Creates a round from the standard template.
pub async fn round_create(State(state): State<AppState>, c: Coord, body: Bytes) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
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
        Ok(id) => {
            let _ = c
                .tenant
                .audit(&c.user.email, "round.create", &id.to_string())
                .await;
            Redirect::to(&format!("/coord/rounds/{id}")).into_response()
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// The round page: settings, bodies, estimate, invitations, monitoring.
pub async fn round_page(State(state): State<AppState>, c: Coord, Path(id): Path<i64>) -> Response {
    round_view(&state, &c, RoundId::from_raw(id), None, StatusCode::OK).await
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
    let invitations = c.tenant.invitations(id).await.unwrap_or_default();
    let roster = if round.status == RoundStatus::Draft {
        c.tenant
            .persons()
            .await
            .map(|p| p.iter().filter(|p| p.active).count())
            .unwrap_or(0)
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
        "minutes": estimate_minutes(roster, round.bodies.len(), round.second_relation),
        "roster_size": roster,
        "bodies_text": round.bodies.iter().map(|b| b.name.clone()).collect::<Vec<_>>().join("\n"),
        "message": message.map(|m| json!({"kind": m.0, "key": m.1})),
        "smtp": state.0.config.smtp.is_some(),
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
    Path(id): Path<i64>,
    Query(q): Query<InstrumentQuery>,
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
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
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
    let _ = c
        .tenant
        .audit(
            &c.user.email,
            "round.instrument",
            &format!("round {id} {}", lang.code()),
        )
        .await;
    Redirect::to(&format!(
        "/coord/rounds/{id}/instrument?lang={}&saved=1",
        lang.code()
    ))
    .into_response()
}

/// Actions on a round: `settings`, `bodies`, `open`, `send`, `remind`, `close`.
pub async fn round_action(
    State(state): State<AppState>,
    c: Coord,
    Path((id, action)): Path<(i64, String)>,
    body: Bytes,
) -> Response {
    let f = FormData::parse(&body);
    if !c.check_csrf(f.get("csrf").unwrap_or("")) {
        return csrf_refused(&state, &c);
    }
    let round = RoundId::from_raw(id);
    let result: Result<(&str, &str), StoreError> = match action.as_str() {
        "settings" => {
            let date = |k: &str| Some(f.text(k)).filter(|d| !d.is_empty());
            let s = RoundSettings {
                name: f.text("name"),
                languages: f.all("languages").into_iter().map(str::to_string).collect(),
                lang: f.text("round_lang"),
                opens_on: date("opens_on"),
                closes_on: date("closes_on"),
                second_relation: f.get("second_relation").is_some(),
            };
            c.tenant
                .update_round(round, &s)
                .await
                .map(|_| ("ok", "web-saved"))
        }
        "bodies" => {
            let bodies: Vec<String> = f
                .text("bodies")
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            c.tenant
                .set_bodies(round, &bodies)
                .await
                .map(|_| ("ok", "web-saved"))
        }
        "open" => c
            .tenant
            .open_round(round)
            .await
            .map(|_| ("ok", "web-round-opened")),
        "send" => c
            .tenant
            .queue_mail(round, MailKind::Invitation)
            .await
            .map(|_| ("ok", "web-mail-queued")),
        "remind" => c
            .tenant
            .queue_mail(round, MailKind::Reminder)
            .await
            .map(|_| ("ok", "web-mail-queued")),
        "close" => {
            if f.get("confirm").is_none() {
                Ok(("error", "web-close-confirm-needed"))
            } else {
                c.tenant
                    .close_round(round)
                    .await
                    .map(|_| ("ok", "web-round-closed"))
            }
        }
        _ => Err(StoreError::NotFound),
    };
    match result {
        Ok(msg) => {
            if action == "send" || action == "remind" {
                state.0.mail_wake.notify_one();
            }
            let _ = c
                .tenant
                .audit(
                    &c.user.email,
                    &format!("round.{action}"),
                    &format!("round {id}"),
                )
                .await;
            let status = if msg.0 == "ok" {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            round_view(&state, &c, round, Some(msg), status).await
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

fn link(state: &AppState, token: &str) -> String {
    format!("{}/s/{token}", state.0.config.public_url)
}

/// The links as CSV, for sending through other channels.
pub async fn links_csv(State(state): State<AppState>, c: Coord, Path(id): Path<i64>) -> Response {
    let links = match c.tenant.invitation_links(RoundId::from_raw(id)).await {
        Ok(l) => l,
        Err(e) => return fail(&state, &c, e),
    };
    let _ = c
        .tenant
        .audit(&c.user.email, "round.links", &format!("round {id}"))
        .await;
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
fn qr_svg(text: &str) -> Option<String> {
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
pub async fn letters(State(state): State<AppState>, c: Coord, Path(id): Path<i64>) -> Response {
    let round_id = RoundId::from_raw(id);
    let (round, links, info) = match (
        c.tenant.round(round_id).await,
        c.tenant.invitation_links(round_id).await,
        c.tenant.info().await,
    ) {
        (Ok(r), Ok(l), Ok(i)) => (r, l, i),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return fail(&state, &c, e),
    };
    let _ = c
        .tenant
        .audit(&c.user.email, "round.letters", &format!("round {id}"))
        .await;
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
