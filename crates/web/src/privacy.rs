//! The coordinator's privacy pages (issue 16) and the audit log reader:
//!
//! * `/coord/privacy`: what respondents are told (controller, data
//!   protection officer, purpose, legal basis, recipients, processors),
//!   retention (months, reduce or delete) with each closed round's date,
//!   whether TOTP is required, who can see the tenant's data (its users and
//!   the funders and evaluators granted it, with revocation), and the
//!   roster for the data subject's rights;
//! * `/coord/privacy/persons/{id}`: one person's data (export as JSON and
//!   XLSX), rectification, erasure;
//! * `/coord/privacy/rounds/{id}`: the round's own information texts, and
//!   the people who did not answer but appear through others' reports, with
//!   the art. 14 notice (sent by e-mail, or printed);
//! * `/coord/privacy/record` and `/coord/privacy/dpia`: a record of
//!   processing and a DPIA draft generated from the tenant's configuration;
//! * `/coord/audit` (the tenant's log) and `/operator/audit` (the
//!   service's, without survey content), filterable, as CSV too.

use std::collections::BTreeSet;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samspill_engine::model::Level;
use samspill_i18n::{Arg, Lang, Texts};
use samspill_store::{
    AuditEntry, AuditFilter, NewPerson, PersonId, PrivacySettings, RetentionMode, RoundId,
    RoundNotice, RoundStatus, ServiceMail, StoreError, TenantId, UserId,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::coord::{fail, obj, page};
use crate::error::error_page;
use crate::extract::{Coord, Form, Id, Operator, Q};
use crate::results::download;

/// The privacy and audit routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/coord/privacy", get(privacy_page).post(privacy_save))
        .route("/coord/privacy/grants/{user}", post(grant_revoke))
        .route("/coord/privacy/persons/{id}", get(person_page))
        .route(
            "/coord/privacy/persons/{id}/export/{file}",
            get(person_export),
        )
        .route("/coord/privacy/persons/{id}/rectify", post(person_rectify))
        .route("/coord/privacy/persons/{id}/erase", post(person_erase))
        .route(
            "/coord/privacy/rounds/{id}",
            get(round_page).post(round_save),
        )
        .route("/coord/privacy/rounds/{id}/notices", get(notice_letters))
        .route("/coord/privacy/{doc}", get(document))
        .route("/coord/audit", get(coord_audit))
        .route("/operator/audit", get(operator_audit))
        .route("/operator/outbox", get(operator_outbox))
}

// ----------------------------------------------------------------- settings

/// Query of pages that confirm an action.
#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

const DONE: &[&str] = &[
    "saved",
    "revoked",
    "erased",
    "rectified",
    "notices",
    "notice",
];

async fn privacy_view(state: &AppState, c: &Coord, extra: Value, status: StatusCode) -> Response {
    let t = &c.tenant;
    let (settings, retention, users, grants, persons) = match (
        t.privacy_settings().await,
        t.retention_overview(state.now()).await,
        state.store().users(Some(t.id())).await,
        t.grants().await,
        t.persons().await,
    ) {
        (Ok(a), Ok(b), Ok(c2), Ok(d), Ok(e)) => (a, b, c2, d, e),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), ..) | (.., Err(e), _) | (.., Err(e)) => {
            return fail(state, c, e);
        }
    };
    let rounds = t.rounds().await.unwrap_or_default();
    let mut ctx = obj(json!({
        "settings": settings,
        "retention": retention,
        "users": users,
        "grants": grants,
        "persons": persons,
        "rounds": rounds.iter().map(|r| json!({"id": r.id, "name": r.name, "status": r.status})).collect::<Vec<_>>(),
        "tenant": c.info,
    }));
    if let Value::Object(m) = extra {
        ctx.extend(m);
    }
    page(state, c, "coord_privacy.html", ctx, status)
}

/// The tenant's privacy page.
pub async fn privacy_page(State(state): State<AppState>, c: Coord, Q(q): Q<DoneQuery>) -> Response {
    let done = q
        .done
        .filter(|d| DONE.contains(&d.as_str()))
        .map(|d| format!("privacy-done-{d}"));
    privacy_view(&state, &c, json!({"done": done}), StatusCode::OK).await
}

fn opt(f: &crate::forms::FormData, k: &str) -> Option<String> {
    Some(f.get(k).unwrap_or("").trim().to_string()).filter(|s| !s.is_empty())
}

/// Saves the privacy settings.
pub async fn privacy_save(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let months = f.text("retention_months");
    let retention_months = if months.is_empty() {
        None
    } else {
        match months.parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => {
                return privacy_view(
                    &state,
                    &c,
                    json!({"error_field": "retention_months"}),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    };
    let s = PrivacySettings {
        controller: opt(&f, "controller"),
        dpo_name: opt(&f, "dpo_name"),
        dpo_contact: opt(&f, "dpo_contact"),
        purpose: opt(&f, "purpose"),
        legal_basis: opt(&f, "legal_basis"),
        recipients: opt(&f, "recipients"),
        processors: opt(&f, "processors"),
        retention_months,
        retention_mode: RetentionMode::parse(&f.text("retention_mode")).unwrap_or_default(),
        require_totp: f.get("require_totp").is_some(),
    };
    match c.tenant.set_privacy_settings(&s).await {
        Ok(()) => Redirect::to("/coord/privacy?done=saved").into_response(),
        Err(StoreError::Invalid(field)) => {
            privacy_view(
                &state,
                &c,
                json!({"error_field": field, "form": s}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// Withdraws a funder's or evaluator's access to the tenant.
pub async fn grant_revoke(
    State(state): State<AppState>,
    c: Coord,
    Id(user): Id<i64>,
    Form(_f): Form,
) -> Response {
    match c.tenant.revoke_grants_of(UserId::from_raw(user)).await {
        Ok(()) => Redirect::to("/coord/privacy?done=revoked").into_response(),
        Err(e) => fail(&state, &c, e),
    }
}

// ------------------------------------------------------------------ persons

async fn person_view(
    state: &AppState,
    c: &Coord,
    id: i64,
    extra: Value,
    status: StatusCode,
) -> Response {
    let person = PersonId::from_raw(id);
    let data = match samspill_results::person_export(&c.tenant, person).await {
        Ok(d) => d,
        Err(samspill_results::ResultsError::Store(e)) => return fail(state, c, e),
        Err(e) => return fail(state, c, crate::WebError::Results(e.to_string())),
    };
    if let Err(e) = c
        .tenant
        .record_read("person", &format!("person {id}"))
        .await
    {
        return fail(state, c, e);
    }
    let functions = c.tenant.functions().await.unwrap_or_default();
    let mut ctx = obj(json!({
        "person": data.data,
        "reports": data.reports,
        "functions": functions,
        "levels": Level::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
    }));
    if let Value::Object(m) = extra {
        ctx.extend(m);
    }
    page(state, c, "coord_privacy_person.html", ctx, status)
}

/// One person's data and rights.
pub async fn person_page(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<DoneQuery>,
) -> Response {
    let done = q
        .done
        .filter(|d| DONE.contains(&d.as_str()))
        .map(|d| format!("privacy-done-{d}"));
    person_view(&state, &c, id, json!({"done": done}), StatusCode::OK).await
}

/// `export/data.json` or `export/data.xlsx`: everything about the person.
pub async fn person_export(
    State(state): State<AppState>,
    c: Coord,
    Id((id, file)): Id<(i64, String)>,
) -> Response {
    let person = PersonId::from_raw(id);
    let data = match samspill_results::person_export(&c.tenant, person).await {
        Ok(d) => d,
        Err(samspill_results::ResultsError::Store(e)) => return fail(&state, &c, e),
        Err(e) => return fail(&state, &c, crate::WebError::Results(e.to_string())),
    };
    let made = match file.as_str() {
        "data.json" => Ok((data.json().into_bytes(), "application/json")),
        "data.xlsx" => data.xlsx(c.lang).map(|b| {
            (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        }),
        _ => return fail(&state, &c, StoreError::NotFound),
    };
    if let Err(e) = c
        .tenant
        .record_read("person.export", &format!("person {id}: {file}"))
        .await
    {
        return fail(&state, &c, e);
    }
    match made {
        Ok((bytes, ct)) => download(ct, &format!("samspill-person-{id}-{file}"), bytes),
        Err(e) => fail(&state, &c, crate::WebError::Results(e.to_string())),
    }
}

/// Rectifies the roster data (and, if asked, what closed rounds froze).
pub async fn person_rectify(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let p = NewPerson {
        name: f.text("name"),
        email: f.text("email"),
        unit: opt(&f, "unit"),
        level: Level::parse(&f.text("level")),
        functions: f
            .all("functions")
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
            .collect(),
    };
    match c
        .tenant
        .rectify_person(PersonId::from_raw(id), &p, f.get("closed_rounds").is_some())
        .await
    {
        Ok(_) => {
            state.0.results.clear();
            Redirect::to(&format!("/coord/privacy/persons/{id}?done=rectified")).into_response()
        }
        Err(StoreError::Roster(problems)) => {
            let texts: Vec<String> = problems
                .iter()
                .map(|p| crate::coord::problem_what(&state, c.lang, &p.kind))
                .collect();
            person_view(
                &state,
                &c,
                id,
                json!({"problems": texts}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(StoreError::Conflict(_)) => {
            person_view(
                &state,
                &c,
                id,
                json!({"problems": [state.text(c.lang, "web-error-conflict")]}),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// Erases the person (confirmed by typing «erase»/«slett» is not asked:
/// a checkbox confirms).
pub async fn person_erase(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    if f.get("confirm").is_none() {
        return person_view(
            &state,
            &c,
            id,
            json!({"erase_error": true}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match c.tenant.erase_person(PersonId::from_raw(id)).await {
        Ok(_) => {
            state.0.results.clear();
            Redirect::to("/coord/privacy?done=erased").into_response()
        }
        Err(e) => fail(&state, &c, e),
    }
}

// ------------------------------------------------------------------- rounds

async fn round_view(
    state: &AppState,
    c: &Coord,
    id: i64,
    extra: Value,
    status: StatusCode,
) -> Response {
    let round = RoundId::from_raw(id);
    let info = match c.tenant.round(round).await {
        Ok(r) => r,
        Err(e) => return fail(state, c, e),
    };
    let notice = match c.tenant.round_notice(round).await {
        Ok(n) => n,
        Err(e) => return fail(state, c, e),
    };
    let candidates = if info.status == RoundStatus::Closed {
        match c.tenant.notice_candidates(round).await {
            Ok(x) => Some(x),
            Err(StoreError::Purged) => None,
            Err(e) => return fail(state, c, e),
        }
    } else {
        None
    };
    if let Err(e) = c
        .tenant
        .record_read("notices", &format!("round {id}"))
        .await
    {
        return fail(state, c, e);
    }
    let preview = survey_notice(state, c.tenant.id(), round, c.lang)
        .await
        .unwrap_or(Value::Null);
    let mut ctx =
        obj(json!({"round": info, "notice": notice, "candidates": candidates, "preview": preview}));
    if let Value::Object(m) = extra {
        ctx.extend(m);
    }
    page(state, c, "coord_privacy_round.html", ctx, status)
}

/// A round's information texts and art. 14 notices.
pub async fn round_page(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<DoneQuery>,
) -> Response {
    let done = q
        .done
        .filter(|d| DONE.contains(&d.as_str()))
        .map(|d| format!("privacy-done-{d}"));
    round_view(&state, &c, id, json!({"done": done}), StatusCode::OK).await
}

/// Saves the round's texts (`action=notice`) or sends the art. 14 notices
/// (`action=send`).
pub async fn round_save(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let round = RoundId::from_raw(id);
    match f.text("action").as_str() {
        "notice" => {
            let n = RoundNotice {
                purpose: opt(&f, "purpose"),
                legal_basis: opt(&f, "legal_basis"),
                recipients: opt(&f, "recipients"),
            };
            match c.tenant.set_round_notice(round, &n).await {
                Ok(()) => {
                    Redirect::to(&format!("/coord/privacy/rounds/{id}?done=notice")).into_response()
                }
                Err(StoreError::Invalid(field)) => {
                    round_view(
                        &state,
                        &c,
                        id,
                        json!({"error_field": field}),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await
                }
                Err(e) => fail(&state, &c, e),
            }
        }
        "send" => match c.tenant.queue_notices(round).await {
            Ok(_) => {
                state.wake_mail();
                Redirect::to(&format!("/coord/privacy/rounds/{id}?done=notices")).into_response()
            }
            Err(e) => fail(&state, &c, e),
        },
        _ => error_page(&state, c.lang, StatusCode::BAD_REQUEST, "web-error-invalid"),
    }
}

/// The notices as printable letters (one per page).
pub async fn notice_letters(State(state): State<AppState>, c: Coord, Id(id): Id<i64>) -> Response {
    let round = RoundId::from_raw(id);
    let (info, candidates) = match (
        c.tenant.round(round).await,
        c.tenant.notice_candidates(round).await,
    ) {
        (Ok(i), Ok(x)) => (i, x),
        (Err(e), _) | (_, Err(e)) => return fail(&state, &c, e),
    };
    let lang = Lang::parse(&info.lang).unwrap_or(c.lang);
    let settings = match c.tenant.privacy_settings().await {
        Ok(s) => s,
        Err(e) => return fail(&state, &c, e),
    };
    let mut letters = Vec::new();
    for p in &candidates {
        let m = ServiceMail {
            id: 0,
            tenant: Some(c.tenant.id()),
            tenant_name: Some(c.info.name.clone()),
            from: None,
            kind: "notice".into(),
            to: p.email.clone(),
            name: p.name.clone(),
            lang: lang.code().into(),
            args: json!({"round": info.name, "round_id": id, "tenant": c.info.name}),
            token: None,
            attempts: 0,
        };
        let text = notice_text_with(&state, lang, &m, &settings);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        letters.push(json!({"name": p.name, "paragraphs": paragraphs}));
    }
    if let Err(e) = c
        .tenant
        .record_read("notices", &format!("round {id}: letters"))
        .await
    {
        return fail(&state, &c, e);
    }
    page(
        &state,
        &c,
        "coord_privacy_letters.html",
        obj(json!({"round": info, "letters": letters})),
        StatusCode::OK,
    )
}

// ------------------------------------------------------------- information

fn or_default(t: &Texts, v: &Option<String>, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    v.clone().unwrap_or_else(|| t.format(key, args))
}

/// What respondents of a round are told before the first question:
/// controller, purpose, legal basis, recipients, retention, rights and the
/// data protection officer, from the round's texts, else the tenant's,
/// else the standard wording.
pub(crate) async fn survey_notice(
    state: &AppState,
    tenant: TenantId,
    round: RoundId,
    lang: Lang,
) -> Result<Value, StoreError> {
    let t = state.store().tenant(tenant);
    let info = t.info().await?;
    let s = t.privacy_settings().await?;
    let n = t.round_notice(round).await?;
    let tx = state.texts(lang);
    let controller = s.controller.clone().unwrap_or_else(|| info.name.clone());
    let c = [("tenant", Arg::Str(&controller))];
    let retention = match s.retention_months {
        Some(m) => tx.format(
            &format!("privacy-notice-retention-{}", s.retention_mode.as_str()),
            &[("months", Arg::Num(f64::from(m)))],
        ),
        None => tx.get("privacy-notice-retention-none"),
    };
    let dpo = match (&s.dpo_name, &s.dpo_contact) {
        (None, None) => tx.format("privacy-notice-dpo-none", &c),
        (a, b) => [a.clone(), b.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
    };
    Ok(json!({
        "controller": controller,
        "purpose": n.purpose.clone().unwrap_or_else(|| or_default(tx, &s.purpose, "privacy-notice-purpose-default", &c)),
        "legal_basis": n.legal_basis.clone().unwrap_or_else(|| or_default(tx, &s.legal_basis, "privacy-notice-legal-default", &c)),
        "recipients": n.recipients.clone().unwrap_or_else(|| or_default(tx, &s.recipients, "privacy-notice-recipients-default", &c)),
        "retention": retention,
        "dpo": dpo,
    }))
}

fn notice_text_with(state: &AppState, lang: Lang, m: &ServiceMail, s: &PrivacySettings) -> String {
    let t = state.texts(lang);
    let tenant = s
        .controller
        .clone()
        .or_else(|| m.tenant_name.clone())
        .unwrap_or_default();
    let round = m.args.get("round").and_then(Value::as_str).unwrap_or("");
    let dpo = match (&s.dpo_name, &s.dpo_contact) {
        (None, None) => t.format("privacy-notice-dpo-none", &[("tenant", Arg::Str(&tenant))]),
        (a, b) => [a.clone(), b.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
    };
    let retention = match s.retention_months {
        Some(mo) => t.format(
            &format!("privacy-notice-retention-{}", s.retention_mode.as_str()),
            &[("months", Arg::Num(f64::from(mo)))],
        ),
        None => t.get("privacy-notice-retention-none"),
    };
    let purpose = or_default(
        t,
        &s.purpose,
        "privacy-notice-purpose-default",
        &[("tenant", Arg::Str(&tenant))],
    );
    let legal = or_default(
        t,
        &s.legal_basis,
        "privacy-notice-legal-default",
        &[("tenant", Arg::Str(&tenant))],
    );
    t.format(
        "privacy-mail-notice-body",
        &[
            ("name", Arg::Str(&m.name)),
            ("tenant", Arg::Str(&tenant)),
            ("round", Arg::Str(round)),
            ("purpose", Arg::Str(&purpose)),
            ("legal", Arg::Str(&legal)),
            ("retention", Arg::Str(&retention)),
            ("dpo", Arg::Str(&dpo)),
        ],
    )
}

/// The art. 14 notice as a mail body (the tenant's settings are read by
/// the caller's thread: the mail worker composes many at once, so this
/// uses the settings as of now, blocking on nothing).
pub(crate) fn notice_text(state: &AppState, lang: Lang, m: &ServiceMail) -> String {
    let settings = m
        .args
        .get("settings")
        .and_then(|v| serde_json::from_value::<SettingsArgs>(v.clone()).ok())
        .map(SettingsArgs::into_settings)
        .unwrap_or_default();
    notice_text_with(state, lang, m, &settings)
}

#[derive(Deserialize)]
struct SettingsArgs {
    controller: Option<String>,
    dpo_name: Option<String>,
    dpo_contact: Option<String>,
    purpose: Option<String>,
    legal_basis: Option<String>,
    retention_months: Option<u32>,
    retention_mode: Option<String>,
}

impl SettingsArgs {
    fn into_settings(self) -> PrivacySettings {
        PrivacySettings {
            controller: self.controller,
            dpo_name: self.dpo_name,
            dpo_contact: self.dpo_contact,
            purpose: self.purpose,
            legal_basis: self.legal_basis,
            retention_months: self.retention_months,
            retention_mode: self
                .retention_mode
                .as_deref()
                .and_then(RetentionMode::parse)
                .unwrap_or_default(),
            ..PrivacySettings::default()
        }
    }
}

// ---------------------------------------------------------------- documents

/// Query of the generated documents.
#[derive(Deserialize, Default)]
pub struct DocQuery {
    format: Option<String>,
}

/// One section of a generated document.
struct Section {
    heading: String,
    paras: Vec<String>,
    items: Vec<String>,
}

async fn doc_sections(
    state: &AppState,
    c: &Coord,
    dpia: bool,
) -> Result<(String, Vec<Section>), StoreError> {
    let t = state.texts(c.lang);
    let tenant = &c.tenant;
    let s = tenant.privacy_settings().await?;
    let controller = s.controller.clone().unwrap_or_else(|| c.info.name.clone());
    let ca = [("tenant", Arg::Str(&controller))];
    let persons = tenant.persons().await?;
    let active = persons.iter().filter(|p| p.active).count();
    let rounds = tenant.rounds().await?;
    let second = rounds.iter().any(|r| r.second_relation);
    let bodies: BTreeSet<String> = rounds
        .iter()
        .flat_map(|r| r.bodies.iter().map(|b| b.name.clone()))
        .collect();
    let users = state.store().users(Some(tenant.id())).await?;
    let grants = tenant.grants().await?;
    let cfg = state.config();
    let n = |x: usize| Arg::Num(x as f64);
    let mut out = Vec::new();
    let sec = |h: &str, paras: Vec<String>, items: Vec<String>| Section {
        heading: t.get(h),
        paras,
        items,
    };
    out.push(sec(
        "privacy-doc-controller",
        vec![
            controller.clone(),
            match (&s.dpo_name, &s.dpo_contact) {
                (None, None) => t.get("privacy-doc-dpo-missing"),
                (a, b) => t.format(
                    "privacy-doc-dpo",
                    &[(
                        "dpo",
                        Arg::Str(
                            &[a.clone(), b.clone()]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    )],
                ),
            },
        ],
        vec![],
    ));
    out.push(sec(
        "privacy-doc-purpose",
        vec![or_default(
            t,
            &s.purpose,
            "privacy-notice-purpose-default",
            &ca,
        )],
        vec![],
    ));
    out.push(sec(
        "privacy-doc-legal",
        vec![or_default(
            t,
            &s.legal_basis,
            "privacy-notice-legal-default",
            &ca,
        )],
        vec![],
    ));
    out.push(sec(
        "privacy-doc-subjects",
        vec![t.format(
            "privacy-doc-subjects-text",
            &[("persons", n(active)), ("rounds", n(rounds.len()))],
        )],
        vec![],
    ));
    let mut data = vec![
        t.get("privacy-doc-data-roster"),
        t.get("privacy-doc-data-contacts"),
    ];
    if second {
        data.push(t.get("privacy-doc-data-advice"));
    }
    if !bodies.is_empty() {
        data.push(t.format(
            "privacy-doc-data-political",
            &[(
                "bodies",
                Arg::Str(&bodies.into_iter().collect::<Vec<_>>().join(", ")),
            )],
        ));
    }
    data.extend([
        t.get("privacy-doc-data-ratings"),
        t.get("privacy-doc-data-open"),
        t.get("privacy-doc-data-users"),
        t.get("privacy-doc-data-audit"),
    ]);
    out.push(sec("privacy-doc-data", vec![], data));
    let mut access: Vec<String> = users
        .iter()
        .filter(|u| u.active)
        .map(|u| {
            format!(
                "{} ({}, {})",
                u.name,
                u.email,
                t.get(&format!("web-role-{}", u.role.as_str()))
            )
        })
        .collect();
    access.extend(grants.iter().map(|g| {
        t.format(
            "privacy-doc-access-grant",
            &[
                ("name", Arg::Str(&g.name)),
                (
                    "role",
                    Arg::Str(&t.get(&format!("web-role-{}", g.role.as_str()))),
                ),
            ],
        )
    }));
    access.push(t.get("privacy-doc-access-operator"));
    out.push(sec(
        "privacy-doc-access",
        vec![t.get("privacy-doc-access-intro")],
        access,
    ));
    out.push(sec(
        "privacy-doc-recipients",
        vec![or_default(
            t,
            &s.recipients,
            "privacy-notice-recipients-default",
            &ca,
        )],
        vec![],
    ));
    let mail = match &cfg.mail {
        crate::MailTransport::Smtp(m) => {
            t.format("privacy-doc-processor-smtp", &[("host", Arg::Str(&m.host))])
        }
        _ => t.get("privacy-doc-processor-nomail"),
    };
    out.push(sec(
        "privacy-doc-processors",
        vec![
            s.processors
                .clone()
                .unwrap_or_else(|| t.get("privacy-doc-processors-missing")),
            mail,
        ],
        vec![],
    ));
    let retention = match s.retention_months {
        Some(m) => t.format(
            &format!("privacy-notice-retention-{}", s.retention_mode.as_str()),
            &[("months", Arg::Num(f64::from(m)))],
        ),
        None => t.get("privacy-doc-retention-missing"),
    };
    out.push(sec("privacy-doc-retention", vec![retention], vec![]));
    let mut measures = vec![
        t.get("privacy-doc-m-isolation"),
        t.get("privacy-doc-m-pseudonyms"),
        t.get("privacy-doc-m-suppression"),
        t.get("privacy-doc-m-audit"),
        t.get("privacy-doc-m-passwords"),
        if s.require_totp {
            t.get("privacy-doc-m-totp-required")
        } else {
            t.get("privacy-doc-m-totp-optional")
        },
        t.get("privacy-doc-m-links"),
    ];
    if cfg.https() {
        measures.push(t.get("privacy-doc-m-https"));
    } else {
        measures.push(t.get("privacy-doc-m-no-https"));
    }
    if !cfg.oidc.is_empty() {
        measures.push(
            t.format(
                "privacy-doc-m-oidc",
                &[(
                    "providers",
                    Arg::Str(
                        &cfg.oidc
                            .iter()
                            .map(|p| p.name.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                )],
            ),
        );
    }
    out.push(sec("privacy-doc-measures", vec![], measures));
    if dpia {
        out.push(sec(
            "privacy-dpia-why",
            vec![t.get("privacy-dpia-why-text")],
            vec![
                t.get("privacy-dpia-criterion-scoring"),
                t.get("privacy-dpia-criterion-employees"),
                t.get("privacy-dpia-criterion-monitoring"),
            ],
        ));
        out.push(sec(
            "privacy-dpia-risks",
            vec![],
            vec![
                t.get("privacy-dpia-risk-appraisal"),
                t.get("privacy-dpia-risk-nonrespondents"),
                t.get("privacy-dpia-risk-freetext"),
                t.get("privacy-dpia-risk-small"),
                t.get("privacy-dpia-risk-access"),
            ],
        ));
        out.push(sec(
            "privacy-dpia-open",
            vec![t.get("privacy-dpia-open-text")],
            vec![],
        ));
    }
    let title = t.format(
        if dpia {
            "privacy-dpia-title"
        } else {
            "privacy-record-title"
        },
        &ca,
    );
    Ok((title, out))
}

/// `/coord/privacy/record` and `/coord/privacy/dpia` (`?format=md`: as a
/// Markdown file to continue in a word processor).
pub async fn document(
    State(state): State<AppState>,
    c: Coord,
    Id(doc): Id<String>,
    Q(q): Q<DocQuery>,
) -> Response {
    let dpia = match doc.as_str() {
        "dpia" => true,
        "record" => false,
        _ => return fail(&state, &c, StoreError::NotFound),
    };
    let (title, sections) = match doc_sections(&state, &c, dpia).await {
        Ok(x) => x,
        Err(e) => return fail(&state, &c, e),
    };
    let draft = state.text(c.lang, "privacy-doc-draft");
    if q.format.as_deref() == Some("md") {
        let mut md = format!("# {title}\n\n_{draft}_\n");
        for s in &sections {
            md.push_str(&format!("\n## {}\n\n", s.heading));
            for p in &s.paras {
                md.push_str(&format!("{p}\n\n"));
            }
            for i in &s.items {
                md.push_str(&format!("- {i}\n"));
            }
        }
        return download(
            "text/markdown; charset=utf-8",
            &format!("samspill-{}-{doc}.md", c.info.slug),
            md,
        );
    }
    let sections: Vec<Value> = sections
        .iter()
        .map(|s| json!({"heading": s.heading, "paras": s.paras, "items": s.items}))
        .collect();
    page(
        &state,
        &c,
        "privacy_doc.html",
        obj(json!({"title": title, "draft": draft, "sections": sections, "doc": doc})),
        StatusCode::OK,
    )
}

// -------------------------------------------------------------------- audit

/// The audit log's filter as a query.
#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    actor: Option<String>,
    action: Option<String>,
    from: Option<String>,
    until: Option<String>,
    tenant: Option<String>,
    format: Option<String>,
}

fn day_start(s: &Option<String>) -> Result<Option<i64>, ()> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(d) if samspill_store::is_date(d) => {
            let y: i64 = d[0..4].parse().map_err(|_| ())?;
            let m: i64 = d[5..7].parse().map_err(|_| ())?;
            let dd: i64 = d[8..10].parse().map_err(|_| ())?;
            // Days from the epoch (the inverse of `date_of`).
            let yy = if m <= 2 { y - 1 } else { y };
            let era = yy.div_euclid(400);
            let yoe = yy - era * 400;
            let doy = (153 * ((m + 9) % 12) + 2) / 5 + dd - 1;
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            Ok(Some((era * 146_097 + doe - 719_468) * 86_400))
        }
        Some(_) => Err(()),
    }
}

impl AuditQuery {
    fn filter(&self, csv: bool) -> Result<AuditFilter, ()> {
        Ok(AuditFilter {
            actor: self.actor.clone().filter(|s| !s.trim().is_empty()),
            action: self.action.clone().filter(|s| !s.trim().is_empty()),
            from: day_start(&self.from)?,
            until: day_start(&self.until)?.map(|t| t + 86_400),
            limit: Some(if csv { 10_000 } else { 500 }),
        })
    }
}

fn audit_csv(rows: &[AuditEntry], slugs: &std::collections::HashMap<i64, String>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["id", "time_utc", "tenant", "actor", "action", "detail"]);
    for r in rows {
        let tenant = r
            .tenant
            .and_then(|t| slugs.get(&t).cloned())
            .unwrap_or_default();
        let guard = |s: &str| {
            if s.starts_with(['=', '+', '-', '@']) {
                format!("'{s}")
            } else {
                s.to_string()
            }
        };
        let _ = w.write_record([
            r.id.to_string(),
            format!(
                "{} {:02}:{:02}",
                samspill_store::date_of(r.at),
                r.at.rem_euclid(86_400) / 3600,
                r.at.rem_euclid(3600) / 60
            ),
            tenant,
            guard(&r.actor),
            guard(&r.action),
            guard(&r.detail),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn audit_rows(rows: &[AuditEntry], slugs: &std::collections::HashMap<i64, String>) -> Vec<Value> {
    rows.iter()
        .map(|r| {
            json!({
                "at": r.at,
                "time": format!("{:02}:{:02}", r.at.rem_euclid(86_400) / 3600, r.at.rem_euclid(3600) / 60),
                "tenant": r.tenant.and_then(|t| slugs.get(&t).cloned()),
                "actor": r.actor, "action": r.action, "detail": r.detail,
            })
        })
        .collect()
}

/// The tenant's audit log (coordinator).
pub async fn coord_audit(State(state): State<AppState>, c: Coord, Q(q): Q<AuditQuery>) -> Response {
    let csv = q.format.as_deref() == Some("csv");
    let Ok(filter) = q.filter(csv) else {
        return error_page(
            &state,
            c.lang,
            StatusCode::BAD_REQUEST,
            "privacy-audit-bad-date",
        );
    };
    let rows = match c.tenant.audit_log(&filter).await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("audit", if csv { "csv" } else { "page" })
        .await
    {
        return fail(&state, &c, e);
    }
    let slugs = [(c.info.id, c.info.slug.clone())].into_iter().collect();
    if csv {
        return download(
            "text/csv; charset=utf-8",
            &format!("samspill-{}-audit.csv", c.info.slug),
            audit_csv(&rows, &slugs),
        );
    }
    page(
        &state,
        &c,
        "audit.html",
        obj(
            json!({"rows": audit_rows(&rows, &slugs), "q": {"actor": q.actor, "action": q.action, "from": q.from, "until": q.until}, "base": "/coord/audit"}),
        ),
        StatusCode::OK,
    )
}

/// The service's audit log (operator): actions and ids, no survey content.
pub async fn operator_audit(
    State(state): State<AppState>,
    op: Operator,
    Q(q): Q<AuditQuery>,
) -> Response {
    let csv = q.format.as_deref() == Some("csv");
    let Ok(filter) = q.filter(csv) else {
        return error_page(
            &state,
            op.lang,
            StatusCode::BAD_REQUEST,
            "privacy-audit-bad-date",
        );
    };
    let store = state.store();
    let tenants = match store.tenants().await {
        Ok(t) => t,
        Err(e) => return crate::PageError::new(&state, op.lang, e).into_response(),
    };
    let slugs: std::collections::HashMap<i64, String> =
        tenants.iter().map(|t| (t.id, t.slug.clone())).collect();
    let mut rows = match store.audit_log(&filter).await {
        Ok(r) => r,
        Err(e) => return crate::PageError::new(&state, op.lang, e).into_response(),
    };
    if let Some(slug) = q.tenant.as_deref().filter(|s| !s.is_empty()) {
        rows.retain(|r| {
            r.tenant
                .and_then(|t| slugs.get(&t))
                .is_some_and(|s| s == slug)
        });
    }
    if csv {
        return download(
            "text/csv; charset=utf-8",
            "samspill-service-audit.csv",
            audit_csv(&rows, &slugs),
        );
    }
    let ctx = json!({
        "lang": op.lang.code(), "csrf": op.csrf, "user": op.user.name, "role": "operator",
        "rows": audit_rows(&rows, &slugs),
        "q": {"actor": q.actor, "action": q.action, "from": q.from, "until": q.until, "tenant": q.tenant},
        "tenants": tenants, "base": "/operator/audit", "operator": true,
    });
    match state.render("audit.html", ctx) {
        Ok(html) => html.into_response(),
        Err(e) => crate::PageError::new(&state, op.lang, e).into_response(),
    }
}

/// Account mail in the built-in outbox (operator; only with the outbox
/// transport, which is for trials: whoever reads it can use the links).
pub async fn operator_outbox(State(state): State<AppState>, op: Operator) -> Response {
    if !matches!(state.config().mail, crate::MailTransport::Outbox) {
        return error_page(
            &state,
            op.lang,
            StatusCode::NOT_FOUND,
            "web-error-not-found",
        );
    }
    let (mails, problems) = match (
        state.store().delivered_service_mail(200).await,
        state.store().undelivered_service_mail().await,
    ) {
        (Ok(m), Ok(p)) => (m, p),
        (Err(e), _) | (_, Err(e)) => {
            return crate::PageError::new(&state, op.lang, e).into_response();
        }
    };
    let ctx = json!({"lang": op.lang.code(), "csrf": op.csrf, "user": op.user.name, "role": "operator", "mails": mails, "problems": problems});
    match state.render("operator_outbox.html", ctx) {
        Ok(html) => html.into_response(),
        Err(e) => crate::PageError::new(&state, op.lang, e).into_response(),
    }
}
