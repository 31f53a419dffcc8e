//! The cooperation agreement and the pre-analysis of a participant as
//! forms on the participant's page (not raw JSON): agreement versions with
//! title, signature, signed date, parties and the obligations of both
//! sides; the pre-analysis with who made it, informants by level,
//! presentations (to whom, political or not, when), the main findings and
//! one of the participant's own survey rounds attached as its baseline.
//!
//! Each form is offered to the roles the store's access rules let change
//! it (asked with the change itself, so the page and the store agree: the
//! funder's adviser keeps the agreement, the coordinator and the funder's
//! adviser the pre-analysis) and posted to the store, which checks the role
//! again, validates the whole programme and audits the change in one
//! transaction. Bad input is listed field by field (by the label on the
//! form) and nothing changes.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_programme::date::Date;
use samspill_programme::ids::{ParticipantId, SurveyRoundRef};
use samspill_programme::model::{
    AgreementVersion, AttachedRound, InformantGroup, Level, Obligation, Participant, Party,
    PreAnalysis, Presentation, RoundPurpose,
};
use samspill_programme::text::Renderer;
use samspill_store::programme::Action;
use samspill_store::{ProgrammeHandle, Record, RecordKind, StoreError};
use serde_json::{Value, json};

use super::input::{Fields, MAX_ROWS};
use super::participant::code;
use super::{open, problems, refusal};
use crate::AppState;
use crate::extract::{Form, Id, Viewer};

/// Empty rows offered below the filled ones of a repeated part.
const SPARE_ROWS: usize = 2;

/// The parties of an obligation, by code.
const PARTIES: [(&str, Party); 3] = [
    ("participant", Party::Participant),
    ("funder", Party::Funder),
    ("partner", Party::Partner),
];

fn levels() -> Vec<(String, Level)> {
    Level::ALL.iter().map(|l| (code(l), *l)).collect()
}

/// Whether the user may make `change` to participant `p` (the store's rule,
/// asked with the change).
fn may(h: &ProgrammeHandle, p: &Participant, change: impl FnOnce(&mut Participant)) -> bool {
    let mut after = p.clone();
    change(&mut after);
    let before = Record::Participant(p.clone());
    h.allows(&Action::Write {
        before: Some(&before),
        after: &Record::Participant(after),
        created_by: None,
    })
}

/// Whether the user may change the agreement of `p`.
pub(crate) fn may_agreement(h: &ProgrammeHandle, p: &Participant) -> bool {
    may(h, p, |x| {
        x.agreements.push(AgreementVersion {
            version: u32::MAX,
            title: None,
            signed: false,
            signed_on: None,
            parties: Vec::new(),
            valid_to: None,
            obligations: Vec::new(),
            note: None,
            sources: Vec::new(),
        })
    })
}

/// Whether the user may change the pre-analysis of `p`.
pub(crate) fn may_pre_analysis(h: &ProgrammeHandle, p: &Participant) -> bool {
    may(h, p, |x| {
        x.pre_analysis = Some(PreAnalysis {
            provider: Some(String::from("?")),
            external: !x.pre_analysis.as_ref().is_some_and(|a| a.external),
            completed: None,
            informants: Vec::new(),
            presentations: Vec::new(),
            baseline_round: None,
            findings: Vec::new(),
            sources: Vec::new(),
        })
    })
}

/// The survey rounds the pre-analysis form offers as its baseline: the
/// participant's own tenant's, when the user may change the pre-analysis.
pub(crate) async fn baseline_choices(
    h: &ProgrammeHandle,
    p: &Participant,
) -> Vec<(String, String, Option<String>)> {
    if may_pre_analysis(h, p) {
        own_rounds(h, &p.id).await
    } else {
        Vec::new()
    }
}

/// The survey rounds of the participant's own tenant, newest first, as
/// (reference, name, closing day), when the user may see them.
async fn own_rounds(
    h: &ProgrammeHandle,
    pid: &ParticipantId,
) -> Vec<(String, String, Option<String>)> {
    let Ok(links) = h.linked_tenants().await else {
        return Vec::new();
    };
    let Some((_, tenant)) = links.into_iter().find(|(p, _)| p == pid) else {
        return Vec::new();
    };
    if !h.allows(&Action::SurveyResults(tenant)) {
        return Vec::new();
    }
    let Ok(t) = h.survey_tenant(tenant, "rounds for a baseline").await else {
        return Vec::new();
    };
    t.rounds()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r.id.get().to_string(), r.name, r.closes_on))
        .collect()
}

/// What the participant page shows of the agreement and pre-analysis
/// forms: the filled rows plus spare ones, the choices, and which forms
/// the user may post.
pub(crate) fn context(
    h: &ProgrammeHandle,
    p: &Participant,
    r: &Renderer<'_>,
    rounds: &[(String, String, Option<String>)],
) -> serde_json::Map<String, Value> {
    let raw = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let obligations = |a: Option<&AgreementVersion>| -> Vec<Value> {
        let filled: Vec<Value> = a
            .map(|a| {
                a.obligations
                    .iter()
                    .map(|o| {
                        json!({"party": code(&o.party), "text": o.text, "due": raw(o.due), "done": raw(o.done)})
                    })
                    .collect()
            })
            .unwrap_or_default();
        let spare =
            (0..SPARE_ROWS).map(|_| json!({"party": "", "text": "", "due": "", "done": ""}));
        filled.into_iter().chain(spare).take(MAX_ROWS).collect()
    };
    let mut versions: Vec<Value> = p
        .agreements
        .iter()
        .map(|a| {
            json!({
                "version": a.version.to_string(),
                "title": a.title.clone().unwrap_or_default(),
                "signed": a.signed,
                "signed_on": raw(a.signed_on),
                "parties": a.parties.join("\n"),
                "note": a.note.clone().unwrap_or_default(),
                "obligations": obligations(Some(a)),
            })
        })
        .collect();
    let next = p.agreements.iter().map(|a| a.version).max().unwrap_or(0) + 1;
    versions.push(json!({
        "version": "",
        "new": true,
        "number": next,
        "title": "",
        "signed": false,
        "signed_on": "",
        "parties": p.partners.iter().map(|x| x.name.clone()).collect::<Vec<_>>().join("\n"),
        "note": "",
        "obligations": obligations(None),
    }));
    let pa = p.pre_analysis.as_ref();
    let mut informants: Vec<Value> = pa
        .map(|a| {
            a.informants
                .iter()
                .map(|g| json!({"group": g.group, "level": code(&g.level), "count": g.count.map(|c| c.to_string()).unwrap_or_default()}))
                .collect()
        })
        .unwrap_or_default();
    informants.extend((0..SPARE_ROWS).map(|_| json!({"group": "", "level": "", "count": ""})));
    let mut presentations: Vec<Value> = pa
        .map(|a| {
            a.presentations
                .iter()
                .map(|x| json!({"to": x.to, "political": x.political, "date": raw(x.date)}))
                .collect()
        })
        .unwrap_or_default();
    presentations
        .extend((0..SPARE_ROWS).map(|_| json!({"to": "", "political": false, "date": ""})));
    let may_pre = may_pre_analysis(h, p);
    let baseline = pa
        .and_then(|a| a.baseline_round.as_ref())
        .map(|b| b.to_string());
    let pre = pa.map(|a| {
        json!({
            "provider": a.provider,
            "external": a.external,
            "completed": a.completed.map(|d| r.date(d)),
            "informants": a.informants.iter().map(|g| json!({
                "group": g.group,
                "level": r.message(&samspill_programme::Message::new(format!("programme-level-{}", code(&g.level)))),
                "count": g.count,
            })).collect::<Vec<_>>(),
            "presentations": a.presentations.iter().map(|x| json!({
                "to": x.to, "political": x.political, "date": x.date.map(|d| r.date(d)),
            })).collect::<Vec<_>>(),
            "baseline": a.baseline_round.as_ref().map(|b| {
                rounds.iter().find(|(id, _, _)| id == b.as_str()).map(|(_, n, _)| n.clone()).unwrap_or_else(|| b.to_string())
            }),
            "findings": a.findings,
        })
    });
    let mut m = serde_json::Map::new();
    m.insert("may_agreement".into(), json!(may_agreement(h, p)));
    m.insert("may_pre_analysis".into(), json!(may_pre));
    m.insert("agreement_forms".into(), json!(versions));
    m.insert("pre_analysis".into(), json!(pre));
    m.insert(
        "pre_form".into(),
        json!({
            "provider": pa.and_then(|a| a.provider.clone()).unwrap_or_default(),
            "external": pa.is_some_and(|a| a.external),
            "completed": raw(pa.and_then(|a| a.completed)),
            "informants": informants,
            "presentations": presentations,
            "findings": pa.map(|a| a.findings.join("\n")).unwrap_or_default(),
            "baseline": baseline,
            "rounds": rounds.iter().map(|(id, name, closes)| json!({"id": id, "name": name, "closes": closes})).collect::<Vec<_>>(),
        }),
    );
    m.insert(
        "levels".into(),
        json!(
            levels()
                .iter()
                .map(|(c, _)| json!({"code": c}))
                .collect::<Vec<_>>()
        ),
    );
    m
}

fn revision(form: &crate::forms::FormData) -> Option<i64> {
    form.get("rev").and_then(|r| r.trim().parse().ok())
}

/// Opens the programme and checks the participant is visible.
async fn participant_handle(
    state: &AppState,
    v: &Viewer,
    id: i64,
    pid: &ParticipantId,
) -> Result<ProgrammeHandle, Response> {
    let h = open(state, v, id).await?;
    if !h.allows(&Action::Participant(pid)) {
        return Err(refusal(state, v.lang, StoreError::NotFound.into()));
    }
    Ok(h)
}

/// `POST /programmes/{id}/participants/{pid}/agreement`: one version of the
/// cooperation agreement (`version` empty: a new version).
pub async fn agreement_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let pid = ParticipantId::new(pid);
    let h = match participant_handle(&state, &v, id, &pid).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let t = state.texts(v.lang);
    let mut f = Fields::new(&form, t);
    let version_text = form.text("version");
    let version: Option<u32> = if version_text.is_empty() {
        None
    } else {
        let label = f.label("pp-agreement-version");
        match f.count("version", &label, 10_000) {
            Some(n) => Some(n),
            None => return problems(&state, v.lang, &f.problems),
        }
    };
    let l = |f: &Fields<'_>, k: &str| f.label(k);
    let title = {
        let lb = l(&f, "pp-agreement-title");
        f.line("title", &lb)
    };
    let signed = f.checked_box("signed");
    let signed_on = {
        let lb = l(&f, "pp-agreement-signed-on");
        f.date("signed_on", &lb)
    };
    if signed_on.is_some() && !signed {
        f.problems.push(t.get("pp-error-signed-date"));
    }
    let parties = {
        let lb = l(&f, "pp-agreement-parties");
        f.lines("parties", &lb)
    };
    let note = {
        let lb = l(&f, "pp-agreement-note");
        f.text("note", &lb)
    };
    let mut obligations = Vec::new();
    for i in 0..MAX_ROWS {
        let p = format!("ob-{i}-");
        if ["party", "text", "due", "done"]
            .iter()
            .all(|k| form.text(&format!("{p}{k}")).is_empty())
        {
            continue;
        }
        let party_label = f.row_label("pp-obligation-party", i);
        let text_label = f.row_label("pp-obligation-text", i);
        let due_label = f.row_label("pp-obligation-due", i);
        let done_label = f.row_label("pp-obligation-done", i);
        let party = f.choice(&format!("{p}party"), &party_label, &PARTIES);
        if party.is_none() && form.text(&format!("{p}party")).is_empty() {
            f.problems.push(t.format(
                "pp-error-required",
                &[("field", samspill_i18n::Arg::Str(&party_label))],
            ));
        }
        let text = f.required_line(&format!("{p}text"), &text_label);
        let due = f.date(&format!("{p}due"), &due_label);
        let done = f.date(&format!("{p}done"), &done_label);
        if let (Some(party), Some(text)) = (party, text) {
            obligations.push(Obligation {
                party,
                text,
                due,
                done,
            });
        }
    }
    if form.0.iter().any(|(k, _)| {
        k.strip_prefix("ob-")
            .and_then(|r| r.split('-').next())
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n >= MAX_ROWS)
    }) {
        f.problems.push(t.format(
            "pp-error-too-many",
            &[
                ("field", samspill_i18n::Arg::Str(&t.get("pp-obligations"))),
                ("max", samspill_i18n::Arg::Num(MAX_ROWS as f64)),
            ],
        ));
    }
    if !f.problems.is_empty() {
        return problems(&state, v.lang, &f.problems);
    }
    let result = h
        .modify(
            RecordKind::Participant,
            pid.as_str(),
            revision(&form),
            |before| {
                let Some(Record::Participant(p)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut p = p.clone();
                let number = match version {
                    Some(n) => n,
                    None => p.agreements.iter().map(|a| a.version).max().unwrap_or(0) + 1,
                };
                let i = match p.agreements.iter().position(|a| a.version == number) {
                    Some(i) => i,
                    None if version.is_none() => {
                        p.agreements.push(AgreementVersion {
                            version: number,
                            title: None,
                            signed: false,
                            signed_on: None,
                            parties: Vec::new(),
                            valid_to: None,
                            obligations: Vec::new(),
                            note: None,
                            sources: Vec::new(),
                        });
                        p.agreements.len() - 1
                    }
                    None => return Err(StoreError::NotFound.into()),
                };
                let a = &mut p.agreements[i];
                a.title = title;
                a.signed = signed;
                a.signed_on = signed_on;
                a.parties = parties;
                a.note = note;
                a.obligations = obligations;
                Ok(Record::Participant(p))
            },
        )
        .await;
    match result {
        Ok(_) => {
            Redirect::to(&format!("/programmes/{id}/participants/{pid}#agreement")).into_response()
        }
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST /programmes/{id}/participants/{pid}/pre-analysis`.
pub async fn pre_analysis_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let pid = ParticipantId::new(pid);
    let h = match participant_handle(&state, &v, id, &pid).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let t = state.texts(v.lang);
    let mut f = Fields::new(&form, t);
    let l = |f: &Fields<'_>, k: &str| f.label(k);
    let provider = {
        let lb = l(&f, "pp-pre-provider");
        f.line("provider", &lb)
    };
    let external = f.checked_box("external");
    let completed = {
        let lb = l(&f, "pp-pre-completed");
        f.date("completed", &lb)
    };
    let findings = {
        let lb = l(&f, "pp-pre-findings");
        f.lines("findings", &lb)
    };
    let levels = levels();
    let level_choices: Vec<(&str, Level)> = levels.iter().map(|(c, l)| (c.as_str(), *l)).collect();
    let mut informants = Vec::new();
    for i in 0..MAX_ROWS {
        let p = format!("inf-{i}-");
        if ["group", "level", "count"]
            .iter()
            .all(|k| form.text(&format!("{p}{k}")).is_empty())
        {
            continue;
        }
        let gl = f.row_label("pp-informant-group", i);
        let ll = f.row_label("pp-informant-level", i);
        let cl = f.row_label("pp-informant-count", i);
        let group = f.required_line(&format!("{p}group"), &gl);
        let level = f.choice(&format!("{p}level"), &ll, &level_choices);
        if level.is_none() && form.text(&format!("{p}level")).is_empty() {
            f.problems.push(t.format(
                "pp-error-required",
                &[("field", samspill_i18n::Arg::Str(&ll))],
            ));
        }
        let count = f.count(&format!("{p}count"), &cl, 100_000);
        if let (Some(group), Some(level)) = (group, level) {
            informants.push(InformantGroup {
                group,
                level,
                count,
            });
        }
    }
    let mut presentations = Vec::new();
    for i in 0..MAX_ROWS {
        let p = format!("pres-{i}-");
        if ["to", "date"]
            .iter()
            .all(|k| form.text(&format!("{p}{k}")).is_empty())
        {
            continue;
        }
        let tl = f.row_label("pp-presentation-to", i);
        let dl = f.row_label("pp-presentation-date", i);
        let to = f.required_line(&format!("{p}to"), &tl);
        let date = f.date(&format!("{p}date"), &dl);
        let political = f.checked_box(&format!("{p}political"));
        if let Some(to) = to {
            presentations.push(Presentation {
                to,
                political,
                date,
                sources: Vec::new(),
            });
        }
    }
    let baseline_text = form.text("baseline");
    let mut baseline = None;
    if !baseline_text.is_empty() {
        let rounds = own_rounds(&h, &pid).await;
        match rounds.iter().find(|(r, _, _)| *r == baseline_text) {
            Some((r, _, closes)) => {
                baseline = Some((
                    SurveyRoundRef::new(r.clone()),
                    closes.as_deref().and_then(|c| Date::parse(c).ok()),
                ))
            }
            None => {
                let lb = t.get("pp-pre-baseline");
                f.problems.push(t.format(
                    "pp-error-choice",
                    &[("field", samspill_i18n::Arg::Str(&lb))],
                ));
            }
        }
    }
    if !f.problems.is_empty() {
        return problems(&state, v.lang, &f.problems);
    }
    let result = h
        .modify(
            RecordKind::Participant,
            pid.as_str(),
            revision(&form),
            |before| {
                let Some(Record::Participant(p)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut p = p.clone();
                let old = p.pre_analysis.take();
                let previous_baseline = old.as_ref().and_then(|a| a.baseline_round.clone());
                // The attached baseline round follows the pre-analysis.
                p.survey_rounds.retain(|r| {
                    !(r.purpose == RoundPurpose::Baseline
                        && Some(&r.round) == previous_baseline.as_ref())
                });
                if let Some((round, closed)) = &baseline
                    && !p.survey_rounds.iter().any(|r| &r.round == round)
                {
                    p.survey_rounds.push(AttachedRound {
                        round: round.clone(),
                        purpose: RoundPurpose::Baseline,
                        phase: None,
                        closed: *closed,
                    });
                }
                p.pre_analysis = Some(PreAnalysis {
                    provider,
                    external,
                    completed,
                    informants,
                    presentations,
                    baseline_round: baseline.map(|(r, _)| r),
                    findings,
                    sources: old.map(|a| a.sources).unwrap_or_default(),
                });
                Ok(Record::Participant(p))
            },
        )
        .await;
    match result {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/participants/{pid}#pre-analysis"))
            .into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}
