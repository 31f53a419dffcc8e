//! Half-year, annual and final reports on the participant's page: each
//! report the participant owes (samspill-programme's `rules::reports`) with
//! its draft filled in from the data (`rules::prefill`: phase and gates,
//! status per measure with indicators, organisation changes, anchoring
//! ratings and open findings of the period), and the actions of each side:
//! the coordinator submits it (status and comment per measure, the
//! narrative, who filled it in, the day it was submitted and the day the
//! steering group dealt with it, «behandlet i styringsgruppen»), also for
//! a report not yet begun; the funder's adviser marks it read. The store's
//! access rules decide who may write what (the coordinator never the
//! «read» date, the funder only that).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Arg;
use samspill_programme::date::Date;
use samspill_programme::ids::{MeasureId, ParticipantId, ReportId};
use samspill_programme::model::{MeasureReport, MeasureStatus, Participant, Report, ReportKind};
use samspill_programme::rules::prefill::{OrganisationChange, prefill};
use samspill_programme::rules::reports::report_statuses;
use samspill_programme::text::Renderer;
use samspill_programme::{Message, ProgrammeDocument};
use samspill_store::programme::Action;
use samspill_store::{ProgrammeHandle, Record, RecordKind, Standing, StoreError, Stored};
use serde_json::{Value, json};

use super::input::Fields;
use super::participant::code;
use super::{finding, open, position, problems, refusal, today};
use crate::AppState;
use crate::extract::{Form, Id, Viewer};

/// Every measure status, in the order the form offers them.
const STATUSES: [MeasureStatus; 5] = [
    MeasureStatus::NotStarted,
    MeasureStatus::Ongoing,
    MeasureStatus::Completed,
    MeasureStatus::Postponed,
    MeasureStatus::Cancelled,
];

/// The id a new report record gets: `{participant}-{h|a|f}{year}`.
pub(crate) fn report_id(pid: &ParticipantId, kind: ReportKind, year: i32) -> ReportId {
    let k = match kind {
        ReportKind::HalfYear => "h",
        ReportKind::Annual => "a",
        ReportKind::Final => "f",
    };
    ReportId::new(format!("{pid}-{k}{year}"))
}

fn kind_of(s: &str) -> Option<ReportKind> {
    [ReportKind::HalfYear, ReportKind::Annual, ReportKind::Final]
        .into_iter()
        .find(|k| code(k) == s)
}

/// The reports on the participant page: state, dates, the draft and what
/// the forms need.
pub(crate) fn context(
    h: &ProgrammeHandle,
    stored: &Stored,
    doc: &ProgrammeDocument,
    p: &Participant,
    r: &Renderer<'_>,
) -> Vec<Value> {
    let at = today();
    let t = |k: String| r.message(&Message::new(k));
    let (statuses, _) = report_statuses(doc, p, at);
    let coordinator = matches!(h.standing(), Standing::Coordinator { .. });
    statuses
        .iter()
        .map(|s| {
            let rec: Option<&Report> = s
                .report
                .as_ref()
                .and_then(|id| doc.reports.iter().find(|x| &x.id == id));
            let draft = prefill(doc, p, s.kind, s.year, &[]);
            let measures: Vec<Value> = draft
                .as_ref()
                .map(|d| {
                    d.measures
                        .iter()
                        .map(|m| {
                            let reported = rec.and_then(|x| x.measures.iter().find(|y| y.measure == m.measure));
                            let status = reported.map(|y| y.status).unwrap_or(m.status);
                            json!({
                                "id": m.measure.to_string(),
                                "title": m.title,
                                "goals": m.goals,
                                "responsible": m.responsible,
                                "status": code(&status),
                                "status_text": t(format!("programme-measure-status-{}", code(&status))),
                                "plan_status": t(format!("programme-measure-status-{}", code(&m.status))),
                                "previous": m.previous.map(|(k, y, st)| json!({
                                    "kind": code(&k), "year": y,
                                    "status": t(format!("programme-measure-status-{}", code(&st))),
                                })),
                                "comment": reported.and_then(|y| y.comment.clone()).unwrap_or_default(),
                                "indicators": m.indicators.iter().map(|i| json!({
                                    "name": i.name,
                                    "unit": i.unit,
                                    "baseline": i.baseline.map(|x| r.decimal(x)),
                                    "target": i.target.map(|x| r.decimal(x)),
                                    "latest": i.latest.map(|(d, x)| json!({"date": r.date(d), "value": r.decimal(x)})),
                                })).collect::<Vec<_>>(),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            let draft_value = draft.as_ref().map(|d| {
                let path = samspill_programme::rules::phases::path_status(doc, p, d.to);
                json!({
                    "from": r.date(d.from),
                    "to": r.date(d.to),
                    "calendar": path.as_ref().zip(d.calendar.as_ref()).map(|(ps, pos)| position(r, ps, pos)),
                    "real": path.as_ref().zip(d.real.as_ref()).map(|(ps, pos)| position(r, ps, pos)),
                    "gates": d.gates_passed.iter().map(|(ph, g, date)| json!({
                        "phase": r.value(&ph.label), "gate": r.value(&g.label), "date": r.date(*date),
                    })).collect::<Vec<_>>(),
                    "changes": d.organisation_changes.iter().map(|c| change(r, c)).collect::<Vec<_>>(),
                    "anchoring": d.anchoring.iter().map(|a| json!({
                        "dimension": t(format!("programme-dimension-{}", code(&a.dimension))),
                        "rating": t(format!("programme-rating-{}", code(&a.rating))),
                        "date": r.date(a.date),
                        "previous": a.previous.map(|(x, _)| t(format!("programme-rating-{}", code(&x)))),
                    })).collect::<Vec<_>>(),
                    "findings": d.open_findings.iter().map(|f| finding(r, f, doc)).collect::<Vec<_>>(),
                })
            });
            let id = rec
                .map(|x| x.id.clone())
                .unwrap_or_else(|| report_id(&p.id, s.kind, s.year));
            json!({
                "kind": code(&s.kind),
                "year": s.year,
                "due": r.date(s.due),
                "state": code(&s.state),
                "days_past_due": s.days_past_due,
                "treated": date(r, s.steering_group_treated),
                "exists": rec.is_some(),
                "id": id.to_string(),
                "rev": stored.revision_of(RecordKind::Report, id.as_str()),
                "submitted": rec.and_then(|x| date(r, x.submitted)),
                "read": rec.and_then(|x| date(r, x.read)),
                "submitted_raw": rec.and_then(|x| x.submitted.map(|d| d.to_string())).or_else(|| coordinator.then(|| at.to_string())),
                "treated_raw": rec.and_then(|x| x.steering_group_treated.map(|d| d.to_string())),
                "read_raw": rec.and_then(|x| x.read.map(|d| d.to_string())).or_else(|| Some(at.to_string())),
                "filled_in_by": rec.and_then(|x| x.filled_in_by.clone()).unwrap_or_default(),
                "narrative": rec.and_then(|x| x.narrative.clone()).unwrap_or_default(),
                "measures": measures,
                "draft": draft_value,
                "may_read": rec.is_some() && may_read(h, rec),
            })
        })
        .collect()
}

fn date(r: &Renderer<'_>, d: Option<Date>) -> Option<String> {
    d.map(|d| r.date(d))
}

/// Whether the user may set the «read» date of `rec`.
fn may_read(h: &ProgrammeHandle, rec: Option<&Report>) -> bool {
    let Some(rec) = rec else { return false };
    let mut after = rec.clone();
    after.read = Some(today());
    if after == *rec {
        after.read = None;
    }
    let before = Record::Report(rec.clone());
    h.allows(&Action::Write {
        before: Some(&before),
        after: &Record::Report(after),
        created_by: None,
    })
}

/// An organisation change in words.
fn change(r: &Renderer<'_>, c: &OrganisationChange) -> Value {
    let t = |k: &str| r.message(&Message::new(k.to_string()));
    let (text, d) = match c {
        OrganisationChange::BodyEstablished { body, date } => {
            (format!("{}: {body}", t("pp-change-body-established")), date)
        }
        OrganisationChange::BodyDissolved { body, date } => {
            (format!("{}: {body}", t("pp-change-body-dissolved")), date)
        }
        OrganisationChange::MemberJoined { body, member, date } => (
            format!("{}: {member} ({body})", t("pp-change-member-joined")),
            date,
        ),
        OrganisationChange::MemberLeft { body, member, date } => (
            format!("{}: {member} ({body})", t("pp-change-member-left")),
            date,
        ),
        OrganisationChange::PlacementChanged { unit, kind, date } => (
            format!(
                "{}: {unit} – {}",
                t("pp-change-placement"),
                t(&format!("programme-placement-kind-{}", code(kind)))
            ),
            date,
        ),
        OrganisationChange::OrientationChanged { towards, date } => (
            format!(
                "{}: {}",
                t("pp-change-orientation"),
                t(&format!("programme-orientation-{}", code(towards)))
            ),
            date,
        ),
        OrganisationChange::OwnerChanged { kind, holder, date } => (
            format!(
                "{}: {}{}",
                t("pp-change-owner"),
                t(&format!("programme-owner-kind-{}", code(kind))),
                holder
                    .as_ref()
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default()
            ),
            date,
        ),
    };
    json!({"text": text, "date": r.date(*d)})
}

/// Posts to a report. The coordinator: `report` (the id; a report not yet
/// begun gets `kind` and `year`), `submitted`, `treated`, `filled_in_by`,
/// `narrative`, `m-{measure}-status` and `m-{measure}-comment`. The
/// funder's adviser: `report` and `read`.
pub async fn report_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let owner = ParticipantId::new(pid.clone());
    if !h.allows(&Action::Participant(&owner)) {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    }
    let t = state.texts(v.lang);
    let mut f = Fields::new(&form, t);
    let coordinator = matches!(h.standing(), Standing::Coordinator { .. });
    // Only the participant's coordinator and the funder's adviser write
    // reports (the store checks which part of one).
    if !coordinator && !super::is_funder(&h) {
        return refusal(&state, v.lang, samspill_store::ProgrammeError::Forbidden);
    }
    let report = form.text("report");
    if report.is_empty() || report.chars().count() > 200 {
        let lb = t.get("pw-report");
        return problems(
            &state,
            v.lang,
            &[t.format("pp-error-required", &[("field", Arg::Str(&lb))])],
        );
    }
    let l = |f: &Fields<'_>, k: &str| f.label(k);
    // What a new report is (kind and year), checked against what is owed.
    let new_kind = kind_of(&form.text("kind"));
    let new_year: Option<i32> = form.text("year").parse().ok();
    if coordinator {
        let submitted = {
            let lb = l(&f, "pw-submitted");
            f.date("submitted", &lb)
        };
        let treated = {
            let lb = l(&f, "pw-treated");
            f.date("treated", &lb)
        };
        if let Some(s) = submitted
            && s.start() > today()
        {
            let lb = l(&f, "pw-submitted");
            f.problems
                .push(t.format("pp-error-future", &[("field", Arg::Str(&lb))]));
        }
        let filled_in_by = {
            let lb = l(&f, "pp-report-filled-in-by");
            f.line("filled_in_by", &lb)
        };
        let narrative = {
            let lb = l(&f, "pp-report-narrative");
            f.text("narrative", &lb)
        };
        let choices: Vec<(String, MeasureStatus)> =
            STATUSES.iter().map(|s| (code(s), *s)).collect();
        let choice_refs: Vec<(&str, MeasureStatus)> =
            choices.iter().map(|(c, s)| (c.as_str(), *s)).collect();
        let mut measures: Vec<(MeasureId, MeasureStatus, Option<String>)> = Vec::new();
        let mut keys: Vec<String> = form
            .with_prefix("m-")
            .filter_map(|(k, _)| k.strip_suffix("-status").map(str::to_string))
            .collect();
        keys.dedup();
        for k in keys.iter().take(super::input::MAX_ROWS * 4) {
            let sl = t.format("pp-report-measure-status", &[("measure", Arg::Str(k))]);
            let cl = t.format("pp-report-measure-comment", &[("measure", Arg::Str(k))]);
            let status = f.choice(&format!("m-{k}-status"), &sl, &choice_refs);
            let comment = f.text(&format!("m-{k}-comment"), &cl);
            if let Some(s) = status {
                measures.push((MeasureId::new(k.clone()), s, comment));
            }
        }
        if !f.problems.is_empty() {
            return problems(&state, v.lang, &f.problems);
        }
        let key = report.clone();
        let result = h
            .modify(RecordKind::Report, &key, revision(&form), |before| {
                let mut r = match before {
                    Some(Record::Report(r)) => {
                        if r.participant != owner {
                            return Err(StoreError::NotFound.into());
                        }
                        r.clone()
                    }
                    Some(_) => return Err(StoreError::NotFound.into()),
                    None => {
                        // A report not yet begun: only one the participant owes.
                        let (Some(kind), Some(year)) = (new_kind, new_year) else {
                            return Err(StoreError::NotFound.into());
                        };
                        if report_id(&owner, kind, year).as_str() != key {
                            return Err(StoreError::NotFound.into());
                        }
                        Report {
                            id: ReportId::new(key.clone()),
                            participant: owner.clone(),
                            kind,
                            year,
                            steering_group_treated: None,
                            submitted: None,
                            read: None,
                            filled_in_by: None,
                            measures: Vec::new(),
                            narrative: None,
                        }
                    }
                };
                r.submitted = submitted;
                r.steering_group_treated = treated;
                r.filled_in_by = filled_in_by;
                r.narrative = narrative;
                for (m, s, c) in measures {
                    match r.measures.iter_mut().find(|x| x.measure == m) {
                        Some(x) => {
                            x.status = s;
                            x.comment = c;
                        }
                        None => r.measures.push(MeasureReport {
                            measure: m,
                            status: s,
                            comment: c,
                        }),
                    }
                }
                Ok(Record::Report(r))
            })
            .await;
        return match result {
            Ok(_) => Redirect::to(&format!("/programmes/{id}/participants/{pid}#reports"))
                .into_response(),
            Err(e) => refusal(&state, v.lang, e),
        };
    }
    let read = {
        let lb = l(&f, "pw-read");
        f.date("read", &lb)
    };
    if !f.problems.is_empty() {
        return problems(&state, v.lang, &f.problems);
    }
    let result = h
        .modify(RecordKind::Report, &report, revision(&form), |before| {
            let Some(Record::Report(r)) = before else {
                return Err(StoreError::NotFound.into());
            };
            if r.participant != owner {
                return Err(StoreError::NotFound.into());
            }
            let mut r = r.clone();
            r.read = read;
            Ok(Record::Report(r))
        })
        .await;
    match result {
        Ok(_) => {
            Redirect::to(&format!("/programmes/{id}/participants/{pid}#reports")).into_response()
        }
        Err(e) => refusal(&state, v.lang, e),
    }
}

fn revision(form: &crate::forms::FormData) -> Option<i64> {
    form.get("rev").and_then(|r| r.trim().parse().ok())
}
