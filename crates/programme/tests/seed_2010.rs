//! The first cohort of the 2010 evaluation (seed 001), entered as records in
//! `tests/data/boso-2010.json`, gives the seed's counts, the seed's phase
//! finding, and the overview matrix of `fixtures/oversiktsmatrise-2010.tsv`
//! with its caption.

mod support;

use samspill_i18n::Lang;
use samspill_programme::ProgrammeDocument;
use samspill_programme::date::Date;
use samspill_programme::finding::FindingKind;
use samspill_programme::ids::{ParticipantId, RoundId};
use samspill_programme::matrix::{self, render_cell};
use samspill_programme::model::{RowKind, SourceKind};
use samspill_programme::rules::{admission, anchoring, learning, phases, planning};
use samspill_programme::text::{Renderer, Value};
use support::{I18n, compare_cell, fixture, seed, shared};

fn november_2010() -> Date {
    Date::parse("2010-11-30").unwrap()
}

fn names(doc: &ProgrammeDocument, ids: &[ParticipantId]) -> Vec<String> {
    ids.iter()
        .map(|id| doc.participant(id).unwrap().name.clone())
        .collect()
}

#[test]
fn the_seed_counts_hold_in_november_2010() {
    let doc = seed();
    let c = anchoring::counts(&doc, &[], november_2010());
    // «tre av fire kommuner også valgt å inkludere rådmannen … i styringsgruppen» (001:114, 301)
    assert_eq!(c.chief_executive_in_steering_group.n(), 3);
    assert_eq!(c.chief_executive_in_steering_group.of, 4);
    assert_eq!(
        names(&doc, &c.chief_executive_in_steering_group.yes),
        ["Hamar", "Lillehammer", "Lørenskog"]
    );
    // «Ingen av kommunene har politisk representasjon i programorganiseringen» (001:321)
    assert_eq!(c.political_representation.n(), 0);
    assert_eq!(c.political_representation.of, 4);
    // «Samarbeidsavtale med Husbanken» in every column (001:455)
    assert_eq!(c.agreement_signed.n(), 4);
    // «Programleder er i to av kommunene organisert inn i strategiske enheter» (001:110, 385)
    assert_eq!(c.leader_in_strategic_unit.n(), 2);
    assert_eq!(
        names(&doc, &c.leader_in_strategic_unit.yes),
        ["Hamar", "Lillehammer"]
    );
    // «Lillehammer og Hamar har valgt å forankre … ved politisk eierskap» (001:321, 323)
    assert_eq!(c.political_ownership.n(), 2);
    assert_eq!(
        names(&doc, &c.political_ownership.yes),
        ["Hamar", "Lillehammer"]
    );
    assert_eq!(c.administrative_ownership.n(), 2);
    // «tre av kommunene har inkludert NAV i prosjektgruppen» (001:329; Hamar's
    // workshops include NAV, 001:379)
    assert_eq!(c.nav_in_organisation.n(), 3);
    // «Alle kommunene har slik et politisk vedtak på søknaden» (001:323)
    assert_eq!(c.political_decision_on_application.n(), 4);
    // «Bærum og Lillehammer kommune har imidlertid valgt å gi et av kommunens
    // politiske fagutvalg ansvar» (001:321)
    assert_eq!(
        names(&doc, &c.political_committee.yes),
        ["Bærum", "Lillehammer"]
    );
    // No reell deltakende brukermedvirkning anywhere (001:339), no plan approved.
    assert_eq!(c.user_participation.n(), 0);
    assert_eq!(c.action_plan_approved.n(), 0);
    // All top administration in the steering group (001:108).
    assert_eq!(c.top_administration_in_steering_group.n(), 4);
}

#[test]
fn before_the_interviews_the_records_do_not_count_yet() {
    // Facts without their own date count from their source's date: in
    // July 2010 nothing the interviews reported is known yet; only what
    // Lørenskog's preliminary action plan (2010) already says.
    let doc = seed();
    let c = anchoring::counts(&doc, &[], Date::parse("2010-07-31").unwrap());
    assert_eq!(
        names(&doc, &c.chief_executive_in_steering_group.yes),
        ["Lørenskog"]
    );
    assert_eq!(c.agreement_signed.n(), 0);
    assert_eq!(
        c.political_decision_on_application.n(),
        4,
        "the applications are older"
    );
}

#[test]
fn every_plan_phase_overran_while_the_calendar_said_implementation() {
    let doc = seed();
    for p in &doc.participants {
        let s = phases::path_status(&doc, p, november_2010()).unwrap();
        assert_eq!(
            s.calendar,
            phases::Position::In("implementation".into()),
            "{}",
            p.name
        );
        assert_eq!(s.real, phases::Position::In("plan".into()), "{}", p.name);
        assert!(s.behind_schedule(), "{}", p.name);
        // Admitted October 2009; six months end 31 March 2010; by
        // 30 November 2010 that is 7 whole months and 244 days over.
        let (phase, months, days) = s.overrun().expect("overrun");
        assert_eq!(phase.as_str(), "plan");
        assert_eq!((months, days), (7, 244), "{}", p.name);
        // Agreement and leader are in place; the approved plan is not.
        let open: Vec<&str> = s.open_gates().iter().map(|g| g.gate.key.as_str()).collect();
        assert_eq!(open, ["action_plan_approved"], "{}", p.name);
        let plan = &s.phases[1];
        assert_eq!(
            plan.scheduled_start,
            Some(Date::parse("2009-10-01").unwrap())
        );
        assert_eq!(plan.scheduled_end, Some(Date::parse("2010-03-31").unwrap()));
        assert_eq!(plan.allowed_end, Some(Date::parse("2010-03-31").unwrap()));
        // Without a planned approval date, the rule asks for one.
        let f = planning::revision_findings(&doc, p, november_2010());
        assert!(
            f.iter()
                .any(|f| f.kind == FindingKind::ActionPlanApprovalNotPlanned)
        );
    }
    // On the plan phase's last allowed day there is no overrun yet; the
    // next day there is, of one day.
    let p = &doc.participants[0];
    let last = phases::path_status(&doc, p, Date::parse("2010-03-31").unwrap()).unwrap();
    assert!(last.overrun().is_none());
    assert_eq!(last.calendar, phases::Position::In("plan".into()));
    let next = phases::path_status(&doc, p, Date::parse("2010-04-01").unwrap()).unwrap();
    assert_eq!(next.overrun().map(|o| (o.1, o.2)), Some((0, 1)));
}

#[test]
fn cohort_one_applied_eleven_admitted_four() {
    let doc = seed();
    let s = admission::cohort_summary(&doc, &doc.cohorts[0]);
    assert_eq!(
        (s.invited, s.applied, s.admitted, s.rejected),
        (Some(16), 11, 4, 7)
    );
    assert!(admission::admission_findings(&doc.cohorts[0]).is_empty());
}

#[test]
fn the_generated_matrix_reproduces_every_cell_of_the_fixture() {
    let doc = seed();
    let m = matrix::generate(&doc, &RoundId::new("delrapport-2010")).unwrap();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    let (columns, rows) = fixture();
    assert_eq!(
        m.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        columns
    );
    let generated: Vec<(String, String, &matrix::RowOut)> = m
        .sections
        .iter()
        .flat_map(|s| {
            let section = r.value(&s.label);
            s.rows.iter().map(move |row| (section.clone(), row))
        })
        .map(|(section, row)| (section, r.value(&row.label), row))
        .collect();
    assert_eq!(generated.len(), rows.len(), "8 rows");
    let mut failures = Vec::new();
    let mut cells = 0;
    for ((section, label, row), want) in generated.iter().zip(&rows) {
        assert_eq!(section, &want.section);
        assert_eq!(label, &want.row);
        for (cell, text) in row.cells.iter().zip(&want.cells) {
            cells += 1;
            if let Err(e) = compare_cell(text, cell, &r) {
                failures.push(format!("{} / {}: {e}", want.row, cell.participant));
            }
        }
    }
    assert_eq!(cells, 32);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn cells_are_rendered_as_the_2010_matrix_writes_them() {
    let doc = seed();
    let m = matrix::generate(&doc, &RoundId::new("delrapport-2010")).unwrap();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &[]);
    let cell = |row: RowKind, col: usize| {
        let c = m
            .sections
            .iter()
            .flat_map(|s| s.rows.iter())
            .find(|x| x.row == row)
            .unwrap()
            .cells[col]
            .clone();
        render_cell(&c, &r)
    };
    // Exact, not only item for item: the generated words are the seed's.
    assert_eq!(
        cell(RowKind::SteeringGroup, 2),
        "Rådmann, kommunalsjef, strategi- og utviklingssjef og økonomisjef"
    );
    assert_eq!(
        cell(RowKind::ProjectGroup, 3),
        "Representanter fra de enheter som er representert i styringsgruppen, NAV og rådgiver fra økonomiavdelingen"
    );
    assert_eq!(
        cell(RowKind::LeaderPlacement, 3),
        "Enhet for Tiltak og sosiale tjenester (fra høsten 2010: Velferds- og inkluderingstjenesten)"
    );
    assert_eq!(
        cell(RowKind::PlanAnchoring, 3),
        "Planlagt forankring i planverk gjennom: - Utvikling av en boligsosial handlingsplan. - Inn i budsjettet for 2011 - Forankring i kommuneplan ved revidering i 2013 - Forankring i økonomiplan fra 2012"
    );
    assert_eq!(
        cell(RowKind::PoliticalAnchoring, 2),
        "- Politisk eierskap av programmet - Fagutvalg for Helse og Omsorg følger arbeidet - Foranalyse presentert for formannskap/kommuneplanutvalg - Temadag for politikere vurderes"
    );
}

#[test]
fn the_caption_states_the_sources_the_conflict_and_the_sign_off() {
    let doc = seed();
    let m = matrix::generate(&doc, &RoundId::new("delrapport-2010")).unwrap();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    let caption: Vec<String> = m.caption.iter().map(|c| r.message(c)).collect();
    // The seed's caption, verbatim (seed 001, line 446), after its title.
    let seed_text =
        std::fs::read_to_string(shared().join("seeds/001_8d0e5f7688c931fb.txt")).unwrap();
    let line = seed_text
        .lines()
        .find(|l| l.starts_with("Tabell 1: Oversiktsmatrise av kommunenes arbeid."))
        .unwrap();
    let expected = line
        .strip_prefix("Tabell 1: Oversiktsmatrise av kommunenes arbeid. ")
        .unwrap();
    assert_eq!(caption.join(" "), expected);
    // Every column signed off by its programme leader in November 2010.
    for c in &m.columns {
        let s = c.sign_off.as_ref().unwrap();
        assert_eq!(s.date, Date::parse("2010-11").unwrap());
    }
}

#[test]
fn sources_that_disagree_are_flagged_on_their_cells() {
    // Lørenskog's preliminary action plan lists the steering group with the
    // project leader and without a separate seat for the welfare service;
    // the interviews the other way round (001:667 against 001:449).
    let doc = seed();
    let m = matrix::generate(&doc, &RoundId::new("delrapport-2010")).unwrap();
    let nb = I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &[]);
    let mut flagged = Vec::new();
    for row in m.sections.iter().flat_map(|s| s.rows.iter()) {
        for c in &row.cells {
            for conflict in &c.conflicts {
                flagged.push((
                    row.row,
                    c.participant.to_string(),
                    r.value(&conflict.text),
                    conflict.found_in.clone(),
                    conflict.missing_from.clone(),
                ));
            }
        }
    }
    assert_eq!(
        flagged,
        vec![
            (
                RowKind::SteeringGroup,
                "lorenskog".to_string(),
                "velferds- og inkluderingstjenesten".to_string(),
                vec![SourceKind::Interview],
                vec![SourceKind::ActionPlan]
            ),
            (
                RowKind::SteeringGroup,
                "lorenskog".to_string(),
                "prosjektleder Boligsosialt utviklingsprogram".to_string(),
                vec![SourceKind::ActionPlan],
                vec![SourceKind::Interview]
            ),
        ]
    );
    // Every shown item names its record and its source.
    for row in m.sections.iter().flat_map(|s| s.rows.iter()) {
        for c in &row.cells {
            for i in &c.items {
                assert!(!i.records.is_empty());
                if !matches!(i.text, Value::Message(ref m) if m.key.contains("dialogue-conference") || m.key.contains("gathering"))
                {
                    assert!(
                        i.sources.iter().any(|s| s.source == SourceKind::Interview),
                        "{:?}",
                        i.text
                    );
                }
            }
        }
    }
}

#[test]
fn the_data_collection_log_matches_the_report() {
    let doc = seed();
    let round = doc.round(&RoundId::new("delrapport-2010")).unwrap();
    let (collection, findings) = learning::collection(&doc, round);
    assert!(
        findings.is_empty(),
        "søknad, foranalyse and handlingsplan from all four"
    );
    assert_eq!(collection.len(), 5, "four municipalities and the funder");
    let funder = collection.iter().find(|c| c.participant.is_none()).unwrap();
    // «Tre intervjuer ble gjennomført med informanter i Husbanken» (001:282)
    assert_eq!(funder.interview_total, 3);
    let baerum = &collection[0];
    assert_eq!(baerum.groups, 3);
    assert_eq!(baerum.notes.len(), 1);
}

#[test]
fn the_2010_document_round_trips_through_json() {
    let doc = seed();
    let again = ProgrammeDocument::from_json(&doc.to_json()).unwrap();
    assert_eq!(again, doc);
}
