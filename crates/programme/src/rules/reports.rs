//! Which reports a participant owes, and their state.
//!
//! * A **half-year report** for a year is expected when the participant's
//!   path started before 1 April of that year (before the middle of the
//!   half-year) and had not ended by 1 January; it is due on the
//!   programme's half-year date of that year.
//! * An **annual report** is expected when the path started before 1 July
//!   of the year and had not ended by 1 January; due on the programme's
//!   annual date of the next year.
//! * The **final report** is due the programme's number of months after
//!   the end of the path (its last phase's actual end, else its scheduled
//!   end).
//! * States at a date: *read* (the funder read it), *submitted* (on or
//!   before the due date) or *submitted late*, *late* (past due, not
//!   submitted), *due soon* (due within the programme's warning days),
//!   *upcoming* (later). Only reports due by the date plus the warning days
//!   are listed.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::ids::{ParticipantId, ReportId};
use crate::model::{Participant, ReportKind};

use super::phases::path_end;

/// The state of an expected report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// Due within the warning days.
    DueSoon,
    /// Past due and not submitted.
    Late,
    /// Submitted by the due date.
    Submitted,
    /// Submitted after the due date.
    SubmittedLate,
    /// Read by the funder.
    Read,
}

/// An expected report and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportStatus {
    /// Whose.
    pub participant: ParticipantId,
    /// Which report.
    pub kind: ReportKind,
    /// Its year.
    pub year: i32,
    /// When it is due.
    pub due: Date,
    /// The report record, if there is one.
    pub report: Option<ReportId>,
    /// Its state.
    pub state: ReportState,
    /// Days past due (negative: days left).
    pub days_past_due: i64,
    /// «Behandlet i styringsgruppen».
    pub steering_group_treated: Option<Date>,
}

/// The reports a participant owes by `at` plus the warning days, oldest first.
pub fn expected_reports(
    doc: &ProgrammeDocument,
    participant: &Participant,
) -> Vec<(ReportKind, i32, Date)> {
    let schedule = &doc.programme.reporting;
    let Some(start) = participant
        .path
        .as_ref()
        .map(|p| p.start)
        .or(participant.admitted)
        .map(Date::start)
    else {
        return Vec::new();
    };
    let end = path_end(doc, participant);
    // At most twenty years of reports, and none past the last year a date
    // can name (the annual report of a year is due the year after).
    let last_year = end
        .map(|e| e.year())
        .unwrap_or(start.year() + 10)
        .min(start.year() + 20)
        .min(*crate::date::YEARS.end() - 1);
    let mut out = Vec::new();
    for year in start.year()..=last_year {
        let ended_before = |d: Date| end.is_some_and(|e| e < d);
        let Some(jan1) = Date::ymd(year, 1, 1) else {
            break;
        };
        if ended_before(jan1) {
            break;
        }
        if let Some(due) = schedule.half_year_due.and_then(|md| md.in_year(year))
            && start < Date::ymd(year, 4, 1).expect("valid")
        {
            out.push((ReportKind::HalfYear, year, due));
        }
        if let Some(due) = schedule.annual_due.and_then(|md| md.in_year(year + 1))
            && start < Date::ymd(year, 7, 1).expect("valid")
        {
            out.push((ReportKind::Annual, year, due));
        }
    }
    if let (Some(e), Some(months)) = (end, schedule.final_due_months) {
        out.push((ReportKind::Final, e.year(), e.add_months(months as i32)));
    }
    out.sort_by_key(|x| (x.2, x.0));
    out
}

/// The state of every report due by `at` plus the warning days, with findings.
pub fn report_statuses(
    doc: &ProgrammeDocument,
    participant: &Participant,
    at: Date,
) -> (Vec<ReportStatus>, Vec<Finding>) {
    let at = at.start();
    let schedule = &doc.programme.reporting;
    let horizon = at.add_days(i64::from(schedule.due_soon_days));
    let pid = Some(&participant.id);
    let mut statuses = Vec::new();
    let mut findings = Vec::new();
    for (kind, year, due) in expected_reports(doc, participant) {
        if due > horizon {
            continue;
        }
        let record = doc
            .reports_of(&participant.id)
            .find(|r| r.kind == kind && (kind == ReportKind::Final || r.year == year));
        let submitted = record.and_then(|r| r.submitted).filter(|d| d.start() <= at);
        let read = record.and_then(|r| r.read).filter(|d| d.start() <= at);
        let state = match (submitted, read) {
            (Some(_), Some(_)) => ReportState::Read,
            (Some(s), None) if s.start() > due => ReportState::SubmittedLate,
            (Some(_), None) => ReportState::Submitted,
            (None, _) if at > due => ReportState::Late,
            (None, _) => ReportState::DueSoon,
        };
        let treated = record.and_then(|r| r.steering_group_treated);
        match state {
            ReportState::Late => findings.push(Finding::new(
                pid,
                FindingKind::ReportLate {
                    report: kind,
                    year,
                    due,
                    days: at.days_since(due),
                },
            )),
            ReportState::DueSoon => findings.push(Finding::new(
                pid,
                FindingKind::ReportDueSoon {
                    report: kind,
                    year,
                    due,
                    days: due.days_since(at),
                },
            )),
            _ => {}
        }
        if let Some(s) = submitted {
            if treated.is_none_or(|t| t.start() > at) {
                findings.push(Finding::new(
                    pid,
                    FindingKind::ReportNotTreatedBySteeringGroup { report: kind, year },
                ));
            }
            let waited = at.days_since(s.start());
            if read.is_none() && waited > i64::from(schedule.read_within_days) {
                findings.push(Finding::new(
                    pid,
                    FindingKind::ReportUnread {
                        report: kind,
                        year,
                        submitted: s,
                        days: waited,
                    },
                ));
            }
        }
        statuses.push(ReportStatus {
            participant: participant.id.clone(),
            kind,
            year,
            due,
            report: record.map(|r| r.id.clone()),
            state,
            days_past_due: at.days_since(due),
            steering_group_treated: treated,
        });
    }
    (statuses, findings)
}
