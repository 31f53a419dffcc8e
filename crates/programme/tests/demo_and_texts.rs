//! The generated demo programme, and the texts: every key the crate can
//! produce exists in all four languages, and every message renders whole.

mod support;

use samspill_i18n::Lang;
use samspill_programme::date::Date;
use samspill_programme::demo;
use samspill_programme::finding::{Finding, FindingKind, Labelled};
use samspill_programme::ids::*;
use samspill_programme::matrix;
use samspill_programme::model::*;
use samspill_programme::rules::{self, phases::Position, portfolio, prefill, reports};
use samspill_programme::text::{Message, Renderer, Value, all_keys};
use samspill_programme::{DocumentError, ProgrammeDocument};
use support::I18n;

fn as_of() -> Date {
    Date::parse(demo::AS_OF).unwrap()
}

fn codes(doc: &ProgrammeDocument, slug: &str) -> Vec<&'static str> {
    let p = doc.participant(&ParticipantId::new(slug)).unwrap();
    rules::participant_findings(doc, p, as_of(), &[])
        .iter()
        .map(|f| f.kind.code())
        .collect()
}

#[test]
fn the_demo_is_valid_deterministic_and_has_five_participants() {
    let a = demo::programme();
    let b = demo::programme();
    assert_eq!(a, b);
    assert_eq!(a.to_json(), b.to_json());
    a.validate().unwrap();
    assert_eq!(
        a.participants
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        [
            "Brattvik",
            "Strandøy",
            "Lyngnes",
            "Kvitfjord",
            "Fjellstad nord"
        ]
    );
    let again = ProgrammeDocument::from_json(&a.to_json()).unwrap();
    assert_eq!(again, a);
}

#[test]
fn each_demo_participant_shows_its_state() {
    let doc = demo::programme();
    let brattvik = codes(&doc, "brattvik");
    assert!(
        !brattvik
            .iter()
            .any(|c| ["phase_overrun", "behind_schedule", "report_late"].contains(c)),
        "{brattvik:?}"
    );
    let strandoy = codes(&doc, "strandoy");
    for c in [
        "report_late",
        "measure_without_responsible",
        "leader_in_service_unit",
        "anchoring_weakened",
    ] {
        assert!(strandoy.contains(&c), "Strandøy lacks {c}: {strandoy:?}");
    }
    // Its plan phase ran past its six months but ended within the agreed
    // extension: extended, not late.
    assert!(!strandoy.contains(&"phase_completed_late"), "{strandoy:?}");
    let s = rules::phases::path_status(
        &doc,
        doc.participant(&ParticipantId::new("strandoy")).unwrap(),
        as_of(),
    )
    .unwrap();
    assert_eq!(s.phases[1].extensions.len(), 1);
    assert!(s.phases[1].complete);
    assert!(
        s.phases
            .iter()
            .all(|p| p.phase.key.as_str() == "plan" || p.extensions.is_empty())
    );
    let lyngnes = codes(&doc, "lyngnes");
    for c in [
        "behind_schedule",
        "phase_overrun",
        "action_plan_misses_revision",
        "users_only_informants",
        "goal_without_measure",
        "report_not_treated_by_steering_group",
    ] {
        assert!(lyngnes.contains(&c), "Lyngnes lacks {c}: {lyngnes:?}");
    }
    let kvitfjord = codes(&doc, "kvitfjord");
    assert!(!kvitfjord.contains(&"phase_overrun"), "{kvitfjord:?}");
    let fjellstad = codes(&doc, "fjellstad");
    assert!(
        fjellstad.contains(&"partner_role_not_agreed"),
        "{fjellstad:?}"
    );

    let p = portfolio::portfolio(&doc, as_of(), &[]);
    assert_eq!(p.rows.len(), 5);
    let row = |slug: &str| {
        p.rows
            .iter()
            .find(|r| r.participant.as_str() == slug)
            .unwrap()
    };
    assert_eq!(
        row("lyngnes").path.as_ref().unwrap().real,
        Position::In("plan".into())
    );
    assert_eq!(
        row("lyngnes").path.as_ref().unwrap().calendar,
        Position::In("implementation".into())
    );
    assert_eq!(row("strandoy").reports_late, 1);
    assert_eq!(row("brattvik").reports_late, 0);
    assert_eq!(
        p.counts.political_representation.n(),
        2,
        "Brattvik and Kvitfjord"
    );
}

#[test]
fn a_half_year_report_is_prefilled_from_the_records() {
    let doc = demo::programme();
    let p = doc.participant(&ParticipantId::new("strandoy")).unwrap();
    let draft = prefill::prefill(&doc, p, ReportKind::Annual, 2025, &[]).unwrap();
    assert_eq!(draft.real, Some(Position::In("implementation".into())));
    assert_eq!(draft.measures.len(), 3);
    let t1 = &draft.measures[0];
    assert_eq!(
        t1.previous.map(|x| x.2),
        Some(MeasureStatus::Ongoing),
        "from the half-year report"
    );
    assert_eq!(t1.indicators.len(), 1);
    // The member who left, the deputy who joined, the new placement, and
    // the plan-phase gate passed in 2025.
    use samspill_programme::rules::prefill::OrganisationChange as C;
    assert!(
        draft
            .organisation_changes
            .iter()
            .any(|c| matches!(c, C::MemberLeft { .. }))
    );
    assert!(
        draft
            .organisation_changes
            .iter()
            .any(|c| matches!(c, C::MemberJoined { .. }))
    );
    assert!(draft.organisation_changes.iter().any(|c| matches!(
        c,
        C::PlacementChanged {
            kind: PlacementKind::Service,
            ..
        }
    )));
    assert!(
        draft
            .gates_passed
            .iter()
            .any(|g| g.1.key.as_str() == "action_plan_approved")
    );
    // A survey figure becomes the indicator's latest value.
    let figure = rules::coherence::SurveyFigure {
        participant: ParticipantId::new("strandoy"),
        figure: "weekly_largest_component_share".into(),
        round: SurveyRoundRef::new("strandoy-2025"),
        date: Date::parse("2025-11-20").unwrap(),
        value: 71.0,
    };
    let draft = prefill::prefill(
        &doc,
        p,
        ReportKind::Annual,
        2025,
        std::slice::from_ref(&figure),
    )
    .unwrap();
    let brattvik_like = draft.measures[0].indicators[0].latest;
    assert_eq!(brattvik_like, Some((figure.date, 71.0)));
}

#[test]
fn two_rounds_of_the_demo_matrix_compare() {
    let doc = demo::programme();
    let a = matrix::generate(&doc, &RoundId::new("2025")).unwrap();
    let b = matrix::generate(&doc, &RoundId::new("2026")).unwrap();
    let diff = matrix::diff(&a, &b);
    assert_eq!(
        diff.columns_added,
        [
            ParticipantId::new("kvitfjord"),
            ParticipantId::new("fjellstad")
        ]
    );
    assert!(diff.columns_removed.is_empty());
    // Strandøy moved into implementation and got a new programme-leader
    // placement between the rounds.
    let changed: Vec<(RowKind, &str)> = diff
        .cells
        .iter()
        .map(|c| (c.row, c.participant.as_str()))
        .collect();
    assert!(
        changed.contains(&(RowKind::Phase, "strandoy")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&(RowKind::LeaderPlacement, "strandoy")),
        "{changed:?}"
    );
    assert!(
        !changed.contains(&(RowKind::SteeringGroup, "brattvik")),
        "{changed:?}"
    );
    // A column without a sign-off makes the caption say how many are signed.
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    let caption: Vec<String> = b.caption.iter().map(|m| r.message(m)).collect();
    assert!(
        caption.iter().any(|c| c.starts_with("4 av 5 kolonner")),
        "{caption:?}"
    );
}

#[test]
fn the_crate_keys_are_exactly_the_programme_keys_of_every_language() {
    let ours = all_keys();
    for lang in Lang::ALL {
        let theirs: Vec<String> = samspill_i18n::keys(lang)
            .into_iter()
            .filter(|k| k.starts_with("programme-"))
            .collect();
        let missing: Vec<&String> = ours.iter().filter(|k| !theirs.contains(k)).collect();
        let extra: Vec<&String> = theirs.iter().filter(|k| !ours.contains(k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys the crate never uses: {extra:?}"
        );
        assert!(samspill_i18n::problems(lang).is_empty());
    }
}

fn phase(key: &str) -> Labelled<PhaseKey> {
    Labelled {
        key: PhaseKey::new(key),
        label: Message::new(format!("programme-phase-{key}")).into(),
    }
}

/// One finding of every kind.
fn every_finding() -> Vec<Finding> {
    let d = Date::parse("2010-11-30").unwrap();
    let gate = Labelled {
        key: GateKey::new("agreement_signed"),
        label: Message::new("programme-gate-agreement-signed").into(),
    };
    let kinds = vec![
        FindingKind::BehindSchedule {
            calendar: phase("implementation"),
            real: phase("plan"),
        },
        FindingKind::PhaseOverrun {
            phase: phase("plan"),
            allowed_end: d,
            months: 7,
            days: 244,
            extension_reason: Some("ny rådmann".into()),
        },
        FindingKind::PhaseOverrun {
            phase: phase("plan"),
            allowed_end: d,
            months: 0,
            days: 3,
            extension_reason: None,
        },
        FindingKind::PhaseOverrun {
            phase: phase("plan"),
            allowed_end: d,
            months: 0,
            days: 1,
            extension_reason: None,
        },
        FindingKind::PhaseExtended {
            phase: phase("plan"),
            until: d,
            reason: "valg".into(),
        },
        FindingKind::PhaseCompletedLate {
            phase: phase("plan"),
            months: 1,
            days: 40,
        },
        FindingKind::PhaseShorterThanMinimum {
            phase: phase("phase-out"),
            months: 8,
            minimum: 12,
        },
        FindingKind::GateOverdue {
            phase: phase("plan"),
            gate: gate.clone(),
            planned: d,
        },
        FindingKind::GateOpenAtPhaseEnd {
            phase: phase("plan"),
            gate,
        },
        FindingKind::ActionPlanMissesRevision {
            plan: PlanType::FinancialPlan,
            revision: Some("Økonomiplan 2011–2014".into()),
            deadline: d,
            expected: d,
            next: Some(d),
        },
        FindingKind::ActionPlanApprovalNotPlanned,
        FindingKind::ActionPlanApprovalOverdue { planned: d },
        FindingKind::ActionPlanRevisionOverdue { approved: d },
        FindingKind::MeasureServesNoGoal {
            measure: MeasureId::new("t"),
            title: "T".into(),
        },
        FindingKind::GoalWithoutMeasure {
            goal: GoalId::new("g"),
            title: "G".into(),
        },
        FindingKind::IndicatorWithoutData {
            indicator: IndicatorId::new("i"),
            name: "I".into(),
        },
        FindingKind::MeasureWithoutResponsible {
            measure: MeasureId::new("t"),
            title: "T".into(),
        },
        FindingKind::MeasureWithoutIndicator {
            measure: MeasureId::new("t"),
            title: "T".into(),
        },
        FindingKind::FunctionsNotRepresented {
            functions: vec!["Utbygging".into()],
        },
        FindingKind::FunctionsNotRepresented {
            functions: vec!["Utbygging".into(), "Arealplanlegging".into()],
        },
        FindingKind::FunctionsNotRecorded,
        FindingKind::NoPoliticalRepresentation,
        FindingKind::ChiefExecutiveNotInvolved,
        FindingKind::LeaderInServiceUnit { unit: "X".into() },
        FindingKind::UsersOnlyInformants,
        FindingKind::NoExternalActors,
        FindingKind::AnchoringWeakened {
            dimension: Dimension::PoliticalProcess,
            from: Rating::Strong,
            to: Rating::Weak,
            date: d,
        },
        FindingKind::ReportLate {
            report: ReportKind::Annual,
            year: 2010,
            due: d,
            days: 3,
        },
        FindingKind::ReportDueSoon {
            report: ReportKind::HalfYear,
            year: 2010,
            due: d,
            days: 3,
        },
        FindingKind::ReportNotTreatedBySteeringGroup {
            report: ReportKind::Final,
            year: 2010,
        },
        FindingKind::ReportUnread {
            report: ReportKind::Annual,
            year: 2010,
            submitted: d,
            days: 40,
        },
        FindingKind::AdmittedWithoutPoliticalDecision {
            applicant: "A".into(),
        },
        FindingKind::AdmittedWithoutOrganisationPlan {
            applicant: "A".into(),
        },
        FindingKind::HousingAreaPartnerMissing {
            missing: PartnerKind::HousingOrganisation,
        },
        FindingKind::PartnerRoleNotAgreed {
            partner: "P".into(),
        },
        FindingKind::ObligationOverdue {
            text: "O".into(),
            due: d,
        },
        FindingKind::NoThirdLoopLearning { entries: 6 },
        FindingKind::DocumentNotReceived {
            document: DocumentKind::PreAnalysis,
        },
        FindingKind::ColumnNotSignedOff,
    ];
    let covered: std::collections::BTreeSet<&str> = kinds.iter().map(|k| k.code()).collect();
    assert_eq!(covered.len(), FindingKind::CODES.len(), "one of every kind");
    kinds.into_iter().map(|k| Finding::new(None, k)).collect()
}

fn assert_whole(text: &str, what: &str) {
    assert!(!text.is_empty(), "{what}: empty");
    assert!(
        !text.contains("[programme-"),
        "{what}: missing key in {text:?}"
    );
    assert!(
        !text.contains("{$") && !text.contains("{ $"),
        "{what}: missing argument in {text:?}"
    );
    assert!(
        !text.contains('\u{2068}'),
        "{what}: isolation marks in {text:?}"
    );
}

#[test]
fn every_finding_matrix_and_error_message_renders_whole_in_every_language() {
    let doc = demo::programme();
    let seed = support::seed();
    let mut messages: Vec<Message> = every_finding().iter().map(|f| f.message()).collect();
    messages.extend(
        rules::all_findings(&doc, as_of(), &[])
            .iter()
            .map(|f| f.message()),
    );
    let mut values: Vec<Value> = Vec::new();
    for (d, round) in [(&doc, "2026"), (&doc, "2025"), (&seed, "delrapport-2010")] {
        let m = matrix::generate(d, &RoundId::new(round)).unwrap();
        messages.extend(m.caption.clone());
        for s in &m.sections {
            values.push(s.label.clone());
            for r in &s.rows {
                values.push(r.label.clone());
                for c in &r.cells {
                    messages.extend(c.lead.clone());
                    for i in &c.items {
                        values.push(i.text.clone());
                        values.extend(i.children.clone());
                    }
                }
            }
        }
    }
    messages.extend(
        samspill_programme::ProgrammeDocument::from_json(b"{")
            .unwrap_err()
            .0
            .iter()
            .map(DocumentError::message),
    );
    for lang in Lang::ALL {
        let cat = I18n::new(lang);
        let r = Renderer::new(&cat, &[]);
        for m in &messages {
            assert_whole(&r.message(m), &m.key);
        }
        for v in &values {
            assert_whole(&r.value(v), &format!("{v:?}"));
        }
        for (t, f) in Term::ALL.iter().flat_map(|t| {
            [
                Form::Singular,
                Form::Definite,
                Form::Plural,
                Form::DefinitePlural,
                Form::Genitive,
            ]
            .map(|f| (*t, f))
        }) {
            assert_whole(&r.term(t, f), &format!("{t:?} {f:?}"));
        }
        for d in [
            "2010-11-14",
            "2010-11",
            "2010-autumn",
            "2011-spring",
            "2010",
        ] {
            assert_whole(&r.date(Date::parse(d).unwrap()), d);
        }
    }
    // The Norwegian phrasing of a few, checked word for word.
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &[]);
    let f = every_finding();
    assert_eq!(
        r.message(&f[1].message()),
        "«Program- og planfase» har gått 7 måneder over tiden (siste dag var 30. november 2010). Fasen var forlenget fordi: ny rådmann"
    );
    assert_eq!(
        r.message(&f[2].message()),
        "«Program- og planfase» har gått 3 dager over tiden (siste dag var 30. november 2010)."
    );
    assert_eq!(
        r.message(&f[3].message()),
        "«Program- og planfase» har gått 1 dag over tiden (siste dag var 30. november 2010)."
    );
    assert_eq!(
        r.message(&f[0].message()),
        "Kalenderen sier «Gjennomføringsfase», men den reelle fasen er «Program- og planfase»."
    );
    let en = I18n::new(Lang::En);
    let r = Renderer::new(&en, &[]);
    assert_eq!(
        r.message(&f[18].message()),
        "One function is in neither the steering nor the project group: Utbygging."
    );
    assert_eq!(
        r.message(&f[19].message()),
        "2 functions are in neither the steering nor the project group: Utbygging and Arealplanlegging."
    );
}

#[test]
fn the_glossary_holds_every_word_and_the_programme_s_own() {
    let doc = demo::programme();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    let g = samspill_programme::text::glossary(&doc.programme, "nb");
    assert_eq!(g.len(), Term::ALL.len() + 1);
    assert_eq!(r.value(&g.last().unwrap().headword), "Helhetsplan");
    let leader = g
        .iter()
        .find(|x| x.term == Some(Term::ProgrammeLeader))
        .unwrap();
    assert_eq!(r.value(&leader.headword), "programleder");
    assert!(r.value(&leader.definition).contains("prosjektleder"));
    for item in &g {
        assert_whole(&r.value(&item.headword), "headword");
        assert_whole(&r.value(&item.definition), "definition");
    }
    assert_eq!(
        samspill_programme::text::glossary(&doc.programme, "en").len(),
        Term::ALL.len()
    );
    // The survey rounds are attached to the phases they serve.
    let b = doc.participant(&ParticipantId::new("brattvik")).unwrap();
    assert_eq!(b.survey_rounds.len(), 2);
    assert_eq!(
        b.survey_rounds[1].phase.as_ref().unwrap().as_str(),
        "implementation"
    );
}

#[test]
fn a_programme_vocabulary_replaces_the_default_words() {
    let doc = demo::programme();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    assert_eq!(r.term(Term::ProgrammeOwner, Form::Singular), "programeier");
    let plain = Renderer::new(&nb, &[]);
    assert_eq!(
        plain.term(Term::ProgrammeLeader, Form::DefinitePlural),
        "programlederne"
    );
    let nn = I18n::new(Lang::Nn);
    let r = Renderer::new(&nn, &doc.programme.vocabulary);
    assert_eq!(
        r.term(Term::ProgrammeOwner, Form::Singular),
        "programeigar",
        "nb entries do not apply to nn"
    );
}

#[test]
fn reports_are_due_on_the_schedule() {
    let doc = demo::programme();
    let p = doc.participant(&ParticipantId::new("brattvik")).unwrap();
    let expected = reports::expected_reports(&doc, p);
    // Admitted 1 September 2024: no half-year or annual report for 2024
    // (started after 1 April and 1 July); from 2025 both.
    let first: Vec<(ReportKind, i32)> = expected.iter().take(3).map(|x| (x.0, x.1)).collect();
    assert_eq!(
        first,
        [
            (ReportKind::HalfYear, 2025),
            (ReportKind::Annual, 2025),
            (ReportKind::HalfYear, 2026)
        ]
    );
}
