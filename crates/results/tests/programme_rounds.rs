//! Survey rounds inside a programme (issue 18), on both backends: five
//! municipalities' rounds run through the store as people would (roster,
//! round, every respondent's answers through their link, closing, the
//! coordinator's review), attached to the demo programme's participants;
//! the cross-municipality report from them states the engine's numbers
//! per municipality, suppresses small groups, and never shows a round of
//! a tenant not linked to the programme; survey figures as indicators are
//! the engine's.

use std::collections::HashMap;

use samspill_engine::build::{BuildOptions, Combine, NonRespondents, Threshold, build};
use samspill_engine::measures::components::largest_component;
use samspill_engine::model::{Frequency, Level};
use samspill_engine::survey::ContactType;
use samspill_i18n::Lang;
use samspill_programme::ids::ParticipantId;
use samspill_programme::model::{AttachedRound, IndicatorSource, RoundPurpose};
use samspill_results::programme::{self as rounds, Selection, round_ref};
use samspill_results::{Options, figures};
use samspill_store::testing::{PgCluster, sqlite_url};
use samspill_store::*;

const PASSWORD: &str = "correct horse battery staple";
const FUNCTIONS: [&str; 4] = [
    "Tildeling av bolig",
    "Tjenester i bolig",
    "Drift og vedlikehold",
    "Boligsosial planlegging",
];

async fn backends() -> Vec<(&'static str, Store)> {
    let mut out = Vec::new();
    let (_dir, url) = sqlite_url();
    out.push((
        "sqlite",
        Store::open(&StoreConfig::url(url)).await.expect("sqlite"),
    ));
    if let Some(pg) = PgCluster::shared() {
        out.push((
            "postgres",
            Store::open(&StoreConfig::url(pg.database()))
                .await
                .expect("postgres"),
        ));
    }
    out
}

/// One municipality as built here: its people, who answers, and what the
/// respondents rated.
struct Shape {
    slug: &'static str,
    name: &'static str,
    people: usize,
    /// The weekly chain is broken before this person (a separate part).
    cut: usize,
    /// Respondents giving a coordination rating (the rest say «don't know»).
    rated: usize,
}

const SHAPES: [Shape; 5] = [
    Shape {
        slug: "brattvik",
        name: "Brattvik kommune",
        people: 12,
        cut: 8,
        rated: 9,
    },
    Shape {
        slug: "strandoy",
        name: "Strandøy kommune",
        people: 10,
        cut: 10,
        rated: 7,
    },
    // Only three rate coordination: the mean is suppressed.
    Shape {
        slug: "lyngnes",
        name: "Lyngnes kommune",
        people: 9,
        cut: 4,
        rated: 3,
    },
    Shape {
        slug: "kvitfjord",
        name: "Kvitfjord kommune",
        people: 8,
        cut: 8,
        rated: 6,
    },
    Shape {
        slug: "fjellstad",
        name: "Fjellstad kommune",
        people: 11,
        cut: 6,
        rated: 8,
    },
];

fn responds(i: usize) -> bool {
    i % 4 != 3
}

fn person_name(slug: &str, i: usize) -> String {
    format!("Person{i} Etternavn{slug}")
}

async fn user(store: &Store, tenant: TenantId, email: &str, role: Role) -> AuthUser {
    store
        .create_user(Some(tenant), email, email, role, PASSWORD)
        .await
        .unwrap();
    store.verify_login(email, PASSWORD).await.unwrap().unwrap()
}

/// Runs one round of `s` through the store: the coordinator's roster and
/// round, each respondent's answers through their link, closing, review.
/// `only` limits the respondents (a small later round).
async fn run_round(
    store: &Store,
    tenant: &Tenant,
    s: &Shape,
    round_name: &str,
    only: Option<usize>,
) -> RoundId {
    let mut round = NewRound::standard(round_name, "nb");
    round.bodies = vec!["Formannskapet".into(), "Kommunestyret".into()];
    let id = tenant.create_round(&round).await.unwrap();
    tenant.open_round(id).await.unwrap();
    let persons: HashMap<String, PersonId> = tenant
        .persons()
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.email, p.id))
        .collect();
    let pid = |i: usize| persons[&format!("p{i}@{}.example", s.slug)];
    let index_of: HashMap<PersonId, usize> = (0..s.people).map(|i| (pid(i), i)).collect();
    let mut answered = Vec::new();
    let mut rated = 0;
    for link in tenant.invitation_links(id).await.unwrap() {
        let i = index_of[&link.invitation.person];
        if !responds(i) || only.is_some_and(|n| answered.len() >= n) {
            continue;
        }
        let resp = store.respondent(&link.token).await.unwrap();
        let view = resp.view().await.unwrap();
        // A chain of weekly contacts, broken at `cut`; every second person
        // also reports a daily contact two steps on.
        let mut freqs = Vec::new();
        if i + 1 < s.people && i + 1 != s.cut {
            freqs.push((pid(i + 1), Frequency::Weekly));
        }
        if i.is_multiple_of(2) && i + 2 < s.people && (i + 2 < s.cut || i >= s.cut) {
            freqs.push((pid(i + 2), Frequency::Daily));
        }
        let chosen: Vec<PersonId> = freqs.iter().map(|f| f.0).collect();
        resp.save_contacts("contact", &chosen).await.unwrap();
        resp.save_frequencies("contact", &freqs).await.unwrap();
        if i.is_multiple_of(3) {
            resp.save_political(&[(view.round.bodies[0].id, ContactType::GivesInformation)])
                .await
                .unwrap();
        }
        let value = if rated < s.rated {
            rated += 1;
            Some(1 + (i % 6) as u8)
        } else {
            None
        };
        resp.save_ratings(&[("coordination".to_string(), value)])
            .await
            .unwrap();
        if i.is_multiple_of(2) {
            resp.save_open(&[("strengths".into(), "Vi samarbeider godt.".into())])
                .await
                .unwrap();
        }
        resp.submit().await.unwrap();
        answered.push((link.invitation.id, i));
    }
    tenant.close_round(id).await.unwrap();
    for (inv, i) in answered {
        if i % 2 == 0 {
            tenant
                .review_open_answer(
                    id,
                    inv,
                    "strengths",
                    Some("cooperation"),
                    "Vi samarbeider godt.",
                    true,
                )
                .await
                .unwrap();
        }
    }
    id
}

struct World {
    store: Store,
    programme: ProgrammeId,
    funder: AuthUser,
    evaluator: AuthUser,
    coordinators: Vec<AuthUser>,
    tenants: Vec<TenantId>,
    /// The closed round of each municipality.
    closed: Vec<RoundId>,
    /// A later round of Kvitfjord with three respondents.
    small: RoundId,
    /// An open round of Brattvik.
    open: RoundId,
    /// A closed round of a tenant not linked to the programme.
    outside: RoundId,
}

async fn world(store: Store) -> World {
    let funder_t = store
        .create_tenant(&NewTenant::municipality("fondet", "Fondet", "nb"))
        .await
        .unwrap();
    let funder = user(&store, funder_t, "adviser@fondet.example", Role::Funder).await;
    let evaluator = user(&store, funder_t, "eval@fondet.example", Role::Evaluator).await;
    let tools = store.programmes(Actor::system("test"));
    let programme = tools
        .create(&samspill_programme::demo::programme(), None)
        .await
        .unwrap();
    tools
        .grant(programme, "adviser@fondet.example")
        .await
        .unwrap();
    tools.grant(programme, "eval@fondet.example").await.unwrap();
    let mut coordinators = Vec::new();
    let mut tenants = Vec::new();
    let mut closed = Vec::new();
    let mut small = None;
    let mut open = None;
    for (k, s) in SHAPES.iter().enumerate() {
        let t = store
            .create_tenant(&NewTenant::municipality(s.slug, s.name, "nb"))
            .await
            .unwrap();
        let coord = user(
            &store,
            t,
            &format!("koordinator@{}.example", s.slug),
            Role::Coordinator,
        )
        .await;
        let tenant = store.tenant(t).acting_as(Actor::User {
            id: coord.id,
            email: coord.email.clone(),
        });
        let roster: Vec<NewPerson> = (0..s.people)
            .map(|i| NewPerson {
                name: person_name(s.slug, i),
                email: format!("p{i}@{}.example", s.slug),
                unit: Some(if i < s.cut { "Bolig" } else { "Helse" }.into()),
                level: Some(Level::Professional),
                functions: vec![FUNCTIONS[i % FUNCTIONS.len()].into()],
            })
            .collect();
        tenant.import_roster(&roster).await.unwrap();
        closed.push(run_round(&store, &tenant, s, "Runde 2025", None).await);
        if k == 3 {
            small = Some(run_round(&store, &tenant, s, "Runde 2026", Some(3)).await);
        }
        if k == 0 {
            let r = tenant
                .create_round(&NewRound::standard("Runde 2026", "nb"))
                .await
                .unwrap();
            tenant.open_round(r).await.unwrap();
            open = Some(r);
        }
        tools
            .link(programme, &ParticipantId::new(s.slug), t)
            .await
            .unwrap();
        coordinators.push(coord);
        tenants.push(t);
    }
    // A municipality outside the programme with a closed round.
    let out_t = store
        .create_tenant(&NewTenant::municipality("utenfor", "Utenfor kommune", "nb"))
        .await
        .unwrap();
    let out_c = user(
        &store,
        out_t,
        "koordinator@utenfor.example",
        Role::Coordinator,
    )
    .await;
    let out_tenant = store.tenant(out_t).acting_as(Actor::User {
        id: out_c.id,
        email: out_c.email.clone(),
    });
    let shape = Shape {
        slug: "utenfor",
        name: "Utenfor kommune",
        people: 8,
        cut: 8,
        rated: 6,
    };
    let roster: Vec<NewPerson> = (0..shape.people)
        .map(|i| NewPerson {
            name: person_name(shape.slug, i),
            email: format!("p{i}@utenfor.example"),
            unit: None,
            level: None,
            functions: vec![FUNCTIONS[i % 4].into()],
        })
        .collect();
    out_tenant.import_roster(&roster).await.unwrap();
    let outside = run_round(&store, &out_tenant, &shape, "Utenfor 2025", None).await;
    World {
        store,
        programme,
        funder,
        evaluator,
        coordinators,
        tenants,
        closed,
        small: small.unwrap(),
        open: open.unwrap(),
        outside,
    }
}

/// Attaches `round` to participant `slug` as `who`.
async fn attach(
    w: &World,
    who: &AuthUser,
    slug: &str,
    round: RoundId,
    purpose: RoundPurpose,
) -> Result<i64, ProgrammeError> {
    let h = w.store.programme_for(who, w.programme).await?;
    h.modify(RecordKind::Participant, slug, None, |before| {
        let Some(Record::Participant(p)) = before else {
            return Err(StoreError::NotFound.into());
        };
        let mut p = p.clone();
        p.survey_rounds.push(AttachedRound {
            round: round_ref(round),
            purpose,
            phase: None,
            closed: None,
        });
        Ok(Record::Participant(p))
    })
    .await
}

/// The weekly network of a round as the engine builds it under the default
/// rules, straight from the store's frozen answers.
async fn engine_weekly(
    w: &World,
    k: usize,
) -> (usize, usize, usize, samspill_engine::build::Analysed) {
    let t = w.store.tenant(w.tenants[k]);
    let net = t.round_network(w.closed[k]).await.unwrap();
    let people = net.network.people.len();
    let respondents = net.network.people.iter().filter(|p| p.responded).count();
    let opts = BuildOptions {
        threshold: Threshold::WEEKLY,
        combine: Combine::Either,
        non_respondents: NonRespondents::Keep,
        ..BuildOptions::survey()
    };
    let an = build(&net.network, &opts).unwrap();
    let largest = largest_component(&an.graph).len();
    (people, respondents, largest, an)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_closed_rounds_of_the_linked_tenant_are_attached() {
    for (db, store) in backends().await {
        let w = world(store).await;
        let c0 = &w.coordinators[0];
        // The coordinator attaches their own closed round.
        attach(&w, c0, "brattvik", w.closed[0], RoundPurpose::Baseline)
            .await
            .unwrap_or_else(|e| panic!("{db}: {e}"));
        // Their open round is refused, and so is another tenant's round.
        assert!(
            matches!(
                attach(&w, c0, "brattvik", w.open, RoundPurpose::FollowUp).await,
                Err(ProgrammeError::RoundNotClosed(_))
            ),
            "{db}"
        );
        for other in [w.closed[1], w.outside] {
            assert!(
                matches!(
                    attach(&w, c0, "brattvik", other, RoundPurpose::FollowUp).await,
                    Err(ProgrammeError::UnknownRound(_))
                ),
                "{db}"
            );
        }
        // Another participant's record is not theirs; the evaluator writes
        // no participant; the funder's adviser may attach.
        assert!(
            attach(&w, c0, "strandoy", w.closed[1], RoundPurpose::Baseline)
                .await
                .is_err(),
            "{db}"
        );
        assert!(
            matches!(
                attach(
                    &w,
                    &w.evaluator,
                    "strandoy",
                    w.closed[1],
                    RoundPurpose::Baseline
                )
                .await,
                Err(ProgrammeError::Forbidden)
            ),
            "{db}"
        );
        attach(
            &w,
            &w.funder,
            "strandoy",
            w.closed[1],
            RoundPurpose::Baseline,
        )
        .await
        .unwrap();
        // Nothing refused was stored.
        let h = w.store.programme_for(&w.funder, w.programme).await.unwrap();
        let doc = h.document().await.unwrap();
        let refs: Vec<String> = doc
            .participant(&ParticipantId::new("brattvik"))
            .unwrap()
            .survey_rounds
            .iter()
            .map(|a| a.round.to_string())
            .collect();
        assert!(refs.contains(&w.closed[0].get().to_string()), "{db}");
        for bad in [w.open, w.closed[1], w.outside] {
            assert!(!refs.contains(&bad.get().to_string()), "{db}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cross_municipality_report_from_real_rounds_states_the_engines_numbers() {
    for (db, store) in backends().await {
        let w = world(store).await;
        for (k, s) in SHAPES.iter().enumerate() {
            let who = &w.coordinators[k];
            attach(&w, who, s.slug, w.closed[k], RoundPurpose::Baseline)
                .await
                .unwrap();
        }
        let h = w.store.programme_for(&w.funder, w.programme).await.unwrap();
        let doc = h.document().await.unwrap();
        let made = rounds::select(&h, &doc, &Selection::Attached)
            .await
            .unwrap();
        assert_eq!(made.rounds.len(), 5, "{db}");
        assert!(made.left_out.is_empty(), "{db}");
        let report = rounds::report(&doc.programme.name, Lang::Nb, &made).unwrap();
        let facts: serde_json::Value = serde_json::from_str(&report.facts_json).unwrap();
        let list = facts["municipalities"].as_array().unwrap();
        assert_eq!(list.len(), 5, "{db}");
        for (k, s) in SHAPES.iter().enumerate() {
            let m = list
                .iter()
                .find(|m| {
                    m["round"] == "Runde 2025"
                        && m["name"] == doc.participant(&ParticipantId::new(s.slug)).unwrap().name
                })
                .unwrap_or_else(|| panic!("{db}: {} missing", s.slug));
            let f = &m["facts"];
            let (people, respondents, largest, an) = engine_weekly(&w, k).await;
            // As built: every fourth person does not answer.
            assert_eq!(people, s.people, "{db}");
            assert_eq!(respondents, (0..s.people).filter(|&i| responds(i)).count());
            assert_eq!(f["people"], people, "{db} {}", s.slug);
            assert_eq!(f["respondents"], respondents, "{db} {}", s.slug);
            let rate = f["response_rate"].as_f64().unwrap();
            assert!((rate - 100.0 * respondents as f64 / people as f64).abs() < 1e-9);
            assert_eq!(f["weekly"]["largest"], largest, "{db} {}", s.slug);
            assert_eq!(
                f["weekly"]["ties"],
                an.graph.edge_count(),
                "{db} {}",
                s.slug
            );
            // The ratings as given: 1 + (i mod 6) from the first `rated`
            // respondents.
            let given: Vec<f64> = (0..s.people)
                .filter(|&i| responds(i))
                .take(s.rated)
                .map(|i| (1 + i % 6) as f64)
                .collect();
            let mean = given.iter().sum::<f64>() / given.len() as f64;
            assert!(
                (f["coordination"]["mean"].as_f64().unwrap() - mean).abs() < 1e-9,
                "{db} {}",
                s.slug
            );
            assert_eq!(f["coordination"]["n"], respondents, "{db}");
            // Political contact: respondents whose index is a multiple of 3.
            let political = (0..s.people).filter(|&i| responds(i) && i % 3 == 0).count();
            assert_eq!(f["political"]["with_contact"], political, "{db}");
            // The numbers equal the municipality's own report of the round.
            let t = w.store.tenant(w.tenants[k]);
            let data = samspill_results::load(&t, w.closed[k]).await.unwrap();
            let own = samspill_results::report(
                &data,
                &Options {
                    rules: data.rules,
                    lang: Lang::Nb,
                    named: false,
                },
            )
            .unwrap();
            let own: serde_json::Value = serde_json::from_str(&own.facts_json).unwrap();
            for key in [
                "people",
                "respondents",
                "response_rate",
                "coordination",
                "political",
            ] {
                assert_eq!(own[key], f[key], "{db} {} {key}", s.slug);
            }
            assert_eq!(own["weekly"]["largest"], f["weekly"]["largest"]);
            assert_eq!(
                own["weekly"]["builders_count"],
                f["weekly"]["builders_count"]
            );
        }
        // Lyngnes's three ratings are suppressed in Tabell 2; the others'
        // means are shown; nobody's name appears; the tenant outside the
        // programme does not.
        let html = &report.html;
        let inputs = rounds::inputs(&made, Lang::Nb).unwrap();
        let all: Vec<_> = inputs
            .iter()
            .map(|i| samspill_report::facts::Facts::compute(i).unwrap())
            .collect();
        let d = samspill_report::programme::document(&doc.programme.name, Lang::Nb, &inputs, &all);
        let t = samspill_i18n::Texts::new(Lang::Nb);
        let table = |caption: &str| -> Vec<Vec<String>> {
            d.blocks
                .iter()
                .find_map(|b| match b {
                    samspill_report::doc::Block::Table {
                        caption: c, rows, ..
                    } if c == caption => Some(rows.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("no table {caption}"))
        };
        let ratings = table(&t.get("report-prog-table-ratings"));
        for (k, s) in SHAPES.iter().enumerate() {
            let name = doc
                .participant(&ParticipantId::new(s.slug))
                .unwrap()
                .name
                .clone();
            let row = ratings.iter().find(|r| r[0] == name).unwrap();
            let given: Vec<f64> = (0..s.people)
                .filter(|&i| responds(i))
                .take(s.rated)
                .map(|i| (1 + i % 6) as f64)
                .collect();
            let mean = given.iter().sum::<f64>() / given.len() as f64;
            if s.rated < 5 {
                assert_eq!(row[1], "–", "{db}: {name} not suppressed");
            } else {
                assert_eq!(row[1], t.number(mean, 1), "{db}: {name} {k}");
            }
            assert!(html.contains(&name), "{db}");
        }
        // Political contact across municipalities: shares of respondents.
        let political = table(&t.get("pr-report-table-political"));
        assert_eq!(political.len(), 5, "{db}");
        for (k, s) in SHAPES.iter().enumerate() {
            let name = doc
                .participant(&ParticipantId::new(s.slug))
                .unwrap()
                .name
                .clone();
            let row = political.iter().find(|r| r[0] == name).unwrap();
            let n = all[k].respondents;
            let with = (0..s.people).filter(|&i| responds(i) && i % 3 == 0).count();
            assert_eq!(row[1], n.to_string(), "{db}");
            assert_eq!(
                row[2],
                samspill_report::summary::percent(&t, 100.0 * with as f64 / n as f64),
                "{db}"
            );
        }
        // Open-answer themes: every reviewed answer was «cooperation».
        let themes = table(&t.get("pr-report-table-themes"));
        let coop = themes
            .iter()
            .find(|r| r[0] == t.get("report-theme-cooperation"))
            .unwrap();
        for (k, s) in SHAPES.iter().enumerate() {
            let answers = (0..s.people).filter(|&i| responds(i) && i % 2 == 0).count();
            let shown = if answers < 5 {
                "–".to_string()
            } else {
                answers.to_string()
            };
            assert_eq!(coop[k + 1], shown, "{db}: {}", s.slug);
        }
        for s in SHAPES.iter().chain(std::iter::once(&Shape {
            slug: "utenfor",
            name: "",
            people: 8,
            cut: 0,
            rated: 0,
        })) {
            for i in 0..s.people {
                assert!(
                    !html.contains(&person_name(s.slug, i)),
                    "{db}: a name in the report"
                );
            }
        }
        assert!(!html.contains("Utenfor"), "{db}");
        assert!(!report.facts_json.contains("Utenfor"), "{db}");
        assert!(report.pdf.starts_with(b"%PDF"), "{db}");
        // Lyngnes: three ratings, the rest «don't know» (the mean is in the
        // facts but suppressed in the table).
        let lyngnes = list.iter().find(|m| m["name"] == "Lyngnes").unwrap();
        let n = lyngnes["facts"]["coordination"]["n"].as_u64().unwrap();
        assert_eq!(lyngnes["facts"]["coordination"]["dont_know"], n - 3, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn selections_leave_out_small_rounds_and_never_reach_outside_the_programme() {
    for (db, store) in backends().await {
        let w = world(store).await;
        let h = w
            .store
            .programme_for(&w.evaluator, w.programme)
            .await
            .unwrap();
        let doc = h.document().await.unwrap();
        // The latest closed round of Kvitfjord has three respondents: it is
        // left out, and said so.
        let latest = rounds::select(&h, &doc, &Selection::Latest).await.unwrap();
        assert_eq!(latest.rounds.len(), 4, "{db}");
        assert_eq!(latest.left_out.len(), 1, "{db}");
        assert_eq!(latest.left_out[0].respondents, 3, "{db}");
        assert!(latest.rounds.iter().all(|r| r.data.round.id != w.small));
        // Nothing attached yet: an empty report.
        let attached = rounds::select(&h, &doc, &Selection::Attached)
            .await
            .unwrap();
        assert!(attached.rounds.is_empty(), "{db}");
        // A chosen set: two rounds of the programme.
        let chosen = rounds::select(&h, &doc, &Selection::Chosen(vec![w.closed[0], w.closed[3]]))
            .await
            .unwrap();
        assert_eq!(chosen.rounds.len(), 2, "{db}");
        // A round outside the programme, or an open one, is not found.
        for bad in [w.outside, w.open] {
            assert!(
                matches!(
                    rounds::select(&h, &doc, &Selection::Chosen(vec![w.closed[0], bad])).await,
                    Err(samspill_results::ResultsError::Store(StoreError::NotFound))
                ),
                "{db}"
            );
        }
        // Every selection's rounds are the linked tenants'.
        for r in latest.rounds.iter().chain(&chosen.rounds) {
            assert!(w.tenants.contains(&r.tenant), "{db}");
        }
        // A coordinator reaches only their own tenant's rounds.
        let hc = w
            .store
            .programme_for(&w.coordinators[1], w.programme)
            .await
            .unwrap();
        let docc = hc.document().await.unwrap();
        let own = rounds::select(&hc, &docc, &Selection::Latest)
            .await
            .unwrap();
        assert_eq!(own.rounds.len(), 1, "{db}");
        assert_eq!(own.rounds[0].tenant, w.tenants[1], "{db}");
        assert!(
            rounds::closed_rounds(&hc, w.tenants[0]).await.is_err(),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn survey_figures_as_indicators_are_the_engines_across_rounds() {
    for (db, store) in backends().await {
        let w = world(store).await;
        let c = &w.coordinators[0];
        attach(&w, c, "brattvik", w.closed[0], RoundPurpose::Baseline)
            .await
            .unwrap();
        // The coordinator makes indicator i1 an E–I index.
        let h = w.store.programme_for(c, w.programme).await.unwrap();
        let key = "ei_index:tildeling:tjenester_i_bolig".to_string();
        h.modify(RecordKind::ActionPlan, "brattvik", None, |before| {
            let Some(Record::ActionPlan(a)) = before else {
                return Err(StoreError::NotFound.into());
            };
            let mut a = a.clone();
            let ind = a
                .versions
                .last_mut()
                .unwrap()
                .indicators
                .iter_mut()
                .next()
                .unwrap();
            ind.source = IndicatorSource::Survey {
                figure: key.clone(),
            };
            Ok(Record::ActionPlan(a))
        })
        .await
        .unwrap();
        let doc = h.document().await.unwrap();
        let keys = vec![
            key.clone(),
            "weekly_largest_component_share".to_string(),
            "nonrespondent_bridge_builders".to_string(),
            "response_rate".to_string(),
        ];
        let pid = ParticipantId::new("brattvik");
        let tracked = rounds::tracked(&h, &doc, &pid, w.tenants[0], &keys)
            .await
            .unwrap();
        // The demo's own reference and ours: only ours is a round.
        let ours = tracked
            .iter()
            .find(|t| t.info.is_some())
            .unwrap_or_else(|| panic!("{db}: no tracked round"));
        assert!(tracked.iter().filter(|t| t.info.is_some()).count() == 1);
        let value = |k: &str| ours.figures.iter().find(|f| f.figure == k).map(|f| f.value);
        let (people, respondents, largest, an) = engine_weekly(&w, 0).await;
        assert!(
            (value("weekly_largest_component_share").unwrap()
                - 100.0 * largest as f64 / people as f64)
                .abs()
                < 1e-9,
            "{db}"
        );
        assert!(
            (value("response_rate").unwrap() - 100.0 * respondents as f64 / people as f64).abs()
                < 1e-9,
            "{db}"
        );
        // E–I by hand over the engine's weekly graph: ties among holders of
        // the two functions, between minus within over all.
        let net = w
            .store
            .tenant(w.tenants[0])
            .round_network(w.closed[0])
            .await
            .unwrap();
        let f = |node: usize| {
            net.network.people[an.people[node]]
                .primary_function()
                .map(str::to_string)
        };
        let (mut e, mut i) = (0f64, 0f64);
        for (u, v, _) in an.graph.edges() {
            let (a, b) = (f(u), f(v));
            let ok = |x: &Option<String>| {
                matches!(
                    x.as_deref(),
                    Some("Tildeling av bolig" | "Tjenester i bolig")
                )
            };
            if ok(&a) && ok(&b) {
                if a == b { i += 1.0 } else { e += 1.0 }
            }
        }
        assert!(e + i > 0.0, "{db}");
        assert!(
            (value(&key).unwrap() - (e - i) / (e + i)).abs() < 1e-12,
            "{db}"
        );
        // Non-respondent bridge builders as the report counts them.
        let t = w.store.tenant(w.tenants[0]);
        let data = samspill_results::load(&t, w.closed[0]).await.unwrap();
        let own = samspill_results::report(
            &data,
            &Options {
                rules: data.rules,
                lang: Lang::Nb,
                named: false,
            },
        )
        .unwrap();
        let own: serde_json::Value = serde_json::from_str(&own.facts_json).unwrap();
        assert_eq!(
            value("nonrespondent_bridge_builders").unwrap(),
            own["weekly"]["non_respondent_builders_count"]
                .as_f64()
                .unwrap(),
            "{db}"
        );
        // The programme's rules see the figure as the indicator's value.
        let sf: Vec<_> = tracked.iter().flat_map(|t| t.figures.clone()).collect();
        let plan = doc.action_plan(&pid).unwrap();
        let ind = &plan.versions.last().unwrap().indicators[0];
        let values = samspill_programme::rules::coherence::indicator_values(&pid, ind, &sf);
        assert!(
            values
                .iter()
                .any(|(_, v)| (*v - value(&key).unwrap()).abs() < 1e-12),
            "{db}"
        );
        // Unknown keys compute nothing.
        assert!(figures::FigureKey::parse("ei_index:tildeling").is_none());
    }
}
