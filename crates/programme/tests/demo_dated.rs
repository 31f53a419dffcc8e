//! The demo programme moved to the day a demo is run
//! (`demo::programme_on`): on any day it stands as `demo::programme()`
//! stands on `demo::AS_OF` (every participant's calendar and real phase,
//! overrun or not), and it looks like a live programme: the reports due
//! before the day are in and dealt with by the steering groups, except
//! one deliberately late report (Strandøy's latest) and one not dealt with
//! (Lyngnes' latest).

use samspill_programme::date::Date;
use samspill_programme::demo;
use samspill_programme::ids::ParticipantId;
use samspill_programme::model::ReportKind;
use samspill_programme::rules::phases::path_status;
use samspill_programme::rules::portfolio::portfolio;
use samspill_programme::rules::reports::{ReportState, report_statuses};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Days to try: the run day of this branch, the same month as AS_OF, a
/// day before AS_OF and some years on.
const DAYS: [&str; 6] = [
    "2026-12-03",
    "2026-03-20",
    "2025-11-05",
    "2027-07-14",
    "2029-02-28",
    "2031-10-01",
];

#[test]
fn the_moved_demo_is_valid_and_each_participant_stands_as_on_as_of() {
    let base = demo::programme();
    let as_of = d(demo::AS_OF);
    for day in DAYS {
        let run = d(day);
        let doc = demo::programme_on(run);
        doc.validate().unwrap_or_else(|e| panic!("{day}: {e:?}"));
        assert_eq!(doc.participants.len(), 5, "{day}");
        // The same positions, on the day of the month AS_OF was.
        let at = Date::ymd(run.year(), run.month(), as_of.day()).unwrap();
        for p in &base.participants {
            let moved = doc.participant(&p.id).unwrap();
            let then = path_status(&base, p, as_of).unwrap();
            let now = path_status(&doc, moved, at).unwrap();
            assert_eq!(then.calendar, now.calendar, "{day}: {}", p.id);
            assert_eq!(then.real, now.real, "{day}: {}", p.id);
            assert_eq!(
                then.behind_schedule(),
                now.behind_schedule(),
                "{day}: {}",
                p.id
            );
            assert_eq!(
                then.overrun().is_some(),
                now.overrun().is_some(),
                "{day}: {}",
                p.id
            );
        }
    }
}

#[test]
fn on_the_run_day_past_reports_are_in_but_one() {
    for day in DAYS {
        let run = d(day);
        let doc = demo::programme_on(run);
        let p = portfolio(&doc, run, &[]);
        let late: u32 = p.rows.iter().map(|r| r.reports_late).sum();
        let owed: usize = p
            .rows
            .iter()
            .map(|r| r.reports.iter().filter(|s| s.due < run).count())
            .sum();
        if owed == 0 {
            continue;
        }
        // Exactly one late report, Strandøy's latest.
        assert_eq!(
            late,
            1,
            "{day}: {:?}",
            p.rows
                .iter()
                .map(|r| (&r.name, r.reports_late))
                .collect::<Vec<_>>()
        );
        let strandoy = doc.participant(&ParticipantId::new("strandoy")).unwrap();
        let (statuses, _) = report_statuses(&doc, strandoy, run);
        let due: Vec<_> = statuses.iter().filter(|s| s.due < run).collect();
        assert_eq!(due.last().unwrap().state, ReportState::Late, "{day}");
        assert!(
            due[..due.len() - 1]
                .iter()
                .all(|s| s.state != ReportState::Late),
            "{day}"
        );
        // Every other participant's past reports are in, dealt with by the
        // steering group, but one of Lyngnes'.
        let mut untreated = Vec::new();
        for part in &doc.participants {
            if part.id.as_str() == "strandoy" {
                continue;
            }
            let (statuses, _) = report_statuses(&doc, part, run);
            for s in statuses.iter().filter(|s| s.due < run) {
                assert!(
                    matches!(s.state, ReportState::Submitted | ReportState::Read),
                    "{day}: {} {:?} {}: {:?}",
                    part.id,
                    s.kind,
                    s.year,
                    s.state
                );
                if s.steering_group_treated.is_none() {
                    untreated.push(part.id.to_string());
                }
            }
        }
        assert_eq!(untreated, ["lyngnes"], "{day}");
        // Each report carries the status of every measure of the plan in
        // force, where there is one.
        for r in &doc.reports {
            assert!(r.submitted.is_some_and(|s| s < run), "{day}: {}", r.id);
            assert!(
                matches!(
                    r.kind,
                    ReportKind::HalfYear | ReportKind::Annual | ReportKind::Final
                ),
                "{day}"
            );
        }
    }
}

#[test]
fn in_the_month_of_as_of_it_is_the_demo_itself() {
    assert_eq!(demo::programme_on(d("2026-03-17")), demo::programme());
    assert_ne!(demo::programme_on(d("2026-12-03")), demo::programme());
}
