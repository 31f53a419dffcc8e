//! Survey rounds inside the programme (issue 18):
//!
//! * a participant's rounds page (`/programmes/{id}/participants/{pid}/rounds`):
//!   the closed rounds of its linked tenant attached to its phases (a
//!   baseline in the pre-analysis, follow-ups in implementation), the
//!   forms that attach and detach them (the coordinator of that tenant and
//!   the funder's adviser; the store refuses a round of another tenant or
//!   one not closed), and the survey figures chosen as indicators of the
//!   action plan, tracked across the attached rounds (the engine computes
//!   them from each round's frozen answers under its analysis rules:
//!   [`samspill_results::figures`]); the coordinator chooses an
//!   indicator's figure;
//! * the cross-municipality report from real closed rounds
//!   (`/programmes/{id}/survey-report`, for the funder's adviser and the
//!   evaluator): the attached rounds, the latest per participant, or a
//!   chosen set; pseudonymised, groups under five suppressed, rounds with
//!   fewer than five respondents left out; HTML and PDF downloads.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::{Arg, Texts};
use samspill_programme::ids::{IndicatorId, ParticipantId, PhaseKey};
use samspill_programme::model::{AttachedRound, IndicatorSource, RoundPurpose};
use samspill_programme::rules::phases::path_status;
use samspill_programme::text::Renderer;
use samspill_report::summary::function_name;
use samspill_results::ResultsError;
use samspill_results::figures::{FIGURES, FigureKey, MIN_GROUP, takes_functions};
use samspill_results::programme::{self as rounds, Selection, round_of, round_ref};
use samspill_store::programme::Action;
use samspill_store::{ProgrammeHandle, Record, RecordKind, RoundId, Standing, StoreError};
use serde_json::{Value, json};

use super::{ProgrammeTexts, open, problems, refusal, render, role, today};
use crate::coord::obj;
use crate::extract::{Form, Id, Viewer};
use crate::results::{download, on_report_thread, report_body};
use crate::{AppState, PageError, WebError};

/// A results failure as a translated page.
fn results_refusal(state: &AppState, v: &Viewer, e: ResultsError) -> Response {
    match e {
        ResultsError::Programme(e) => refusal(state, v.lang, e),
        ResultsError::Store(e) => refusal(state, v.lang, e.into()),
        ResultsError::NotClosed => {
            PageError::new(state, v.lang, WebError::NotClosed).into_response()
        }
        other => {
            PageError::new(state, v.lang, WebError::Results(other.to_string())).into_response()
        }
    }
}

/// The programme and the participant (with its linked tenant, if any), or
/// a 404 when the user may not see it.
async fn participant(
    state: &AppState,
    v: &Viewer,
    id: i64,
    pid: &ParticipantId,
) -> Result<(ProgrammeHandle, Option<samspill_store::TenantId>), Response> {
    let h = open(state, v, id).await?;
    if !h.allows(&Action::Participant(pid)) {
        return Err(refusal(state, v.lang, StoreError::NotFound.into()));
    }
    let tenant = match h.linked_tenants().await {
        Ok(l) => l.into_iter().find(|(p, _)| p == pid).map(|(_, t)| t),
        Err(e) => return Err(refusal(state, v.lang, e)),
    };
    Ok((h, tenant))
}

/// A figure key in words: «E–I index between Tildeling and Tjenester i bolig».
pub(crate) fn figure_label(t: &Texts, key: &str) -> String {
    match FigureKey::parse(key) {
        Some(k) => match &k.pair {
            Some((a, b)) => t.format(
                &format!("pr-figure-{}", k.base.replace('_', "-")),
                &[
                    ("a", Arg::Str(&function_name(t, a))),
                    ("b", Arg::Str(&function_name(t, b))),
                ],
            ),
            None => t.get(&format!("pr-figure-{}", k.base.replace('_', "-"))),
        },
        None => t.format("pr-figure-unknown", &[("key", Arg::Str(key))]),
    }
}

/// A figure's value as the page writes it (E–I indices with two decimals,
/// counts whole, shares and means with one).
fn figure_value(t: &Texts, key: &str, x: f64) -> String {
    let base = key.split(':').next().unwrap_or("");
    let decimals = match base {
        "ei_index" => 2,
        "weekly_isolates" | "nonrespondent_bridge_builders" | "weekly_contact" => 0,
        _ => 1,
    };
    t.number(x, decimals)
}

/// `/programmes/{id}/participants/{pid}/rounds`.
pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
) -> Response {
    let pid = ParticipantId::new(pid);
    let (h, tenant) = match participant(&state, &v, id, &pid).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let doc = &stored.doc;
    let Some(p) = doc.participant(&pid) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    // The survey indicators of the latest plan version.
    let plan = doc.action_plan(&pid);
    let version = plan.and_then(|a| a.versions.last());
    let survey_indicators: Vec<_> = version
        .map(|v| {
            v.indicators
                .iter()
                .filter_map(|i| match &i.source {
                    IndicatorSource::Survey { figure } => Some((i, figure.clone())),
                    IndicatorSource::Manual => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let keys: Vec<String> = survey_indicators.iter().map(|(_, f)| f.clone()).collect();
    let mut closed = Vec::new();
    let mut tracked = Vec::new();
    if let Some(tenant) = tenant {
        match rounds::closed_rounds(&h, tenant).await {
            Ok(c) => closed = c,
            Err(e) => return results_refusal(&state, &v, e),
        }
        match rounds::tracked(&h, doc, &pid, tenant, &keys).await {
            Ok(x) => tracked = x,
            Err(e) => return results_refusal(&state, &v, e),
        }
    }
    let t = state.texts(v.lang);
    let cat = ProgrammeTexts(t);
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let phases: Vec<(String, String)> = path_status(doc, p, today())
        .map(|s| {
            s.phases
                .iter()
                .map(|ph| (ph.phase.key.to_string(), r.value(&ph.phase.label)))
                .collect()
        })
        .unwrap_or_default();
    let phase_label = |k: &Option<PhaseKey>| -> Option<String> {
        k.as_ref().map(|k| {
            phases
                .iter()
                .find(|(x, _)| x == k.as_str())
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| k.to_string())
        })
    };
    let available: Vec<Value> = closed
        .iter()
        .filter(|c| !p.survey_rounds.iter().any(|a| round_of(&a.round) == Some(c.id)))
        .map(|c| json!({"id": c.id, "name": c.name, "closed": c.closed_at.map(|at| t.date_or_text(&samspill_store::date_of(at)))}))
        .collect();
    let attached: Vec<Value> = p
        .survey_rounds
        .iter()
        .map(|a| {
            let tr = tracked.iter().find(|x| x.attached.round == a.round);
            let info = tr.and_then(|x| x.info.as_ref());
            json!({
                "ref": a.round.to_string(),
                "name": info.map(|i| i.name.clone()),
                "purpose": t.get(match a.purpose {
                    RoundPurpose::Baseline => "pr-purpose-baseline",
                    RoundPurpose::FollowUp => "pr-purpose-follow-up",
                }),
                "phase": phase_label(&a.phase),
                "closed": info.and_then(|i| i.closed_at).map(|at| t.date_or_text(&samspill_store::date_of(at))).or_else(|| a.closed.map(|d| r.date(d))),
                "respondents": tr.map(|x| x.respondents),
                "found": info.is_some(),
            })
        })
        .collect();
    let indicators: Vec<Value> = survey_indicators
        .iter()
        .map(|(i, key)| {
            let values: Vec<Value> = p
                .survey_rounds
                .iter()
                .map(|a| {
                    let v = tracked
                        .iter()
                        .find(|x| x.attached.round == a.round)
                        .and_then(|x| x.figures.iter().find(|f| &f.figure == key))
                        .map(|f| figure_value(t, key, f.value));
                    json!(v)
                })
                .collect();
            json!({
                "id": i.id.to_string(),
                "name": i.name,
                "unit": i.unit,
                "measure": i.measure.as_ref().and_then(|m| version.and_then(|v| v.measure(m))).map(|m| m.title.clone()),
                "figure": figure_label(t, key),
                "baseline": i.baseline.map(|o| t.number(o.value, 1)),
                "target": i.target.map(|x| t.number(x.value, 1)),
                "values": values,
            })
        })
        .collect();
    let coordinator = matches!(h.standing(), Standing::Coordinator { .. });
    let may_attach = tenant.is_some() && (coordinator || super::is_funder(&h));
    let all_indicators: Vec<Value> = version
        .map(|v| {
            v.indicators
                .iter()
                .map(|i| json!({"id": i.id.to_string(), "name": i.name}))
                .collect()
        })
        .unwrap_or_default();
    let figures: Vec<Value> = FIGURES
        .iter()
        .map(|f| {
            json!({
                "key": f,
                "label": if takes_functions(f) {
                    t.format(&format!("pr-figure-{}", f.replace('_', "-")), &[("a", Arg::Str("A")), ("b", Arg::Str("B"))])
                } else {
                    t.get(&format!("pr-figure-{}", f.replace('_', "-")))
                },
            })
        })
        .collect();
    let functions: Vec<Value> = samspill_draw::STANDARD_FUNCTIONS
        .iter()
        .map(|k| json!({"key": k, "name": function_name(t, k)}))
        .collect();
    let ctx = obj(json!({
        "id": id,
        "pid": pid.to_string(),
        "name": p.name,
        "programme": doc.programme.name,
        "linked": tenant.is_some(),
        "attached": attached,
        "available": available,
        "phases": phases.iter().map(|(k, l)| json!({"key": k, "label": l})).collect::<Vec<_>>(),
        "indicators": indicators,
        "all_indicators": all_indicators,
        "figures": figures,
        "functions": functions,
        "rev": stored.revision_of(RecordKind::Participant, pid.as_str()),
        "plan_rev": stored.revision_of(RecordKind::ActionPlan, pid.as_str()),
        "may_attach": may_attach,
        "may_choose": coordinator && version.is_some(),
        "overview": h.allows(&Action::Overview),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_rounds.html",
        ctx,
        StatusCode::OK,
    )
}

fn revision(form: &crate::forms::FormData, field: &str) -> Option<i64> {
    form.get(field).and_then(|r| r.trim().parse().ok())
}

/// A refusal with one translated reason (422; nothing changed).
fn reason(state: &AppState, v: &Viewer, key: &str) -> Response {
    let t = state.texts(v.lang);
    problems(state, v.lang, &[t.get(key)])
}

/// `POST …/rounds/attach`: `round` (a closed round of the linked tenant),
/// `purpose` (`baseline`, `follow_up`), `phase` (optional).
pub async fn attach(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let pid = ParticipantId::new(pid);
    let (h, tenant) = match participant(&state, &v, id, &pid).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if tenant.is_none() {
        return reason(&state, &v, "pr-error-not-linked");
    }
    let Ok(round) = form.text("round").parse::<i64>() else {
        return reason(&state, &v, "pr-error-choose-round");
    };
    let purpose = match form.text("purpose").as_str() {
        "baseline" => RoundPurpose::Baseline,
        "follow_up" => RoundPurpose::FollowUp,
        _ => return reason(&state, &v, "pr-error-purpose"),
    };
    let phase = match form.text("phase") {
        s if s.is_empty() => None,
        s => Some(PhaseKey::new(s)),
    };
    let rref = round_ref(RoundId::from_raw(round));
    // The store checks the round: one of the linked tenant's, closed.
    let closed = match &tenant {
        Some(t) => match rounds::closed_rounds(&h, *t).await {
            Ok(c) => c
                .iter()
                .find(|r| r.id == RoundId::from_raw(round))
                .and_then(rounds::closed_date),
            Err(e) => return results_refusal(&state, &v, e),
        },
        None => None,
    };
    let result = h
        .modify(
            RecordKind::Participant,
            pid.as_str(),
            revision(&form, "rev"),
            |before| {
                let Some(Record::Participant(p)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut p = p.clone();
                p.survey_rounds.retain(|a| a.round != rref);
                p.survey_rounds.push(AttachedRound {
                    round: rref.clone(),
                    purpose,
                    phase: phase.clone(),
                    closed,
                });
                Ok(Record::Participant(p))
            },
        )
        .await;
    match result {
        Ok(_) => {
            Redirect::to(&format!("/programmes/{id}/participants/{pid}/rounds")).into_response()
        }
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST …/rounds/detach`: `round` (an attached round's reference).
pub async fn detach(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let pid = ParticipantId::new(pid);
    let (h, _) = match participant(&state, &v, id, &pid).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let rref = form.text("round");
    let result = h
        .modify(
            RecordKind::Participant,
            pid.as_str(),
            revision(&form, "rev"),
            |before| {
                let Some(Record::Participant(p)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut p = p.clone();
                if !p.survey_rounds.iter().any(|a| a.round.as_str() == rref) {
                    return Err(StoreError::NotFound.into());
                }
                p.survey_rounds.retain(|a| a.round.as_str() != rref);
                Ok(Record::Participant(p))
            },
        )
        .await;
    match result {
        Ok(_) => {
            Redirect::to(&format!("/programmes/{id}/participants/{pid}/rounds")).into_response()
        }
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST …/indicators`: the coordinator makes indicator `indicator` of the
/// latest plan version take survey figure `figure` (with `function_a` and
/// `function_b` for a figure between two functions).
pub async fn indicator_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let pid = ParticipantId::new(pid);
    let (h, _) = match participant(&state, &v, id, &pid).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let base = form.text("figure");
    let key = if takes_functions(&base) {
        let (a, b) = (form.text("function_a"), form.text("function_b"));
        if a.is_empty() || b.is_empty() || a == b {
            return reason(&state, &v, "pr-error-two-functions");
        }
        format!("{base}:{a}:{b}")
    } else {
        base
    };
    if FigureKey::parse(&key).is_none() || !samspill_programme::document::is_figure_key(&key) {
        return reason(&state, &v, "pr-error-figure");
    }
    let indicator = IndicatorId::new(form.text("indicator"));
    let result = h
        .modify(
            RecordKind::ActionPlan,
            pid.as_str(),
            revision(&form, "plan_rev"),
            |before| {
                let Some(Record::ActionPlan(a)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut a = a.clone();
                let Some(i) = a
                    .versions
                    .last_mut()
                    .and_then(|v| v.indicators.iter_mut().find(|i| i.id == indicator))
                else {
                    return Err(StoreError::NotFound.into());
                };
                i.source = IndicatorSource::Survey {
                    figure: key.clone(),
                };
                Ok(Record::ActionPlan(a))
            },
        )
        .await;
    match result {
        Ok(_) => Redirect::to(&format!(
            "/programmes/{id}/participants/{pid}/rounds#indicators"
        ))
        .into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// The report's selection from the query: `set` (`attached`, `latest`,
/// `chosen`) and, for a chosen set, `round` repeated.
fn selection(query: Option<&str>) -> Result<(Selection, String), &'static str> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let set = pairs
        .iter()
        .find(|(k, _)| k == "set")
        .map(|(_, v)| v.as_str())
        .unwrap_or("attached");
    let mut chosen = Vec::new();
    for (k, v) in &pairs {
        if k == "round" {
            match v.parse::<i64>() {
                Ok(x) => chosen.push(RoundId::from_raw(x)),
                Err(_) => return Err("pr-error-choose-round"),
            }
        }
    }
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().filter(|(k, _)| k == "set" || k == "round"))
        .finish();
    match set {
        "attached" => Ok((Selection::Attached, query)),
        "latest" => Ok((Selection::Latest, query)),
        "chosen" if !chosen.is_empty() => Ok((Selection::Chosen(chosen), query)),
        "chosen" => Err("pr-error-choose-round"),
        _ => Err("pr-error-set"),
    }
}

/// The programme for the report: the funder's adviser and the evaluator
/// (who see the overview), and its rounds.
async fn report_rounds(
    state: &AppState,
    v: &Viewer,
    id: i64,
    query: Option<&str>,
) -> Result<
    (
        ProgrammeHandle,
        samspill_programme::ProgrammeDocument,
        Selection,
        String,
        rounds::ProgrammeRounds,
    ),
    Response,
> {
    let h = open(state, v, id).await?;
    if !h.allows(&Action::Overview) {
        return Err(refusal(
            state,
            v.lang,
            samspill_store::ProgrammeError::Forbidden,
        ));
    }
    let doc = h.document().await.map_err(|e| refusal(state, v.lang, e))?;
    let (sel, q) = match selection(query) {
        Ok(x) => x,
        Err(k) => {
            return Err(crate::error::error_page(
                state,
                v.lang,
                StatusCode::BAD_REQUEST,
                k,
            ));
        }
    };
    let made = rounds::select(&h, &doc, &sel)
        .await
        .map_err(|e| results_refusal(state, v, e))?;
    if let Err(e) = h.audit_read("survey-report").await {
        return Err(refusal(state, v.lang, e));
    }
    Ok((h, doc, sel, q, made))
}

/// `/programmes/{id}/survey-report`: the report as a page, with the choice
/// of rounds.
pub async fn report_page(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    RawQuery(query): RawQuery,
) -> Response {
    let (h, doc, sel, q, made) = match report_rounds(&state, &v, id, query.as_deref()).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    // Every closed round of every linked participant, to choose from.
    let mut choices = Vec::new();
    let links = match rounds::linked(&h, &doc).await {
        Ok(l) => l,
        Err(e) => return results_refusal(&state, &v, e),
    };
    for (_, name, tenant) in &links {
        match rounds::closed_rounds(&h, *tenant).await {
            Ok(c) => {
                for r in c {
                    let checked = match &sel {
                        Selection::Chosen(ids) => ids.contains(&r.id),
                        _ => made.rounds.iter().any(|x| x.data.round.id == r.id),
                    };
                    choices.push(json!({
                        "id": r.id,
                        "label": format!("{name} – {}", r.name),
                        "checked": checked,
                    }));
                }
            }
            Err(e) => return results_refusal(&state, &v, e),
        }
    }
    let lang = v.lang;
    let name = doc.programme.name.clone();
    let rounds_for_report = made.clone();
    let html = if made.rounds.is_empty() {
        None
    } else {
        let out = on_report_thread(move || -> Result<String, ResultsError> {
            let inputs = rounds::inputs(&rounds_for_report, lang)?;
            let facts = inputs
                .iter()
                .map(samspill_report::facts::Facts::compute)
                .collect::<Result<Vec<_>, _>>()?;
            let d = samspill_report::programme::document(&name, lang, &inputs, &facts);
            Ok(samspill_report::html::render(&d))
        })
        .await;
        match out {
            Ok(Ok(html)) => Some(report_body(&html).to_string()),
            Ok(Err(e)) => return results_refusal(&state, &v, e),
            Err(e) => return PageError::new(&state, v.lang, e).into_response(),
        }
    };
    let t = state.texts(v.lang);
    let set = match sel {
        Selection::Attached => "attached",
        Selection::Latest => "latest",
        Selection::Chosen(_) => "chosen",
    };
    let left_out: Vec<Value> = made
        .left_out
        .iter()
        .map(|l| {
            json!(t.format(
                "pr-report-left-out",
                &[
                    ("name", Arg::Str(&l.name)),
                    ("round", Arg::Str(&l.round)),
                    ("respondents", Arg::Num(l.respondents as f64)),
                    ("min", Arg::Num(MIN_GROUP as f64)),
                ],
            ))
        })
        .collect();
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "set": set,
        "query": q,
        "choices": choices,
        "report": html,
        "left_out": left_out,
        "count": made.rounds.len(),
        "min_group": MIN_GROUP,
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_survey_report.html",
        ctx,
        StatusCode::OK,
    )
}

/// `/programmes/{id}/survey-report.html`.
pub async fn report_html(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    RawQuery(query): RawQuery,
) -> Response {
    report_file(state, v, id, query, "html").await
}

/// `/programmes/{id}/survey-report.pdf`.
pub async fn report_pdf(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    RawQuery(query): RawQuery,
) -> Response {
    report_file(state, v, id, query, "pdf").await
}

/// The report as a file.
async fn report_file(
    state: AppState,
    v: Viewer,
    id: i64,
    query: Option<String>,
    ext: &str,
) -> Response {
    let (_, doc, _, _, made) = match report_rounds(&state, &v, id, query.as_deref()).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if made.rounds.is_empty() {
        return reason(&state, &v, "pr-error-no-rounds");
    }
    let lang = v.lang;
    let name = doc.programme.name.clone();
    let out = on_report_thread(move || rounds::report(&name, lang, &made)).await;
    let rendered = match out {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return results_refusal(&state, &v, e),
        Err(e) => return PageError::new(&state, v.lang, e).into_response(),
    };
    let stem = format!("programme-{id}-survey-report");
    if ext == "pdf" {
        download("application/pdf", &format!("{stem}.pdf"), rendered.pdf)
    } else {
        download(
            "text/html; charset=utf-8",
            &format!("{stem}.html"),
            rendered.html,
        )
    }
}
