//! One participant's page: the path with the calendar phase and the real
//! phase side by side, every phase's scheduled and actual dates, the
//! allowed end, extensions with their reasons and the gates; the findings
//! (overruns, the action plan against the next plan revision, coherence,
//! representation, anchoring, reports); the planning calendar, the
//! cooperation agreement, the organisation, the action plan in force as a
//! goal tree, and the reports with their states and drafts (`reports`).
//! The forms are those the user's role allows: the coordinator records the
//! actual dates and gates; the funder's adviser agrees extensions; the
//! agreement and pre-analysis forms are `plan`'s, the reports' `reports`'.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_programme::Message;
use samspill_programme::date::Date;
use samspill_programme::ids::{GateKey, ParticipantId, PhaseKey};
use samspill_programme::model::{Extension, GateRecord, ParticipantPath, PhaseRecord, TopLevel};
use samspill_programme::rules::participant_findings;
use samspill_programme::rules::phases::path_status;
use samspill_programme::text::Renderer;
use samspill_store::programme::Action;
use samspill_store::{Record, RecordKind, Standing};
use serde_json::{Value, json};

use super::{
    ProgrammeTexts, date, finding, open, position, problems, refusal, render, role, today,
};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Form, Id, Viewer};

/// The machine name of a serialisable enum value, for text keys.
pub(crate) fn code<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default()
}

/// `/programmes/{id}/participants/{pid}`.
pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let pid = ParticipantId::new(pid);
    if !h.allows(&Action::Participant(&pid)) {
        return refusal(&state, v.lang, samspill_store::StoreError::NotFound.into());
    }
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let doc = &stored.doc;
    let Some(p) = doc.participant(&pid) else {
        return refusal(&state, v.lang, samspill_store::StoreError::NotFound.into());
    };
    if let Err(e) = h.audit_read(&format!("participant {pid}")).await {
        return refusal(&state, v.lang, e);
    }
    let rounds = super::plan::baseline_choices(&h, p).await;
    let at = today();
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let coordinator = matches!(h.standing(), Standing::Coordinator { .. });
    let funder = super::is_funder(&h);
    let t = |k: &str| r.message(&Message::new(k.to_string()));

    let path = path_status(doc, p, at).map(|s| {
        let phases: Vec<Value> = s
            .phases
            .iter()
            .map(|ph| {
                json!({
                    "key": ph.phase.key.to_string(),
                    "label": r.value(&ph.phase.label),
                    "max_months": ph.max_months,
                    "scheduled_start": date(&r, ph.scheduled_start),
                    "scheduled_end": date(&r, ph.scheduled_end),
                    "actual_start": date(&r, ph.actual_start),
                    "actual_end": date(&r, ph.actual_end),
                    "actual_start_raw": ph.actual_start.map(|d| d.to_string()),
                    "actual_end_raw": ph.actual_end.map(|d| d.to_string()),
                    "allowed_end": date(&r, ph.allowed_end),
                    "complete": ph.complete,
                    "extensions": ph.extensions.iter().map(|(until, reason)| json!({"until": r.date(*until), "reason": reason})).collect::<Vec<_>>(),
                    "gates": ph.gates.iter().map(|g| json!({
                        "key": g.gate.key.to_string(),
                        "label": r.value(&g.gate.label),
                        "required": g.required,
                        "planned": date(&r, g.planned),
                        "passed": date(&r, g.passed),
                        "passed_raw": g.passed.map(|d| d.to_string()),
                        "by_evidence": g.evidence.is_some() && g.passed.is_some(),
                        "state": code(&g.state),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "calendar": position(&r, &s, &s.calendar),
            "real": position(&r, &s, &s.real),
            "behind": s.behind_schedule(),
            "overrun": s.overrun().map(|(k, months, days)| json!({"phase": k.to_string(), "months": months, "days": days})),
            "phases": phases,
        })
    });
    let findings: Vec<Value> = participant_findings(doc, p, at, &[])
        .iter()
        .map(|f| finding(&r, f, doc))
        .collect();
    let calendar: Vec<Value> = p
        .planning_calendar
        .iter()
        .map(|c| {
            json!({
                "plan": r.value(&samspill_programme::finding::plan_type_label(c.plan)),
                "name": c.name,
                "deadline": date(&r, c.input_deadline),
                "adoption": r.date(c.adoption),
            })
        })
        .collect();
    let agreements: Vec<Value> = p
        .agreements
        .iter()
        .map(|a| {
            json!({
                "version": a.version,
                "title": a.title,
                "signed": a.signed,
                "signed_on": date(&r, a.signed_on),
                "parties": a.parties,
                "obligations": a.obligations.iter().map(|o| json!({"party": code(&o.party), "text": o.text, "due": date(&r, o.due), "done": date(&r, o.done)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let organisation = doc.organisation(&pid).map(|o| {
        json!({
            "owners": o.owners.iter().filter(|w| w.holds_at(at)).map(|w| json!({
                "kind": t(&format!("programme-owner-kind-{}", code(&w.kind))),
                "holder": w.holder,
            })).collect::<Vec<_>>(),
            "bodies": o.bodies.iter().map(|b| json!({
                "name": b.name,
                "kind": samspill_programme::text::capitalise(&r.term(b.kind.term(), samspill_programme::model::Form::Singular)),
                "planned": b.planned,
                "members": b.members.iter().filter(|m| m.holds_at(at)).map(|m| json!({
                    "position": m.position,
                    "unit": m.unit,
                    "person": m.person.as_ref().map(|x| x.to_string()),
                    "level": t(&format!("programme-level-{}", code(&m.level))),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "leader": o.leader.as_ref().map(|l| json!({
                "title": l.title,
                "appointed": date(&r, l.appointed),
                "placements": l.placements.iter().map(|pl| json!({
                    "unit": pl.unit,
                    "kind": t(&format!("programme-placement-kind-{}", code(&pl.kind))),
                    "from": date(&r, pl.from),
                    "to": date(&r, pl.to),
                })).collect::<Vec<_>>(),
                "orientation": l.orientation_at(at).map(|s| t(&format!("programme-orientation-{}", code(&s.towards)))),
            })),
        })
    });
    let plan = doc.action_plan(&pid).map(|ap| {
        let version = ap.version_at(at).or(ap.versions.last());
        json!({
            "versions": ap.versions.len(),
            "version": version.map(|v| {
                let measures_of = |g: &samspill_programme::ids::GoalId| v.measures.iter().filter(|m| m.goals.contains(g)).map(|m| json!({
                    "title": m.title,
                    "status": t(&format!("programme-measure-status-{}", code(&m.status))),
                    "responsible": m.responsible.as_ref().and_then(|x| x.name.clone().or(x.person.as_ref().map(|p| p.to_string()))),
                    "indicators": v.indicators.iter().filter(|i| i.measure.as_ref() == Some(&m.id)).map(|i| json!({
                        "name": i.name,
                        "baseline": i.baseline.as_ref().map(|b| r.decimal(b.value)),
                        "target": i.target.as_ref().map(|b| r.decimal(b.value)),
                        "unit": i.unit,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>();
                let goal = |g: &samspill_programme::model::Goal| json!({
                    "title": g.title,
                    "measures": measures_of(&g.id),
                    "indicators": v.indicators.iter().filter(|i| i.goal.as_ref() == Some(&g.id)).map(|i| i.name.clone()).collect::<Vec<_>>(),
                });
                json!({
                    "number": v.number,
                    "title": v.title,
                    "approved": date(&r, v.approved),
                    "approved_by": v.approved_by,
                    "planned_approval": date(&r, v.planned_approval),
                    "top": match v.top { TopLevel::MainGoals => "main-goals", _ => "priority-areas" },
                    "goals": v.goals.iter().filter(|g| g.parent.is_none()).map(|top| {
                        let mut g = goal(top);
                        g["children"] = json!(v.goals.iter().filter(|c| c.parent.as_ref() == Some(&top.id)).map(goal).collect::<Vec<_>>());
                        g
                    }).collect::<Vec<_>>(),
                    "unlinked": v.measures.iter().filter(|m| m.goals.is_empty()).map(|m| m.title.clone()).collect::<Vec<_>>(),
                })
            }),
        })
    });
    // Anchoring per dimension: every dated assessment, newest first, with
    // its rating, assessor and the evidence in the recorder's words.
    let mut assessments: Vec<&samspill_programme::model::Assessment> =
        doc.assessments_of(&pid).collect();
    assessments.sort_by(|a, b| {
        (code(&a.dimension), std::cmp::Reverse(a.date))
            .cmp(&(code(&b.dimension), std::cmp::Reverse(b.date)))
    });
    let anchoring: Vec<Value> = assessments
        .iter()
        .map(|a| {
            json!({
                "dimension": t(&format!("programme-dimension-{}", code(&a.dimension))),
                "date": r.date(a.date),
                "rating": a.rating.map(|x| t(&format!("programme-rating-{}", code(&x)))),
                "by": a.by,
                "comment": a.comment,
                "evidence": a.evidence.iter().filter_map(|e| e.wording.clone()).collect::<Vec<_>>(),
                "facts": a.evidence.len(),
            })
        })
        .collect();
    let reports = super::reports::context(&h, &stored, doc, p, &r);
    let plan_forms = super::plan::context(&h, p, &r, &rounds);
    let may_write = |kind: RecordKind| -> bool {
        // Offer the JSON editor for records of kinds the role keeps.
        matches!(
            (h.standing(), kind),
            (
                Standing::Coordinator { .. },
                RecordKind::Organisation | RecordKind::ActionPlan
            ) | (Standing::Funder, RecordKind::Participant)
                | (Standing::System, _)
        )
    };
    let ctx = obj(json!({
        "id": id,
        "pid": pid.to_string(),
        "name": p.name,
        "kind": code(&p.kind),
        "cohort": p.cohort.as_ref().and_then(|c| doc.cohorts.iter().find(|x| &x.id == c)).map(|c| c.number),
        "admitted": date(&r, p.admitted),
        "partners": p.partners.iter().map(|x| json!({"name": x.name, "role": x.role})).collect::<Vec<_>>(),
        "programme": doc.programme.name,
        "as_of": r.date(at),
        "path": path,
        "findings": findings,
        "calendar": calendar,
        "agreements": agreements,
        "organisation": organisation,
        "plan": plan,
        "anchoring": anchoring,
        "reports": reports,
        "rev": stored.revision_of(RecordKind::Participant, pid.as_str()),
        "coordinator": coordinator,
        "funder": funder,
        "edit_participant": may_write(RecordKind::Participant),
        "edit_organisation": may_write(RecordKind::Organisation) && doc.organisation(&pid).is_some(),
        "edit_plan": may_write(RecordKind::ActionPlan) && doc.action_plan(&pid).is_some(),
        "overview": h.allows(&Action::Overview),
    }));
    let mut ctx = ctx;
    ctx.extend(plan_forms);
    render(
        &state,
        &v,
        role(&h),
        "programme_participant.html",
        ctx,
        StatusCode::OK,
    )
}

/// A date field of a form (the error is the page to answer with): empty is none; anything else must be a date
/// (`2026-03-01`, `2026-03`, `2026`, …) or the field is named in the error.
#[allow(clippy::result_large_err)]
fn date_field(
    state: &AppState,
    v: &Viewer,
    form: &crate::forms::FormData,
    field: &str,
) -> Result<Option<Date>, Response> {
    let s = form.text(field);
    if s.is_empty() {
        return Ok(None);
    }
    Date::parse(&s).map(Some).map_err(|_| {
        let t = state.texts(v.lang);
        problems(
            state,
            v.lang,
            &[t.format(
                "pw-error-date",
                &[
                    ("field", samspill_i18n::Arg::Str(field)),
                    ("value", samspill_i18n::Arg::Str(&s)),
                ],
            )],
        )
    })
}

fn revision(form: &crate::forms::FormData) -> Option<i64> {
    form.get("rev").and_then(|r| r.trim().parse().ok())
}

/// The phase record of `key` in a path, made if missing.
fn phase_record<'a>(path: &'a mut ParticipantPath, key: &PhaseKey) -> &'a mut PhaseRecord {
    if let Some(i) = path.phases.iter().position(|r| &r.phase == key) {
        return &mut path.phases[i];
    }
    path.phases.push(PhaseRecord {
        phase: key.clone(),
        planned_start: None,
        planned_end: None,
        actual_start: None,
        actual_end: None,
        extensions: Vec::new(),
        gates: Vec::new(),
    });
    path.phases.last_mut().expect("just pushed")
}

/// Posts to a phase: the coordinator's actual dates and gates
/// (`actual_start`, `actual_end`, `gate-{key}`), the funder's extension
/// (`extension_until`, `extension_reason`).
pub async fn phase_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let key = PhaseKey::new(form.text("phase"));
    let coordinator = matches!(h.standing(), Standing::Coordinator { .. });
    let mut actual = (None, None);
    let mut gates: Vec<(GateKey, Option<Date>)> = Vec::new();
    let mut extension = None;
    if coordinator {
        actual = match (
            date_field(&state, &v, &form, "actual_start"),
            date_field(&state, &v, &form, "actual_end"),
        ) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(r), _) | (_, Err(r)) => return r,
        };
        for (k, _) in form.with_prefix("gate-") {
            match date_field(&state, &v, &form, &format!("gate-{k}")) {
                Ok(d) => gates.push((GateKey::new(k), d)),
                Err(r) => return r,
            }
        }
    } else {
        let until = match date_field(&state, &v, &form, "extension_until") {
            Ok(d) => d,
            Err(r) => return r,
        };
        let reason = form.text("extension_reason");
        match until {
            Some(until) if !reason.is_empty() => {
                extension = Some(Extension {
                    until,
                    reason,
                    decided: Some(today()),
                    decided_by: Some(v.user.name.clone()),
                })
            }
            _ => {
                let t = state.texts(v.lang);
                return problems(&state, v.lang, &[t.get("pw-error-extension")]);
            }
        }
    }
    let result = h
        .modify(RecordKind::Participant, &pid, revision(&form), |before| {
            let Some(Record::Participant(p)) = before else {
                return Err(samspill_store::StoreError::NotFound.into());
            };
            let mut p = p.clone();
            let Some(path) = p.path.as_mut() else {
                return Err(samspill_store::StoreError::NotFound.into());
            };
            let rec = phase_record(path, &key);
            if coordinator {
                rec.actual_start = actual.0;
                rec.actual_end = actual.1;
                for (g, d) in &gates {
                    match rec.gates.iter_mut().find(|x| &x.gate == g) {
                        Some(x) => x.done = *d,
                        None if d.is_some() => rec.gates.push(GateRecord {
                            gate: g.clone(),
                            planned: None,
                            done: *d,
                            note: None,
                        }),
                        None => {}
                    }
                }
            }
            if let Some(e) = extension {
                rec.extensions.push(e);
            }
            Ok(Record::Participant(p))
        })
        .await;
    match result {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/participants/{pid}#path")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}
