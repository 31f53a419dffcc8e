//! The programmes a user has a standing in, the funder's overview (the
//! portfolio as of today: every participant's calendar and real phase,
//! overruns, open gates, reports late and due, anchoring at a glance, the
//! findings; cohorts with their admission; evaluation rounds) and the
//! programme's glossary.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_programme::rules::{self, portfolio};
use samspill_programme::text::{Renderer, glossary as glossary_of};
use samspill_programme::{Message, Severity};
use samspill_store::Standing;
use samspill_store::programme::Action;
use serde_json::{Value, json};

use super::{ProgrammeTexts, date, finding, open, position, refusal, render, role, today};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Id, Viewer};

/// `/programmes`: the user's programmes (a coordinator's: those their
/// municipality takes part in). A funder's adviser may create one by
/// importing a document.
pub async fn list(State(state): State<AppState>, v: Viewer) -> Response {
    let list = match state.store().programmes_for(&v.user).await {
        Ok(l) => l,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let items: Vec<Value> = list
        .iter()
        .map(|(s, st)| {
            json!({
                "id": s.id,
                "name": s.name,
                "funder": s.funder,
                "role": st.as_str(),
                "participant": match st {
                    Standing::Coordinator { participant, .. } => Some(participant.to_string()),
                    _ => None,
                },
            })
        })
        .collect();
    let role = match v.user.role {
        samspill_store::Role::Funder => "funder",
        samspill_store::Role::Evaluator => "evaluator",
        samspill_store::Role::Operator => "operator",
        samspill_store::Role::Coordinator => "coordinator",
    };
    let ctx = obj(json!({
        "programmes": items,
        "may_create": v.user.role == samspill_store::Role::Funder,
    }));
    render(&state, &v, role, "programme_list.html", ctx, StatusCode::OK)
}

/// `/programmes/{id}`: the portfolio for funder advisers and evaluators; a
/// coordinator goes to their own participant's page.
pub async fn overview(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if let Standing::Coordinator { participant, .. } = h.standing() {
        return Redirect::to(&format!("/programmes/{id}/participants/{participant}"))
            .into_response();
    }
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    if let Err(e) = h.audit_read("portfolio").await {
        return refusal(&state, v.lang, e);
    }
    let doc = &stored.doc;
    let at = today();
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let p = portfolio::portfolio(doc, at, &[]);
    let rows: Vec<Value> = p
        .rows
        .iter()
        .map(|row| {
            let count = |s: Severity| row.severity_counts.get(&s).copied().unwrap_or(0);
            let a = &row.anchoring;
            json!({
                "id": row.participant.to_string(),
                "name": row.name,
                "cohort": row.cohort,
                "calendar": row.path.as_ref().map(|p| position(&r, p, &p.calendar)),
                "real": row.path.as_ref().map(|p| position(&r, p, &p.real)),
                "behind": row.path.as_ref().is_some_and(|p| p.behind_schedule()),
                "overrun_days": row.path.as_ref().and_then(|p| p.overrun()).map(|o| o.2),
                "open_gates": row.path.as_ref().map(|p| p.open_gates().len()),
                "reports_late": row.reports_late,
                "reports_due_soon": row.reports_due_soon,
                "agreement": a.agreement_signed,
                "chief_executive": a.chief_executive_in_steering_group,
                "political_members": a.political_members,
                "problems": count(Severity::Problem),
                "warnings": count(Severity::Warning),
                "findings": row.findings.iter().filter(|f| f.severity != Severity::Info).map(|f| finding(&r, f, doc)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let programme_findings: Vec<Value> = rules::all_findings(doc, at, &[])
        .iter()
        .filter(|f| f.participant.is_none())
        .map(|f| finding(&r, f, doc))
        .collect();
    let c = &p.counts;
    let counts: Vec<Value> = [
        ("chief-executive", &c.chief_executive_in_steering_group),
        ("political-representation", &c.political_representation),
        ("political-ownership", &c.political_ownership),
        ("agreement", &c.agreement_signed),
        ("leader-strategic", &c.leader_in_strategic_unit),
        ("user-participation", &c.user_participation),
        ("plan-approved", &c.action_plan_approved),
    ]
    .iter()
    .map(|(k, n)| json!({"key": k, "n": n.n(), "of": n.of}))
    .collect();
    let cohorts: Vec<Value> = doc
        .cohorts
        .iter()
        .map(|c| {
            json!({
                "number": c.number,
                "name": c.name,
                "invited": c.invited,
                "applied": c.applied,
                "deadline": date(&r, c.application_deadline),
                "decision": date(&r, c.decision),
                "applications": c.applications.iter().map(|a| json!({
                    "applicant": a.applicant,
                    "participant": a.participant.as_ref().map(|p| p.to_string()),
                    "received": date(&r, a.received),
                    "outcome": a.outcome.map(|o| serde_json::to_value(o).unwrap_or(Value::Null)),
                })).collect::<Vec<_>>(),
                "admitted": c.applications.iter().filter(|a| a.outcome == Some(samspill_programme::model::Outcome::Admitted)).count(),
            })
        })
        .collect();
    let rounds: Vec<Value> = doc
        .evaluation_rounds
        .iter()
        .map(|e| json!({"id": e.id.to_string(), "name": e.name}))
        .collect();
    let pr = &doc.programme;
    let ctx = obj(json!({
        "id": id,
        "programme": {
            "name": pr.name,
            "funder": pr.funder.name,
            "start": r.date(pr.period.start),
            "end": date(&r, pr.period.end),
            "vision": pr.vision,
            "target_group": pr.target_group,
            "goals": pr.goals,
        },
        "as_of": r.date(at),
        "rows": rows,
        "programme_findings": programme_findings,
        "counts": counts,
        "cohorts": cohorts,
        "rounds": rounds,
        "cohort_term": samspill_programme::text::capitalise(&r.term(samspill_programme::model::Term::Cohort, samspill_programme::model::Form::Plural)),
        "participant_term": samspill_programme::text::capitalise(&r.term(samspill_programme::model::Term::Participant, samspill_programme::model::Form::Singular)),
        "may_import": h.allows(&Action::Import),
        "may_export": h.allows(&Action::Export),
        "may_vocabulary": h.allows(&Action::ProgrammeRecord),
        "heading": r.message(&Message::new("programme-portfolio-sheet")),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_overview.html",
        ctx,
        StatusCode::OK,
    )
}

/// `/programmes/{id}/glossary`: the confusable words and the programme's
/// own entries, in the programme's vocabulary.
pub async fn glossary(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let items: Vec<Value> = glossary_of(&doc.programme, v.lang.code())
        .iter()
        .map(|g| json!({"word": samspill_programme::text::capitalise(&r.value(&g.headword)), "definition": r.value(&g.definition)}))
        .collect();
    let ctx = obj(json!({
        "id": id,
        "name": doc.programme.name,
        "items": items,
        "may_vocabulary": h.allows(&Action::ProgrammeRecord),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_glossary.html",
        ctx,
        StatusCode::OK,
    )
}
