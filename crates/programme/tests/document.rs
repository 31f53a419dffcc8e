//! The JSON document: bad input is refused with the path of the bad field,
//! bounded input stays bounded, and documents round-trip.

use proptest::prelude::*;
use samspill_programme::date::Date;
use samspill_programme::demo;
use samspill_programme::document::{MAX_DOCUMENT_BYTES, MAX_TEXT_CHARS, Problem};
use samspill_programme::{DocumentErrors, ProgrammeDocument};
use serde_json::{Value, json};

fn demo_value() -> Value {
    serde_json::to_value(demo::programme()).unwrap()
}

fn errors(v: Value) -> Vec<(String, Problem)> {
    ProgrammeDocument::from_value(v)
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| (e.path, e.problem))
        .collect()
}

fn first(v: Value) -> (String, Problem) {
    errors(v).remove(0)
}

#[test]
fn syntax_and_format_errors_say_where() {
    let e = ProgrammeDocument::from_json(b"{\n  \"format\": \"samspill-programme\",\n  oops\n}")
        .unwrap_err();
    assert!(
        matches!(e.0[0].problem, Problem::Syntax { line: 3, .. }),
        "{e}"
    );
    let e = ProgrammeDocument::from_json(b"[1, 2]").unwrap_err();
    assert!(matches!(e.0[0].problem, Problem::Invalid { .. }));
    let mut v = demo_value();
    v["format"] = json!("samspill-network");
    assert_eq!(
        first(v),
        (
            "format".into(),
            Problem::WrongFormat {
                found: "samspill-network".into()
            }
        )
    );
    let mut v = demo_value();
    v["version"] = json!(2);
    assert!(matches!(first(v), (p, Problem::UnsupportedVersion { .. }) if p == "version"));
    let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
    assert!(matches!(
        ProgrammeDocument::from_json(&big).unwrap_err().0[0].problem,
        Problem::TooLarge { .. }
    ));
}

#[test]
fn a_wrong_value_names_its_path() {
    let mut v = demo_value();
    v["participants"][2]["path"]["phases"][1]["actual_start"] = json!("2025-02-30");
    let (path, p) = first(v);
    assert_eq!(path, "participants[2].path.phases[1].actual_start");
    assert!(matches!(p, Problem::Invalid { detail } if detail.contains("YYYY-MM-DD")));
    let mut v = demo_value();
    v["organisations"][0]["bodies"][0]["members"][1]["level"] = json!("mayor");
    let (path, p) = first(v);
    assert_eq!(path, "organisations[0].bodies[0].members[1].level");
    assert!(matches!(p, Problem::Invalid { detail } if detail.contains("unknown variant")));
    let mut v = demo_value();
    v["programme"]["funder"]["nmae"] = json!("typo");
    let (path, p) = first(v);
    assert_eq!(path, "programme.funder.nmae");
    assert!(matches!(p, Problem::Invalid { detail } if detail.contains("unknown field")));
    let mut v = demo_value();
    v["reports"][0].as_object_mut().unwrap().remove("year");
    let (path, p) = first(v);
    assert_eq!(path, "reports[0]");
    assert!(matches!(p, Problem::Invalid { detail } if detail.contains("missing field `year`")));
}

#[test]
fn references_and_ids_are_checked() {
    let mut v = demo_value();
    v["organisations"][1]["participant"] = json!("atlantis");
    assert_eq!(
        first(v),
        (
            "organisations[1].participant".into(),
            Problem::UnknownReference {
                kind: "participant".into(),
                id: "atlantis".into()
            }
        )
    );
    let mut v = demo_value();
    v["participants"][3]["id"] = json!("brattvik");
    let e = errors(v);
    assert!(e.contains(&(
        "participants[3].id".into(),
        Problem::Duplicate {
            id: "brattvik".into(),
            first: "participants[0].id".into()
        }
    )));
    let mut v = demo_value();
    v["action_plans"][0]["versions"][0]["measures"][0]["goals"] = json!(["g9"]);
    assert_eq!(
        first(v),
        (
            "action_plans[0].versions[0].measures[0].goals[0]".into(),
            Problem::UnknownReference {
                kind: "goal".into(),
                id: "g9".into()
            }
        )
    );
    let mut v = demo_value();
    // g1 under g1.1 under g1: a cycle.
    v["action_plans"][0]["versions"][0]["goals"][0]["parent"] = json!("g1.1");
    assert!(errors(v).iter().any(|(_, p)| *p == Problem::GoalCycle));
    let mut v = demo_value();
    v["participants"][0]["path"]["phases"][1]["gates"][0]["gate"] = json!("moon_landing");
    assert_eq!(
        first(v),
        (
            "participants[0].path.phases[1].gates[0].gate".into(),
            Problem::UnknownReference {
                kind: "gate".into(),
                id: "moon_landing".into()
            }
        )
    );
    let mut v = demo_value();
    v["evaluation_rounds"][0]["sign_offs"][0]["participant"] = json!("nowhere");
    assert!(
        matches!(first(v), (p, Problem::UnknownReference { .. }) if p == "evaluation_rounds[0].sign_offs[0].participant")
    );
}

#[test]
fn meaning_is_checked_too() {
    let mut v = demo_value();
    v["participants"][0]["path"]["phases"][0]["actual_end"] = json!("2020-01-01");
    assert!(
        matches!(first(v), (p, Problem::DateOrder { .. }) if p == "participants[0].path.phases[0].actual_end")
    );
    let mut v = demo_value();
    v["assessments"][0]["evidence"][0]["fact"] =
        json!({"type": "plan_anchoring", "plan": "financial_plan", "status": "planned"});
    assert!(
        matches!(first(v), (p, Problem::FactOutsideDimension { .. }) if p == "assessments[0].evidence[0].fact")
    );
    let mut v = demo_value();
    v["assessments"][0]["evidence"][0] = json!({"fact": {"type": "note"}});
    assert_eq!(
        first(v),
        (
            "assessments[0].evidence[0].wording".into(),
            Problem::NoteWithoutWording
        )
    );
    let mut v = demo_value();
    v["programme"]["phase_models"][0]["phases"][0]["key"] = json!("dreaming");
    assert!(
        matches!(first(v), (p, Problem::LabelNeeded { .. }) if p == "programme.phase_models[0].phases[0].label")
    );
    let mut v = demo_value();
    v["programme"]["lang"] = json!("sv");
    assert_eq!(
        first(v),
        (
            "programme.lang".into(),
            Problem::UnknownLanguage { lang: "sv".into() }
        )
    );
    let mut v = demo_value();
    v["organisations"][0]["bodies"][0]["members"][0] = json!({"level": "professional"});
    assert_eq!(
        first(v),
        (
            "organisations[0].bodies[0].members[0]".into(),
            Problem::MemberUnnamed
        )
    );
    let mut v = demo_value();
    v["action_plans"][0]["versions"][0]["indicators"][0]["source"]["figure"] =
        json!("Weekly Share!");
    assert!(
        matches!(first(v), (p, Problem::BadFigureKey { .. }) if p == "action_plans[0].versions[0].indicators[0].source.figure")
    );
    let mut v = demo_value();
    v["programme"]["reporting"] = json!({"half_year_due": {"month": 3, "day": 1}});
    assert!(
        matches!(first(v), (p, Problem::OutOfRange { .. }) if p == "programme.reporting.half_year_due.month")
    );
    let mut v = demo_value();
    v["participants"][0]["name"] = json!("  ");
    assert_eq!(first(v), ("participants[0].name".into(), Problem::Empty));
}

#[test]
fn hostile_texts_and_lists_are_refused_without_panic() {
    let mut v = demo_value();
    v["participants"][0]["name"] = json!("x".repeat(MAX_TEXT_CHARS + 1));
    assert!(matches!(first(v), (p, Problem::TooLong { .. }) if p == "participants[0].name"));
    let mut v = demo_value();
    v["participants"][0]["name"] = json!("Brattvik\u{0007}");
    assert_eq!(
        first(v),
        ("participants[0].name".into(), Problem::ControlCharacter)
    );
    let mut v = demo_value();
    v["learning_log"] = json!(vec![json!(1); 20_001]);
    assert!(matches!(first(v), (p, Problem::TooMany { .. }) if p == "learning_log"));
    // Deep nesting stops at serde_json's recursion limit, as an error.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(ProgrammeDocument::from_json(deep.as_bytes()).is_err());
    // Many problems are reported, up to the limit.
    let mut v = demo_value();
    for p in v["participants"].as_array_mut().unwrap() {
        p["name"] = json!("");
    }
    assert_eq!(errors(v).len(), 5);
}

#[test]
fn errors_read_as_messages() {
    let mut v = demo_value();
    v["organisations"][1]["participant"] = json!("atlantis");
    let e: DocumentErrors = ProgrammeDocument::from_value(v).unwrap_err();
    assert_eq!(
        e.0[0].to_string(),
        "organisations[1].participant: refers to participant \"atlantis\", which does not exist"
    );
    let m = e.0[0].message();
    assert_eq!(m.key, "programme-error-unknown-reference");
    assert_eq!(
        m.args["id"],
        samspill_programme::Value::Text("atlantis".into())
    );
}

#[test]
fn documents_round_trip() {
    {
        let doc = demo::programme();
        let json = doc.to_json();
        let back = ProgrammeDocument::from_json(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.to_json(), json, "byte for byte");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any bytes either read as a valid document or give errors; never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = ProgrammeDocument::from_json(&bytes);
    }

    /// Changing one date of the demo to any date keeps the document
    /// readable or refuses it with a path; the ones it reads round-trip.
    #[test]
    fn perturbed_dates_round_trip_or_are_refused(days in -3000i64..3000, which in 0usize..5) {
        let mut v = demo_value();
        let date = Date::parse("2025-01-01").unwrap().add_days(days).to_string();
        let slot = match which {
            0 => &mut v["participants"][0]["admitted"],
            1 => &mut v["participants"][1]["path"]["phases"][1]["actual_start"],
            2 => &mut v["reports"][0]["submitted"],
            3 => &mut v["evaluation_rounds"][0]["as_of"],
            _ => &mut v["assessments"][0]["date"],
        };
        *slot = json!(date);
        match ProgrammeDocument::from_value(v) {
            Ok(doc) => {
                let back = ProgrammeDocument::from_json(&doc.to_json()).unwrap();
                prop_assert_eq!(back, doc);
            }
            Err(e) => prop_assert!(e.0.iter().all(|x| !x.path.is_empty())),
        }
    }
}
