//! Survey rounds inside the programme through the pages (issue 18), on
//! SQLite and PostgreSQL: attaching a participant's closed rounds to its
//! phases (the coordinator of its tenant and the funder's adviser; refused
//! with a translated reason otherwise), survey figures chosen as
//! indicators and tracked, and the cross-municipality report from real
//! closed rounds for the funder's adviser and the evaluator (page, HTML
//! and PDF), pseudonymised and without tenants outside the programme.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_seed::Extras;

struct World {
    e: Env,
    id: i64,
    funder: (String, String),
    evaluator: (String, String),
    brattvik: (String, String),
    strandoy: (String, String),
    /// Brattvik's closed rounds (first, second) and open round.
    rounds: (i64, i64, i64),
    /// Strandøy's closed round.
    strandoy_round: i64,
    /// A closed round of a municipality outside the programme.
    outside_round: i64,
    /// Every roster name of the seeded municipalities.
    names: Vec<String>,
}

/// Brattvik (two closed rounds and an open one) and Strandøy (one closed
/// round) seeded through the product's APIs and linked to the demo
/// programme; «Utenfor», seeded the same way, is not in it.
async fn world(url: &str) -> World {
    let e = env(url, None).await;
    let demo = samspill_synth::demo_programme();
    let b = samspill_seed::municipality(
        &e.store,
        &demo[0],
        PASSWORD,
        Extras {
            second_round: true,
            open_round: true,
        },
    )
    .await
    .unwrap();
    let s = samspill_seed::municipality(&e.store, &demo[1], PASSWORD, Extras::default())
        .await
        .unwrap();
    let mut outside = demo[2].clone();
    outside.spec.slug = "utenfor".into();
    outside.spec.name = "Utenfor".into();
    let o = samspill_seed::municipality(&e.store, &outside, PASSWORD, Extras::default())
        .await
        .unwrap();
    let seeded = samspill_seed::programme(&e.store, PASSWORD).await.unwrap();
    assert_eq!(seeded.linked.len(), 2);
    // The demo attaches each municipality's real closed rounds: the
    // earliest as baseline (also the pre-analysis's), the latest as
    // follow-up; then these tests start from nothing attached.
    let handle = e
        .store
        .programmes(samspill_store::Actor::system("test"))
        .handle(seeded.id)
        .await
        .unwrap();
    let doc = handle.export().await.unwrap();
    for p in &doc.participants {
        let rounds: Vec<(String, samspill_programme::model::RoundPurpose)> = p
            .survey_rounds
            .iter()
            .map(|r| (r.round.as_str().to_string(), r.purpose))
            .collect();
        let baseline = p
            .pre_analysis
            .as_ref()
            .and_then(|a| a.baseline_round.as_ref())
            .map(|r| r.as_str().to_string());
        use samspill_programme::model::RoundPurpose::{Baseline, FollowUp};
        match p.id.as_str() {
            "brattvik" => {
                assert_eq!(
                    rounds,
                    [
                        (b.first_round.get().to_string(), Baseline),
                        (b.closed_round.get().to_string(), FollowUp)
                    ]
                );
                assert_eq!(baseline, Some(b.first_round.get().to_string()));
            }
            "strandoy" => {
                assert_eq!(rounds, [(s.closed_round.get().to_string(), Baseline)]);
            }
            _ => assert!(rounds.is_empty() && baseline.is_none(), "{}", p.id.as_str()),
        }
    }
    clear_attached_rounds(&e.store, seeded.id).await;
    let mut names = Vec::new();
    for slug in ["brattvik", "strandoy", "utenfor"] {
        let t = e.store.tenant_by_slug(slug).await.unwrap();
        for p in e.store.tenant(t).persons().await.unwrap() {
            names.push(p.name);
        }
    }
    World {
        id: seeded.id.get(),
        funder: login_as(&e.state, &seeded.funder).await,
        evaluator: login_as(&e.state, &seeded.evaluator).await,
        brattvik: login_as(&e.state, &b.login).await,
        strandoy: login_as(&e.state, &s.login).await,
        rounds: (
            b.first_round.get(),
            b.closed_round.get(),
            b.open_round.unwrap().0.get(),
        ),
        strandoy_round: s.closed_round.get(),
        outside_round: o.closed_round.get(),
        names,
        e,
    }
}

fn c(u: &(String, String)) -> Option<&str> {
    Some(u.0.as_str())
}

/// The value of hidden field `field` of the form posting to `action`.
fn hidden(body: &str, action: &str, field: &str) -> String {
    let i = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form to {action}"));
    let pat = format!("name=\"{field}\" value=\"");
    let j = body[i..].find(&pat).expect("field") + i + pat.len();
    body[j..].split('"').next().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rounds_are_attached_from_the_participant_page_and_refused_with_reasons() {
    for (db, url) in database_urls() {
        let w = world(&url).await;
        let s = &w.e.state;
        let page = format!("/programmes/{}/participants/brattvik/rounds", w.id);
        let attach = format!("{page}/attach");
        // The coordinator sees their closed rounds offered, not the open one.
        let r = get(s, &page, c(&w.brattvik)).await;
        assert_eq!(r.status, StatusCode::OK, "{db}: {}", r.body);
        assert!(
            r.body.contains(&format!("value=\"{}\"", w.rounds.0)),
            "{db}"
        );
        assert!(
            !r.body
                .contains(&format!("<option value=\"{}\"", w.rounds.2)),
            "{db}"
        );
        let rev = hidden(&r.body, &attach, "rev");
        let (first, second, open) = (
            w.rounds.0.to_string(),
            w.rounds.1.to_string(),
            w.rounds.2.to_string(),
        );
        // Refused, each with its reason in Brattvik's language (nynorsk),
        // nothing changed: the open round, another municipality's round, no
        // purpose.
        let nn = samspill_i18n::Texts::new(samspill_i18n::Lang::Nn);
        for (round, purpose, key) in [
            (open.as_str(), "baseline", "pr-error-not-closed"),
            (
                &w.outside_round.to_string(),
                "baseline",
                "pw-error-unknown-round",
            ),
            (
                &w.strandoy_round.to_string(),
                "baseline",
                "pw-error-unknown-round",
            ),
            (first.as_str(), "sometime", "pr-error-purpose"),
        ] {
            let text = nn.get(key);
            let r = post(
                s,
                &attach,
                c(&w.brattvik),
                &[
                    ("csrf", &w.brattvik.1),
                    ("rev", &rev),
                    ("round", round),
                    ("purpose", purpose),
                    ("phase", ""),
                ],
            )
            .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{db}: {round}: {}",
                r.body
            );
            assert!(r.body.contains(&text), "{db}: {round}: {}", r.body);
        }
        // The baseline in the preparatory phase, a follow-up in
        // implementation (the funder's adviser attaches that one).
        let r = post_follow(
            s,
            &attach,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("round", &first),
                ("purpose", "baseline"),
                ("phase", "preparatory"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{db}");
        assert!(r.body.contains("Nullpunktsmåling"), "{db}");
        let rev = hidden(&r.body, &attach, "rev");
        let f = get(s, &page, c(&w.funder)).await;
        assert_eq!(f.status, StatusCode::OK, "{db}");
        let r = post_follow(
            s,
            &attach,
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("rev", &rev),
                ("round", &second),
                ("purpose", "follow_up"),
                ("phase", "implementation"),
            ],
        )
        .await;
        assert!(r.body.contains("Oppfølgingsmåling"), "{db}");
        // The stale revision is refused.
        let r = post(
            s,
            &attach,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("round", &first),
                ("purpose", "baseline"),
                ("phase", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        // The evaluator reads the page but attaches nothing; another
        // municipality's coordinator does not see it.
        let r = get(s, &page, c(&w.evaluator)).await;
        assert_eq!(r.status, StatusCode::OK, "{db}");
        assert!(!r.body.contains(&attach), "{db}");
        // Every closed round is attached now: no form to attach, the
        // detach forms carry the revision.
        let detach = format!("{page}/detach");
        let rev = hidden(&get(s, &page, c(&w.brattvik)).await.body, &detach, "rev");
        let r = post(
            s,
            &attach,
            c(&w.evaluator),
            &[
                ("csrf", &w.evaluator.1),
                ("rev", &rev),
                ("round", &first),
                ("purpose", "baseline"),
                ("phase", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        assert_eq!(
            get(s, &page, c(&w.strandoy)).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        // Detach the follow-up again.
        let r = get(s, &page, c(&w.brattvik)).await;
        assert!(!r.body.contains("id=\"attach-form\""), "{db}");
        let rev = hidden(&r.body, &detach, "rev");
        let r = post_follow(
            s,
            &detach,
            c(&w.brattvik),
            &[("csrf", &w.brattvik.1), ("rev", &rev), ("round", &second)],
        )
        .await;
        assert!(
            !r.body
                .contains(&format!("name=\"round\" value=\"{second}\"")),
            "{db}"
        );
        assert!(
            r.body.contains(&format!("<option value=\"{second}\"")),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_survey_figure_is_chosen_as_indicator_and_tracked() {
    for (db, url) in database_urls() {
        let w = world(&url).await;
        let s = &w.e.state;
        let page = format!("/programmes/{}/participants/brattvik/rounds", w.id);
        let r = get(s, &page, c(&w.brattvik)).await;
        let rev = hidden(&r.body, &format!("{page}/attach"), "rev");
        post_follow(
            s,
            &format!("{page}/attach"),
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("round", &w.rounds.1.to_string()),
                ("purpose", "follow_up"),
                ("phase", "implementation"),
            ],
        )
        .await;
        let r = get(s, &page, c(&w.brattvik)).await;
        let action = format!("/programmes/{}/participants/brattvik/indicators", w.id);
        let plan_rev = hidden(&r.body, &action, "plan_rev");
        // Two equal functions are refused.
        let bad = post(
            s,
            &action,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("plan_rev", &plan_rev),
                ("indicator", "i1"),
                ("figure", "ei_index"),
                ("function_a", "tildeling"),
                ("function_b", "tildeling"),
            ],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let nn = samspill_i18n::Texts::new(samspill_i18n::Lang::Nn);
        assert!(bad.body.contains(&nn.get("pr-error-two-functions")), "{db}");
        let r = post_follow(
            s,
            &action,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("plan_rev", &plan_rev),
                ("indicator", "i1"),
                ("figure", "nonrespondent_bridge_builders"),
                ("function_a", ""),
                ("function_b", ""),
            ],
        )
        .await;
        let label = nn.get("pr-figure-nonrespondent-bridge-builders");
        assert!(r.body.contains(&label), "{db}");
        // The tracked value is the engine's, as the round's report states it.
        let t = w.e.store.tenant_by_slug("brattvik").await.unwrap();
        let data = samspill_results::load(
            &w.e.store.tenant(t),
            samspill_store::RoundId::from_raw(w.rounds.1),
        )
        .await
        .unwrap();
        let rep = samspill_results::report(
            &data,
            &samspill_results::Options {
                rules: data.rules,
                lang: samspill_i18n::Lang::Nb,
                named: false,
            },
        )
        .unwrap();
        let facts: serde_json::Value = serde_json::from_str(&rep.facts_json).unwrap();
        let n = facts["weekly"]["non_respondent_builders_count"]
            .as_u64()
            .unwrap();
        let tracked = &r.body[r.body.find("id=\"tracked\"").expect("tracked table")..];
        let row = &tracked[tracked.find(&label).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains(&format!("<td>{n}</td>")), "{db}: {row}");
        // The funder's adviser cannot change the plan.
        let r = post(
            s,
            &action,
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("plan_rev", ""),
                ("indicator", "i1"),
                ("figure", "response_rate"),
                ("function_a", ""),
                ("function_b", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cross_municipality_report_page_and_downloads() {
    for (db, url) in database_urls() {
        let w = world(&url).await;
        let s = &w.e.state;
        let base = format!("/programmes/{}/survey-report", w.id);
        for who in [&w.funder, &w.evaluator] {
            let r = get(s, &format!("{base}?set=latest"), c(who)).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {}", r.body);
            assert!(
                r.body.contains("Brattvik") && r.body.contains("Strandøy"),
                "{db}"
            );
            assert!(!r.body.contains("Utenfor"), "{db}");
            for n in &w.names {
                assert!(!r.body.contains(n.as_str()), "{db}: the name {n} is shown");
            }
            assert!(
                r.body.contains(&format!("value=\"{}\"", w.rounds.0)),
                "{db}"
            );
        }
        // Nothing attached: no report, said so.
        let r = get(s, &base, c(&w.funder)).await;
        assert!(r.body.contains("id=\"no-rounds\""), "{db}");
        // A chosen set; a round outside the programme is not found.
        let r = get(
            s,
            &format!("{base}?set=chosen&round={}", w.rounds.0),
            c(&w.funder),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{db}");
        let report = &r.body[r.body.find("report-embed").expect("the report")..];
        assert!(
            report.contains("Brattvik") && !report.contains("Strandøy"),
            "{db}"
        );
        let r = get(
            s,
            &format!("{base}?set=chosen&round={}", w.outside_round),
            c(&w.funder),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
        let r = get(s, &format!("{base}?set=chosen&round=x"), c(&w.funder)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{db}");
        // Downloads.
        let pdf = get(s, &format!("{base}.pdf?set=latest"), c(&w.evaluator)).await;
        assert_eq!(pdf.status, StatusCode::OK, "{db}");
        assert!(pdf.bytes().starts_with(b"%PDF"), "{db}");
        let html = get(s, &format!("{base}.html?set=latest"), c(&w.funder)).await;
        assert_eq!(html.status, StatusCode::OK, "{db}");
        assert!(html.body.contains("Strandøy"), "{db}");
        let none = get(s, &format!("{base}.pdf"), c(&w.funder)).await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        // Coordinators do not get the cross-municipality report.
        let r = get(s, &format!("{base}?set=latest"), c(&w.brattvik)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
    }
}
