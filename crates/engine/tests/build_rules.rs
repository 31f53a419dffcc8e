//! The combination rule, threshold and non-respondent rules, on small
//! hand-made survey rounds whose right answers are worked out by hand.

use samspill_engine::analysis::AnalysisOptions;
use samspill_engine::build::{BuildError, BuildOptions, Combine, NonRespondents, Threshold};
use samspill_engine::model::{Network, Person, Relation, Tie};
use samspill_engine::{analyze, build, waves};

/// Four people. A and B report each other (3 and 2); A reports C weekly (2)
/// but C, who answered, did not name A; D did not answer, B reports D daily.
fn round() -> Network {
    let mut people: Vec<Person> = ["A", "B", "C", "D"]
        .iter()
        .map(|id| Person::new(*id, *id))
        .collect();
    people[3].responded = false;
    let ties = vec![
        Tie::arc(0, 1, 3.0),
        Tie::arc(1, 0, 2.0),
        Tie::arc(0, 2, 2.0),
        Tie::arc(1, 3, 3.0),
    ];
    Network {
        name: "round".into(),
        people,
        relations: vec![Relation {
            name: "contact".into(),
            ties,
        }],
        ..Network::default()
    }
}

fn opts(combine: Combine, threshold: Threshold) -> BuildOptions {
    BuildOptions {
        combine,
        threshold,
        ..BuildOptions::survey()
    }
}

fn ties(net: &Network, o: &BuildOptions) -> Vec<(String, String, f64)> {
    let an = build(net, o).unwrap();
    an.graph
        .edges()
        .map(|(u, v, w)| {
            (
                net.people[an.people[u]].id.clone(),
                net.people[an.people[v]].id.clone(),
                w,
            )
        })
        .collect()
}

#[test]
fn either_takes_the_larger_report() {
    let net = round();
    let got = ties(&net, &opts(Combine::Either, Threshold::All));
    assert_eq!(
        got,
        vec![
            ("A".into(), "B".into(), 3.0),
            ("A".into(), "C".into(), 2.0),
            ("B".into(), "D".into(), 3.0)
        ]
    );
    let an = build(&net, &opts(Combine::Either, Threshold::All)).unwrap();
    assert_eq!(
        (an.ties.confirmed, an.ties.one_sided, an.ties.reconstructed),
        (1, 1, 1)
    );
    assert_eq!(an.ties.reports, 4);
    assert!(!an.graph.is_directed());
}

#[test]
fn both_needs_two_reports_but_reconstructs_non_respondents() {
    let net = round();
    let an = build(&net, &opts(Combine::Both, Threshold::All)).unwrap();
    let got = ties(&net, &opts(Combine::Both, Threshold::All));
    // A–B confirmed with the smaller value; A–C dropped (C answered and did
    // not confirm); B–D kept by reconstruction (D did not answer).
    assert_eq!(
        got,
        vec![("A".into(), "B".into(), 2.0), ("B".into(), "D".into(), 3.0)]
    );
    assert_eq!(an.ties.unconfirmed_dropped, 1);
    assert_eq!(an.ties.reconstructed, 1);
}

#[test]
fn mean_averages_the_reports_given() {
    let got = ties(&round(), &opts(Combine::Mean, Threshold::All));
    assert_eq!(got[0], ("A".into(), "B".into(), 2.5));
    assert_eq!(got.len(), 3);
}

#[test]
fn thresholds_cut_on_the_combined_value() {
    let net = round();
    assert_eq!(
        ties(&net, &opts(Combine::Either, Threshold::DAILY)).len(),
        2
    );
    assert_eq!(
        ties(&net, &opts(Combine::Either, Threshold::WEEKLY)).len(),
        3
    );
    // Under *both*, A–B is weekly (min 2), so the daily view loses it.
    assert_eq!(
        ties(&net, &opts(Combine::Both, Threshold::DAILY)),
        vec![("B".into(), "D".into(), 3.0)]
    );
    let an = build(&net, &opts(Combine::Either, Threshold::DAILY)).unwrap();
    assert_eq!(an.ties.below_threshold, 1);
}

#[test]
fn dropping_non_respondents_drops_their_ties() {
    let net = round();
    let o = BuildOptions {
        non_respondents: NonRespondents::Drop,
        ..opts(Combine::Either, Threshold::All)
    };
    let an = build(&net, &o).unwrap();
    assert_eq!(an.graph.node_count(), 3);
    assert_eq!(an.graph.edge_count(), 2);
    let res = analyze(&net, &an, &AnalysisOptions::default());
    assert_eq!(res.graph.non_respondents, 0);
}

#[test]
fn keep_leaves_arcs_directed() {
    let net = round();
    let an = build(&net, &opts(Combine::Keep, Threshold::All)).unwrap();
    assert!(an.graph.is_directed());
    assert_eq!(an.graph.edge_count(), 4);
    let res = analyze(&net, &an, &AnalysisOptions::default());
    // A→B and B→A reciprocated: 2 of 4 arcs.
    assert_eq!(res.graph.reciprocity, Some(Some(0.5)));
}

#[test]
fn weighted_analysis_refuses_non_positive_values() {
    let mut net = round();
    net.relations[0].ties.push(Tie::arc(2, 3, 0.0));
    let o = BuildOptions {
        weighted: true,
        ..opts(Combine::Either, Threshold::All)
    };
    let err = build(&net, &o).unwrap_err();
    assert!(matches!(err, BuildError::NonPositiveWeight { .. }));
    assert!(err.to_string().contains("C → D"), "{err}");
    // Raising the threshold removes the 0 ("rarer") tie and it works.
    let o = BuildOptions {
        weighted: true,
        ..opts(Combine::Either, Threshold::MONTHLY)
    };
    assert!(build(&net, &o).is_ok());
}

#[test]
fn unknown_relation_names_the_ones_there_are() {
    let o = BuildOptions {
        relation: Some("advice".into()),
        ..BuildOptions::survey()
    };
    let err = build(&round(), &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no relation named \"advice\"; the relations are: contact"
    );
}

#[test]
fn undefined_values_are_null_not_zero() {
    let net = round();
    let an = build(&net, &opts(Combine::Either, Threshold::DAILY)).unwrap();
    let res = analyze(&net, &an, &AnalysisOptions::default());
    // C is isolated in the daily view: constraint undefined; the graph is
    // disconnected: eigenvector undefined for everyone.
    let c = &res.nodes[2];
    assert_eq!(c.constraint, Some(None));
    assert_eq!(c.effective_size, Some(None));
    assert!(res.nodes.iter().all(|n| n.eigenvector == Some(None)));
    let json = serde_json::to_string(&res).unwrap();
    assert!(!json.contains("NaN"));
}

#[test]
fn waves_match_people_by_id() {
    let first = round();
    let mut second = round();
    // D left, E joined; C now names A back; B no longer reports D.
    second.people.remove(3);
    second.people.push(Person::new("E", "E"));
    second.relations[0].ties = vec![
        Tie::arc(0, 1, 3.0),
        Tie::arc(2, 0, 2.0),
        Tie::arc(3, 1, 2.0),
    ];
    let o = opts(Combine::Either, Threshold::All);
    let (a, b) = (build(&first, &o).unwrap(), build(&second, &o).unwrap());
    let (ra, rb) = (
        analyze(&first, &a, &AnalysisOptions::default()),
        analyze(&second, &b, &AnalysisOptions::default()),
    );
    let cmp = waves::compare((&a, &ra), (&b, &rb));
    assert_eq!(cmp.joined, vec!["E".to_string()]);
    assert_eq!(cmp.left, vec!["D".to_string()]);
    assert_eq!(cmp.stayed, 3);
    // A–B and A–C kept; ties with D or E are not compared.
    assert_eq!(cmp.ties_kept, 2);
    assert!(cmp.ties_gained.is_empty() && cmp.ties_lost.is_empty());
    let b_change = cmp.people.iter().find(|p| p.id == "B").unwrap();
    let degree = b_change
        .measures
        .iter()
        .find(|m| m.measure == "degree")
        .unwrap();
    assert_eq!(
        (degree.before, degree.after, degree.change),
        (Some(2.0), Some(2.0), Some(0.0))
    );
}

/// A network of undirected ties (each tie once, some pairs twice with
/// different values, some self-loops) is built as the same network with
/// every tie given as two arcs, one from each end, under every rule and
/// threshold: the builder's shortcut for undirected ties (its grouped
/// reports are the analysed graph) agrees with the general path.
#[test]
fn undirected_ties_build_as_their_two_arcs() {
    let mut rng = samspill_engine::rng::SplitMix64::new(3);
    for case in 0..60 {
        let n = 3 + case % 17;
        let mut people: Vec<Person> = (0..n)
            .map(|i| Person::new(format!("p{i}"), format!("P {i}")))
            .collect();
        for p in people.iter_mut() {
            p.responded = !rng.next_u64().is_multiple_of(4);
        }
        let mut edges = Vec::new();
        for _ in 0..(n * 2) {
            let a = (rng.next_u64() % n as u64) as usize;
            let b = (rng.next_u64() % n as u64) as usize;
            edges.push((a, b, (rng.next_u64() % 4) as f64));
        }
        let net = |arcs: bool| Network {
            name: "u".into(),
            people: people.clone(),
            relations: vec![Relation {
                name: "contact".into(),
                ties: edges
                    .iter()
                    .flat_map(|&(a, b, v)| {
                        if arcs {
                            vec![Tie::arc(a, b, v), Tie::arc(b, a, v)]
                        } else {
                            vec![Tie::edge(a, b, v)]
                        }
                    })
                    .collect(),
            }],
            ..Network::default()
        };
        let (undirected, arcs) = (net(false), net(true));
        for combine in [Combine::Either, Combine::Both, Combine::Mean] {
            for threshold in [Threshold::All, Threshold::DAILY, Threshold::WEEKLY] {
                for non_respondents in [NonRespondents::Keep, NonRespondents::Drop] {
                    let o = BuildOptions {
                        combine,
                        threshold,
                        non_respondents,
                        ..BuildOptions::survey()
                    };
                    let a = build(&undirected, &o).unwrap();
                    let b = build(&arcs, &o).unwrap();
                    let what = format!("case {case} {combine:?} {threshold:?} {non_respondents:?}");
                    assert_eq!(a.graph, b.graph, "{what}");
                    assert_eq!(a.people, b.people, "{what}");
                    assert_eq!(a.ties.confirmed, b.ties.confirmed, "{what}");
                    assert_eq!(a.ties.one_sided + a.ties.reconstructed, 0, "{what}");
                    assert_eq!(a.ties.below_threshold, b.ties.below_threshold, "{what}");
                    assert_eq!(a.ties.self_loops * 2, b.ties.self_loops, "{what}");
                }
            }
        }
    }
}
