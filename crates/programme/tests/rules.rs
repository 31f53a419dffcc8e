//! Each rule on both sides of its thresholds, on small documents built for
//! the purpose, and property tests where a rule has an invariant.

use proptest::prelude::*;
use samspill_programme::ProgrammeDocument;
use samspill_programme::date::Date;
use samspill_programme::finding::FindingKind;
use samspill_programme::ids::{ParticipantId, RoundId, SurveyRoundRef};
use samspill_programme::matrix;
use samspill_programme::model::*;
use samspill_programme::rules::coherence::{SurveyFigure, coherence};
use samspill_programme::rules::phases::{GateState, Position, path_status};
use samspill_programme::rules::reports::{ReportState, report_statuses};
use samspill_programme::rules::{admission, anchoring, learning, planning, representation};
use serde_json::{Value, json};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn model(version: u32, plan_months: u32) -> Value {
    json!({"id": "m", "version": version, "name": "Modell", "phases": [
        {"key": "preparatory", "max_months": 3, "gates": [{"key": "admitted", "evidence": "admitted"}]},
        {"key": "plan", "max_months": plan_months, "gates": [
            {"key": "agreement_signed", "evidence": "agreement_signed"},
            {"key": "action_plan_approved", "evidence": "action_plan_approved"}]},
        {"key": "implementation", "max_months": 36, "gates": [{"key": "continuation_plan", "evidence": "continuation_plan"}]},
        {"key": "phase_out", "min_months": 12, "max_months": 24, "gates": [{"key": "ordinary_operation"}]}
    ]})
}

/// One municipality admitted 1 January 2020 into the plan phase of a
/// model whose plan phase lasts six months.
fn base() -> Value {
    json!({
        "format": "samspill-programme", "version": 1,
        "programme": {
            "id": "p", "name": "Program", "lang": "nb",
            "funder": {"name": "Husbanken", "kind": "husbanken"},
            "period": {"start": "2019"},
            "phase_models": [model(1, 6), model(2, 9)],
            "functions": [{"code": "allocation", "label": "Tildeling av bolig"},
                          {"code": "services", "label": "Tjenester i bolig"},
                          {"code": "development", "label": "Utbygging"}]
        },
        "participants": [{
            "id": "k", "name": "Kommune", "kind": "municipality", "admitted": "2020-01-01",
            "path": {"model": {"id": "m", "version": 1}, "start": "2020-01-01", "start_phase": "plan",
                     "phases": [{"phase": "plan", "actual_start": "2020-01-01"}]}
        }]
    })
}

fn doc(v: Value) -> ProgrammeDocument {
    ProgrammeDocument::from_value(v).unwrap_or_else(|e| panic!("{:#?}", e.0))
}

fn k() -> ParticipantId {
    ParticipantId::new("k")
}

fn kinds(doc: &ProgrammeDocument, at: &str) -> Vec<FindingKind> {
    path_status(doc, &doc.participants[0], d(at))
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

fn has(doc: &ProgrammeDocument, at: &str, code: &str) -> bool {
    kinds(doc, at).iter().any(|f| f.code() == code)
}

#[test]
fn a_phase_overruns_the_day_after_its_last_allowed_day() {
    let x = doc(base());
    assert!(!has(&x, "2020-06-30", "phase_overrun"));
    assert!(!has(&x, "2020-06-30", "behind_schedule"));
    let f = kinds(&x, "2020-07-01");
    assert!(matches!(
        f.iter().find(|f| f.code() == "phase_overrun"),
        Some(FindingKind::PhaseOverrun {
            months: 0,
            days: 1,
            ..
        })
    ));
    assert!(f.iter().any(|f| f.code() == "behind_schedule"));
    assert!(matches!(
        kinds(&x, "2020-08-01")
            .iter()
            .find(|f| f.code() == "phase_overrun"),
        Some(FindingKind::PhaseOverrun {
            months: 1,
            days: 32,
            ..
        })
    ));
    // Version 2 of the model allows nine months: the same dates, no overrun.
    let mut v = base();
    v["participants"][0]["path"]["model"]["version"] = json!(2);
    let x = doc(v);
    assert!(!has(&x, "2020-08-01", "phase_overrun"));
    assert!(has(&x, "2020-10-01", "phase_overrun"));
}

#[test]
fn an_extension_moves_the_limit_and_keeps_its_reason() {
    let mut v = base();
    v["participants"][0]["path"]["phases"][0]["extensions"] =
        json!([{"until": "2020-09-30", "reason": "Nytt kommunestyre"}]);
    let x = doc(v);
    let f = kinds(&x, "2020-08-15");
    assert!(!f.iter().any(|f| f.code() == "phase_overrun"));
    assert!(matches!(f.iter().find(|f| f.code() == "phase_extended"),
        Some(FindingKind::PhaseExtended { reason, .. }) if reason == "Nytt kommunestyre"));
    assert!(!has(&x, "2020-09-30", "phase_overrun"));
    assert!(
        matches!(kinds(&x, "2020-10-01").iter().find(|f| f.code() == "phase_overrun"),
        Some(FindingKind::PhaseOverrun { days: 1, extension_reason: Some(r), .. }) if r == "Nytt kommunestyre")
    );
}

#[test]
fn a_finished_phase_is_late_only_past_its_time() {
    let late = |end: &str| {
        let mut v = base();
        v["participants"][0]["path"]["phases"][0]["actual_end"] = json!(end);
        v["participants"][0]["path"]["phases"][0]["gates"] = json!([
            {"gate": "agreement_signed", "done": "2020-02-01"},
            {"gate": "action_plan_approved", "done": end}]);
        let x = doc(v);
        kinds(&x, "2020-12-01")
            .into_iter()
            .find(|f| f.code() == "phase_completed_late")
    };
    assert_eq!(
        late("2020-07-01"),
        None,
        "six months, ending as the next phase starts"
    );
    assert!(matches!(
        late("2020-07-02"),
        Some(FindingKind::PhaseCompletedLate { days: 1, .. })
    ));
}

#[test]
fn a_phase_shorter_than_its_minimum_is_noted() {
    let short = |end: &str| {
        let mut v = base();
        v["participants"][0]["path"]["phases"] = json!([
            {"phase": "plan", "actual_start": "2020-01-01", "actual_end": "2020-06-01"},
            {"phase": "implementation", "actual_start": "2020-06-01", "actual_end": "2021-06-01"},
            {"phase": "phase_out", "actual_start": "2021-06-01", "actual_end": end}]);
        let x = doc(v);
        kinds(&x, "2023-01-01")
            .iter()
            .any(|f| f.code() == "phase_shorter_than_minimum")
    };
    assert!(short("2022-05-31"), "eleven months");
    assert!(!short("2022-06-01"), "twelve months");
}

#[test]
fn gates_pass_by_date_or_by_evidence_and_are_overdue_after_their_plan() {
    let mut v = base();
    v["participants"][0]["path"]["phases"][0]["gates"] =
        json!([{"gate": "action_plan_approved", "planned": "2020-03-31"}]);
    let x = doc(v.clone());
    let gate = |x: &ProgrammeDocument, at: &str, key: &str| {
        path_status(x, &x.participants[0], d(at)).unwrap().phases[1]
            .gates
            .iter()
            .find(|g| g.gate.key.as_str() == key)
            .unwrap()
            .clone()
    };
    assert_eq!(
        gate(&x, "2020-03-31", "action_plan_approved").state,
        GateState::Open
    );
    assert_eq!(
        gate(&x, "2020-04-01", "action_plan_approved").state,
        GateState::Overdue
    );
    assert!(has(&x, "2020-04-01", "gate_overdue"));
    assert_eq!(
        gate(&x, "2020-04-01", "agreement_signed").state,
        GateState::Open
    );
    // A signed agreement passes its gate on its date, shown as evidence.
    v["participants"][0]["agreements"] =
        json!([{"version": 1, "signed": true, "signed_on": "2020-02-15"}]);
    let x = doc(v.clone());
    let g = gate(&x, "2020-04-01", "agreement_signed");
    assert_eq!(g.state, GateState::Passed);
    assert_eq!(g.passed, Some(d("2020-02-15")));
    assert_eq!(g.evidence, Some(GateEvidence::AgreementSigned));
    assert_eq!(
        gate(&x, "2020-02-14", "agreement_signed").state,
        GateState::Open
    );
    // An approved action plan passes the last gate: the phase is complete
    // and the participant is in implementation.
    v["action_plans"] = json!([{"participant": "k", "scope": "programme", "versions": [
        {"number": 1, "top": "main_goals", "approved": "2020-05-20"}]}]);
    let x = doc(v.clone());
    let s = path_status(&x, &x.participants[0], d("2020-06-01")).unwrap();
    assert_eq!(s.real, Position::In("implementation".into()));
    assert!(!s.behind_schedule());
    let s = path_status(&x, &x.participants[0], d("2020-05-19")).unwrap();
    assert_eq!(s.real, Position::In("plan".into()));
    // Ending a phase with a required gate open is a finding.
    v["action_plans"] = json!([]);
    v["participants"][0]["path"]["phases"][0]["actual_end"] = json!("2020-06-01");
    let x = doc(v);
    assert!(has(&x, "2020-07-01", "gate_open_at_phase_end"));
}

#[test]
fn the_calendar_phase_follows_the_schedule() {
    let x = doc(base());
    let cal = |at: &str| path_status(&x, &x.participants[0], d(at)).unwrap().calendar;
    assert_eq!(cal("2019-12-31"), Position::NotStarted);
    assert_eq!(cal("2020-01-01"), Position::In("plan".into()));
    assert_eq!(cal("2020-07-01"), Position::In("implementation".into()));
    assert_eq!(cal("2023-06-30"), Position::In("implementation".into()));
    assert_eq!(cal("2023-07-01"), Position::In("phase_out".into()));
    assert_eq!(cal("2025-07-01"), Position::Finished);
}

fn with_calendar(planned: &str) -> ProgrammeDocument {
    let mut v = base();
    v["participants"][0]["planning_calendar"] = json!([
        {"plan": "financial_plan", "name": "Økonomiplan 2021–2024", "input_deadline": "2020-05-01", "adoption": "2020-12-15"},
        {"plan": "financial_plan", "name": "Økonomiplan 2022–2025", "input_deadline": "2021-05-01", "adoption": "2021-12-15"},
        {"plan": "municipal_plan", "input_deadline": "2022-09-01", "adoption": "2023-06-15"}]);
    v["action_plans"] = json!([{"participant": "k", "scope": "programme", "versions": [
        {"number": 1, "top": "main_goals", "drafted": "2020-02-01", "planned_approval": planned}]}]);
    doc(v)
}

#[test]
fn an_action_plan_approved_after_the_revision_deadline_misses_it() {
    let at = d("2020-03-01");
    let x = with_calendar("2020-05-01");
    assert!(planning::revision_findings(&x, &x.participants[0], at).is_empty());
    let x = with_calendar("2020-05-02");
    let f = planning::revision_findings(&x, &x.participants[0], at);
    assert_eq!(f.len(), 1);
    assert!(matches!(&f[0].kind, FindingKind::ActionPlanMissesRevision {
        plan: PlanType::FinancialPlan, next: Some(n), revision: Some(r), .. } if *n == d("2021-05-01") && r == "Økonomiplan 2021–2024"));
    // Only the plans the action plan should feed: with a plan-anchoring fact
    // naming the municipal plan, the financial plan is not checked.
    let mut v = serde_json::to_value(with_calendar("2020-05-02")).unwrap();
    v["assessments"] = json!([{"id": "a", "participant": "k", "dimension": "plan", "date": "2020-02-01",
        "evidence": [{"fact": {"type": "plan_anchoring", "plan": "municipal_plan", "status": "planned"}}]}]);
    let x = doc(v);
    assert!(planning::revision_findings(&x, &x.participants[0], at).is_empty());
}

#[test]
fn approval_dates_are_asked_for_and_followed() {
    let x = doc(base());
    let f = planning::revision_findings(&x, &x.participants[0], d("2020-03-01"));
    assert_eq!(f[0].kind, FindingKind::ActionPlanApprovalNotPlanned);
    let x = with_calendar("2020-04-30");
    assert!(planning::revision_findings(&x, &x.participants[0], d("2020-04-30")).is_empty());
    let f = planning::revision_findings(&x, &x.participants[0], d("2020-05-01"));
    assert!(
        f.iter()
            .any(|f| matches!(f.kind, FindingKind::ActionPlanApprovalOverdue { .. }))
    );
    // Approved plans are revised yearly.
    let mut v = base();
    v["action_plans"] = json!([{"participant": "k", "scope": "programme", "versions": [
        {"number": 1, "top": "main_goals", "approved": "2020-06-01"}]}]);
    let x = doc(v);
    assert!(planning::revision_findings(&x, &x.participants[0], d("2021-06-01")).is_empty());
    let f = planning::revision_findings(&x, &x.participants[0], d("2021-06-02"));
    assert!(matches!(
        f[0].kind,
        FindingKind::ActionPlanRevisionOverdue { .. }
    ));
}

fn plan(goals: Value, measures: Value, indicators: Value) -> PlanVersion {
    serde_json::from_value(json!({"number": 1, "top": "main_goals",
        "goals": goals, "measures": measures, "indicators": indicators}))
    .unwrap()
}

fn codes(f: &[samspill_programme::Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.kind.code()).collect()
}

#[test]
fn coherence_checks_each_link_of_the_goal_tree() {
    let who = json!({"name": "Kari"});
    let goals = json!([{"id": "g1", "title": "Hovedmål"}, {"id": "g1.1", "parent": "g1", "title": "Delmål"},
                       {"id": "g2", "title": "Tomt mål"}]);
    // g1.1 served directly (so g1 too); g2 not; t2 serves nothing.
    let v = plan(
        goals.clone(),
        json!([{"id": "t1", "title": "T1", "goals": ["g1.1"], "responsible": who},
               {"id": "t2", "title": "T2", "responsible": {"name": " "}},
               {"id": "t3", "title": "T3", "goals": ["g2"], "status": "cancelled"}]),
        json!([{"id": "i1", "name": "I1", "measure": "t1", "baseline": {"date": "2020-01-01", "value": 3}},
               {"id": "i2", "name": "I2", "measure": "t1", "source": {"type": "survey", "figure": "weekly_largest_component_share"}}]),
    );
    let f = coherence(&k(), &v, &[]);
    assert_eq!(
        codes(&f),
        [
            "measure_serves_no_goal",
            "goal_without_measure",
            "indicator_without_data",
            "measure_without_responsible",
            "measure_without_indicator"
        ]
    );
    assert!(
        matches!(&f[1].kind, FindingKind::GoalWithoutMeasure { title, .. } if title == "Tomt mål")
    );
    assert!(matches!(&f[2].kind, FindingKind::IndicatorWithoutData { name, .. } if name == "I2"));
    // A survey figure of the participant gives the survey indicator data;
    // another participant's does not.
    let fig = |p: &str| SurveyFigure {
        participant: ParticipantId::new(p),
        figure: "weekly_largest_component_share".into(),
        round: SurveyRoundRef::new("r"),
        date: d("2020-12-01"),
        value: 0.8,
    };
    assert!(!codes(&coherence(&k(), &v, &[fig("k")])).contains(&"indicator_without_data"));
    assert!(codes(&coherence(&k(), &v, &[fig("other")])).contains(&"indicator_without_data"));
    // Everything linked: nothing to say.
    let v = plan(
        goals,
        json!([{"id": "t1", "title": "T1", "goals": ["g1.1", "g2"], "responsible": who}]),
        json!([{"id": "i1", "name": "I1", "measure": "t1", "observations": [{"date": "2020-06-01", "value": 1}]}]),
    );
    assert!(coherence(&k(), &v, &[]).is_empty());
}

fn with_organisation(org: Value) -> ProgrammeDocument {
    let mut v = base();
    let mut org = org;
    org["participant"] = json!("k");
    v["organisations"] = json!([org]);
    doc(v)
}

fn m(unit: &str, level: &str, functions: Value) -> Value {
    json!({"unit": unit, "level": level, "functions": functions, "from": "2020-01-01"})
}

#[test]
fn representation_shows_levels_and_missing_functions() {
    let x = with_organisation(json!({"bodies": [
        {"id": "sg", "kind": "steering_group", "name": "SG", "members": [m("Tildeling", "sector_leader", json!(["allocation"]))]},
        {"id": "pg", "kind": "project_group", "name": "PG", "members": [m("NAV", "nav", json!(["services"])),
            {"unit": "Gone", "level": "professional", "functions": ["development"], "from": "2020-01-01", "to": "2020-03-01"}]}]}));
    let (c, f) = representation::coverage(&x, &k(), d("2020-02-01")).unwrap();
    assert!(c.missing.is_empty());
    assert!(f.is_empty());
    assert_eq!(c.project.by_level[&Level::Nav], 1);
    let (c, f) = representation::coverage(&x, &k(), d("2020-03-01")).unwrap();
    assert_eq!(c.missing, ["Utbygging"]);
    assert!(
        matches!(&f[0].kind, FindingKind::FunctionsNotRepresented { functions } if functions == &["Utbygging"])
    );
    // Without functions recorded nothing can be said about them.
    let x = with_organisation(json!({"bodies": [
        {"id": "sg", "kind": "steering_group", "name": "SG", "members": [m("Tildeling", "sector_leader", json!([]))]}]}));
    let (_, f) = representation::coverage(&x, &k(), d("2020-02-01")).unwrap();
    assert_eq!(f[0].kind, FindingKind::FunctionsNotRecorded);
    // Workshops stand in for a missing project group.
    let x = with_organisation(json!({"bodies": [
        {"id": "w", "kind": "workshops", "name": "W", "fixed_membership": false, "members": [m("NAV", "nav", json!(["development"]))]}]}));
    let (c, _) = representation::coverage(&x, &k(), d("2020-02-01")).unwrap();
    assert_eq!(c.project.body, BodyKind::Workshops);
    assert_eq!(c.project.members, 1);
}

#[test]
fn being_an_informant_is_not_participation() {
    let users = |level: &str, status: &str| {
        let mut v = base();
        v["participants"][0]["pre_analysis"] =
            json!({"informants": [{"group": "brukerorganisasjoner", "level": "voluntary"}]});
        v["assessments"] = json!([{"id": "a", "participant": "k", "dimension": "user_participation", "date": "2020-02-01",
            "evidence": [{"fact": {"type": "user_participation", "level": level, "status": status}}]}]);
        let x = doc(v);
        let p = anchoring::profile(&x, &x.participants[0], d("2020-03-01"));
        let f = anchoring::findings(&x, &x.participants[0], d("2020-03-01"));
        (
            p.user_participation,
            f.iter().any(|f| f.kind == FindingKind::UsersOnlyInformants),
        )
    };
    assert_eq!(users("informant", "realised"), (UserLevel::Informant, true));
    assert_eq!(users("consultation", "planned"), (UserLevel::None, true));
    assert_eq!(
        users("consultation", "realised"),
        (UserLevel::Consultation, false)
    );
    assert_eq!(users("active", "realised"), (UserLevel::Active, false));
}

#[test]
fn anchoring_findings_on_both_sides() {
    let org = |office: Option<&str>, owner: &str, placement: &str, extra: Value| {
        let mut sg = vec![
            json!({"position": "rådmann", "level": "top_administration", "from": "2020-01-01"}),
        ];
        if let Some(o) = office {
            sg[0]["office"] = json!(o);
        }
        if !extra.is_null() {
            sg.push(extra);
        }
        with_organisation(json!({
            "owners": [{"kind": owner, "holder": "x", "from": "2020-01-01"}],
            "bodies": [{"id": "sg", "kind": "steering_group", "name": "SG", "members": sg}],
            "leader": {"appointed": "2020-01-01", "placements": [{"unit": "U", "kind": placement, "from": "2020-01-01"}]}}))
    };
    let at = d("2020-03-01");
    let f = |x: &ProgrammeDocument| codes(&anchoring::findings(x, &x.participants[0], at));
    let x = org(None, "political", "service", Value::Null);
    assert!(f(&x).contains(&"chief_executive_not_involved"));
    assert!(f(&x).contains(&"leader_in_service_unit"));
    assert!(f(&x).contains(&"no_political_representation"));
    assert!(f(&x).contains(&"no_external_actors"));
    let x = org(
        None,
        "administrative",
        "strategic",
        json!({"position": "ordfører", "level": "politician", "from": "2020-01-01"}),
    );
    assert!(
        !f(&x).contains(&"chief_executive_not_involved"),
        "the chief executive owns it"
    );
    assert!(!f(&x).contains(&"leader_in_service_unit"));
    assert!(!f(&x).contains(&"no_political_representation"));
    let x = org(
        Some("chief_executive"),
        "political",
        "strategic",
        json!({"unit": "NAV", "level": "nav", "from": "2020-01-01"}),
    );
    assert!(!f(&x).contains(&"chief_executive_not_involved"));
    assert!(!f(&x).contains(&"no_external_actors"));
    let p = anchoring::profile(&x, &x.participants[0], at);
    assert!(p.chief_executive_in_steering_group);
    assert_eq!(p.nav_members, 1);
    // Ratings: a lower rating than the one before is a finding; equal is not.
    let rated = |second: &str| {
        let mut v = base();
        v["assessments"] = json!([
            {"id": "a1", "participant": "k", "dimension": "political_process", "date": "2020-02-01", "rating": "strong"},
            {"id": "a2", "participant": "k", "dimension": "political_process", "date": "2020-06-01", "rating": second}]);
        let x = doc(v);
        codes(&anchoring::findings(
            &x,
            &x.participants[0],
            d("2020-07-01"),
        ))
        .contains(&"anchoring_weakened")
    };
    assert!(rated("partial"));
    assert!(!rated("strong"));
}

fn with_reports(reports: Value) -> ProgrammeDocument {
    let mut v = base();
    v["reports"] = reports;
    doc(v)
}

#[test]
fn reports_are_due_soon_late_submitted_and_read_on_their_days() {
    // Half-year 2020 is due 31 August 2020; the warning starts 30 days before.
    let x = with_reports(json!([]));
    let state = |x: &ProgrammeDocument, at: &str| {
        report_statuses(x, &x.participants[0], d(at))
            .0
            .iter()
            .find(|r| r.kind == ReportKind::HalfYear && r.year == 2020)
            .map(|r| r.state)
    };
    assert_eq!(state(&x, "2020-07-31"), None);
    assert_eq!(state(&x, "2020-08-01"), Some(ReportState::DueSoon));
    assert_eq!(state(&x, "2020-08-31"), Some(ReportState::DueSoon));
    assert_eq!(state(&x, "2020-09-01"), Some(ReportState::Late));
    let submitted = |on: &str, read: Option<&str>, treated: bool| {
        let mut r = json!({"id": "r", "participant": "k", "kind": "half_year", "year": 2020, "submitted": on});
        if let Some(read) = read {
            r["read"] = json!(read);
        }
        if treated {
            r["steering_group_treated"] = json!("2020-08-20");
        }
        with_reports(json!([r]))
    };
    assert_eq!(
        state(&submitted("2020-08-31", None, true), "2020-09-10"),
        Some(ReportState::Submitted)
    );
    assert_eq!(
        state(&submitted("2020-09-01", None, true), "2020-09-10"),
        Some(ReportState::SubmittedLate)
    );
    assert_eq!(
        state(
            &submitted("2020-08-31", Some("2020-09-05"), true),
            "2020-09-10"
        ),
        Some(ReportState::Read)
    );
    let f =
        |x: &ProgrammeDocument, at: &str| codes(&report_statuses(x, &x.participants[0], d(at)).1);
    // Unread 30 days after submission is fine; 31 is a finding.
    assert!(!f(&submitted("2020-08-31", None, true), "2020-09-30").contains(&"report_unread"));
    assert!(f(&submitted("2020-08-31", None, true), "2020-10-01").contains(&"report_unread"));
    assert!(
        f(&submitted("2020-08-31", None, false), "2020-09-10")
            .contains(&"report_not_treated_by_steering_group")
    );
    assert!(
        !f(&submitted("2020-08-31", None, true), "2020-09-10")
            .contains(&"report_not_treated_by_steering_group")
    );
}

#[test]
fn admission_and_partner_rules() {
    let mut v = base();
    v["cohorts"] = json!([{"id": "c", "number": 1, "phase_model": {"id": "m", "version": 1}, "decision": "2019-12",
        "applications": [
            {"applicant": "A", "participant": "k", "outcome": "admitted", "organisation_plan": true, "political_decision": {"body": "kommunestyret"}},
            {"applicant": "B", "outcome": "admitted"},
            {"applicant": "C", "outcome": "rejected"},
            {"applicant": "D"}]}]);
    v["participants"][0]["cohort"] = json!("c");
    let x = doc(v.clone());
    let s = admission::cohort_summary(&x, &x.cohorts[0]);
    assert_eq!(
        (s.applied, s.admitted, s.rejected, s.undecided),
        (4, 2, 1, 1)
    );
    let f = admission::admission_findings(&x.cohorts[0]);
    assert_eq!(
        codes(&f),
        [
            "admitted_without_political_decision",
            "admitted_without_organisation_plan"
        ]
    );
    assert!(f.iter().all(|f| matches!(&f.kind,
        FindingKind::AdmittedWithoutPoliticalDecision { applicant } | FindingKind::AdmittedWithoutOrganisationPlan { applicant } if applicant == "B")));
    // A housing area needs both partners with agreed roles.
    v["participants"][0]["kind"] = json!("housing_area");
    v["participants"][0]["partners"] =
        json!([{"name": "Kommunen", "kind": "municipality", "role": "Tjenester"}]);
    let x = doc(v.clone());
    let f = admission::partner_findings(&x.participants[0], d("2020-02-01"));
    assert!(matches!(
        f[..],
        [samspill_programme::Finding {
            kind: FindingKind::HousingAreaPartnerMissing {
                missing: PartnerKind::HousingOrganisation
            },
            ..
        }]
    ));
    v["participants"][0]["partners"] = json!([{"name": "Kommunen", "kind": "municipality", "role": "Tjenester"},
                                              {"name": "Boligorganisationen", "kind": "housing_organisation"}]);
    v["participants"][0]["agreements"] = json!([{"version": 1, "signed": true, "obligations": [
        {"party": "participant", "text": "Legge fram planen", "due": "2020-06-30"}]}]);
    let x = doc(v);
    let f = |at: &str| codes(&admission::partner_findings(&x.participants[0], d(at)));
    assert_eq!(f("2020-06-30"), ["partner_role_not_agreed"]);
    assert_eq!(
        f("2020-07-01"),
        ["partner_role_not_agreed", "obligation_overdue"]
    );
}

#[test]
fn learning_without_the_third_loop_is_noted_from_five_entries() {
    let entries = |n: usize, third: bool| {
        let mut v = base();
        let list: Vec<Value> = (0..n)
            .map(|i| json!({"id": format!("l{i}"), "participant": "k", "date": "2020-05-01",
                "loop": if third && i == 0 { "3" } else { "1" }, "area": "A", "actor_level": "organisation",
                "text": "x", "shared": i == 0}))
            .collect();
        v["learning_log"] = json!(list);
        doc(v)
    };
    let f = |x: &ProgrammeDocument, at: &str| {
        codes(&learning::learning_summary(x, Some(&k()), d(at)).1)
    };
    assert!(f(&entries(4, false), "2020-06-01").is_empty());
    assert_eq!(
        f(&entries(5, false), "2020-06-01"),
        ["no_third_loop_learning"]
    );
    assert!(f(&entries(5, true), "2020-06-01").is_empty());
    assert!(
        f(&entries(5, false), "2021-05-02").is_empty(),
        "older than twelve months"
    );
    let x = entries(5, false);
    assert_eq!(learning::visible_entries(&x, &k()).len(), 5);
    assert_eq!(
        learning::visible_entries(&x, &ParticipantId::new("other")).len(),
        1,
        "only the shared one"
    );
}

#[test]
fn configured_rows_labels_and_partial_sign_off() {
    let mut v = base();
    v["participants"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "k2", "name": "To", "kind": "municipality"}));
    v["action_plans"] = json!([{"participant": "k", "scope": "programme", "versions": [
        {"number": 1, "top": "priority_areas", "drafted": "2020-02-01",
         "goals": [{"id": "g", "title": "Boligtilbud"}],
         "measures": [{"id": "t", "title": "Kartlegging", "goals": ["g"]}]}]}]);
    v["evaluation_rounds"] = json!([{"id": "r", "name": "R", "evaluator": "E", "from": "2020-01-01", "as_of": "2020-11-30",
        "matrix_sources": ["participant"],
        "matrix": [{"section": "other", "label": "STATUS", "rows": [
            {"row": "phase"}, {"row": "measures", "label": "Tiltak i planen"}, {"row": "main_goals"}]}],
        "sign_offs": [{"participant": "k", "role": "coordinator", "date": "2020-11-20"}]}]);
    let x = doc(v);
    let m = matrix::generate(&x, &RoundId::new("r")).unwrap();
    assert_eq!(m.sections.len(), 1);
    assert_eq!(
        m.sections[0].label,
        samspill_programme::Value::Text("STATUS".into())
    );
    assert_eq!(
        m.sections[0].rows[1].label,
        samspill_programme::Value::Text("Tiltak i planen".into())
    );
    let cells = &m.sections[0].rows;
    assert_eq!(cells[1].cells[0].items.len(), 1, "the measure");
    assert!(cells[1].cells[1].items.is_empty(), "no plan: empty cell");
    assert_eq!(
        cells[2].cells[0].lead.as_ref().unwrap().key,
        "programme-matrix-priority-areas"
    );
    assert!(m.columns[1].sign_off.is_none());
    assert!(
        m.caption
            .iter()
            .any(|c| c.key == "programme-matrix-caption-sign-off-partial")
    );
    // The unsigned column is a finding.
    let f = m.sign_off_findings();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].participant, Some(ParticipantId::new("k2")));
    assert_eq!(f[0].kind, FindingKind::ColumnNotSignedOff);
    // Documents not received by the status date are findings; later
    // receipts do not count.
    let round = x.round(&RoundId::new("r")).unwrap();
    let (_, f) = learning::collection(&x, round);
    assert_eq!(f.len(), 6, "three kinds from each of two participants");
    let mut v = serde_json::to_value(&x).unwrap();
    v["evaluation_rounds"][0]["log"] = json!([
        {"type": "document", "participant": "k", "kind": "application", "received": "2020-01-10"},
        {"type": "document", "participant": "k", "kind": "pre_analysis", "received": "2020-11-30"},
        {"type": "document", "participant": "k", "kind": "action_plan", "received": "2020-12-01"}]);
    let y = doc(v);
    let (c, f) = learning::collection(&y, y.round(&RoundId::new("r")).unwrap());
    let mine: Vec<_> = f
        .iter()
        .filter(|f| f.participant == Some(k()))
        .map(|f| f.kind.clone())
        .collect();
    assert_eq!(
        mine,
        [FindingKind::DocumentNotReceived {
            document: DocumentKind::ActionPlan
        }]
    );
    assert_eq!(c[0].documents.len(), 3);
    // A matrix compared with itself has no changes.
    let same = matrix::diff(&m, &m);
    assert!(same.cells.is_empty() && same.columns_added.is_empty() && same.rows_added.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The calendar and the real phase never go backwards in time, and an
    /// overrun grows by exactly one day per day.
    #[test]
    fn phases_move_forward_and_overruns_grow_day_by_day(offset in 0i64..4000, gap in 1i64..400) {
        let x = doc(base());
        let p = &x.participants[0];
        let a = d("2019-06-01").add_days(offset);
        let b = a.add_days(gap);
        let model = x.phase_model(&p.path.as_ref().unwrap().model).unwrap();
        let index = |pos: &Position| match pos {
            Position::NotStarted => 0,
            Position::In(k) => 1 + model.phases.iter().position(|f| &f.key == k).unwrap(),
            Position::Finished => 99,
        };
        let (sa, sb) = (path_status(&x, p, a).unwrap(), path_status(&x, p, b).unwrap());
        prop_assert!(index(&sa.calendar) <= index(&sb.calendar));
        prop_assert!(index(&sa.real) <= index(&sb.real));
        if let (Some(oa), Some(ob)) = (sa.overrun(), sb.overrun()) {
            prop_assert_eq!(ob.2 - oa.2, gap);
        }
    }

    /// Coherence: once every leaf goal has a measure with someone
    /// responsible and an indicator with data, nothing is left to say.
    #[test]
    fn a_fully_linked_plan_has_no_coherence_findings(goals in 1usize..8, depth in 0usize..3) {
        let mut gs = Vec::new();
        let mut ms = Vec::new();
        let mut is = Vec::new();
        for g in 0..goals {
            let mut parent: Option<String> = None;
            for level in 0..=depth {
                let id = format!("g{g}.{level}");
                let mut goal = json!({"id": id, "title": id});
                if let Some(p) = &parent { goal["parent"] = json!(p); }
                gs.push(goal);
                parent = Some(id);
            }
            let leaf = parent.unwrap();
            ms.push(json!({"id": format!("t{g}"), "title": "t", "goals": [leaf], "responsible": {"name": "N"}}));
            is.push(json!({"id": format!("i{g}"), "name": "i", "measure": format!("t{g}"), "baseline": {"date": "2020", "value": 1}}));
        }
        let v = plan(json!(gs), json!(ms.clone()), json!(is));
        prop_assert!(coherence(&k(), &v, &[]).is_empty());
        // Dropping one measure leaves exactly its leaf goal without one.
        ms.pop();
        let v2 = plan(json!(v.goals), json!(ms), json!(v.indicators.iter().take(goals - 1).collect::<Vec<_>>()));
        let f = coherence(&k(), &v2, &[]);
        prop_assert_eq!(codes(&f), vec!["goal_without_measure"]);
    }
}
