//! The real networks in `../shared/data/networks/`, read with samspill's own
//! Pajek reader and analysed by the engine, against the NetworkX vectors and
//! the facts published about them (de Nooy, Mrvar & Batagelj, *Exploratory
//! Social Network Analysis with Pajek*).

use std::path::{Path, PathBuf};

use samspill_engine::analysis::{AnalysisOptions, GroupSource};
use samspill_engine::build::{BuildOptions, Combine, Threshold};
use samspill_engine::{Network, analyze, build};
use serde_json::Value;

#[path = "../../engine/tests/support/compare.rs"]
mod compare;
use compare::{GRAPH_FIELDS, NODE_FIELDS, check_graph, check_nodes, node_values};

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/networks")
        .join(file)
}

fn read(file: &str, network: Option<&str>) -> Network {
    let doc =
        samspill_formats::read_path(&data(file), &Default::default()).expect("real network parses");
    match network {
        None => doc.networks.into_iter().next().unwrap(),
        Some(name) => doc
            .networks
            .into_iter()
            .find(|n| n.name == name)
            .expect("network present"),
    }
}

fn vector(name: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/tests/vectors")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn all_four_files_parse_with_the_published_counts() {
    let strike = read("strike.paj", None);
    assert_eq!(strike.people.len(), 24);
    assert_eq!(strike.relations[0].ties.len(), 38);
    assert!(
        strike
            .partitions
            .iter()
            .any(|p| p.name == "Strike_groups.clu")
    );

    let sawmill = read("sawmill.net", None);
    assert_eq!(
        (sawmill.people.len(), sawmill.relations[0].ties.len()),
        (36, 62)
    );

    let hitech = read("hi-tech.paj", None);
    assert_eq!(hitech.people.len(), 36);
    let an = build(&hitech, &BuildOptions::file()).unwrap();
    assert_eq!(an.graph.edge_count(), 147);
    let reciprocated = an
        .graph
        .edges()
        .filter(|&(u, v, _)| an.graph.has_edge(v, u))
        .count();
    assert_eq!(reciprocated, 112);

    let sampson = read("sampson.paj", Some("Sampson"));
    assert_eq!(sampson.people.len(), 25);
    let values: Vec<f64> = sampson.relations[0].ties.iter().map(|t| t.value).collect();
    assert!(
        values.contains(&-3.0) && values.contains(&3.0),
        "signs kept"
    );
    assert!(
        sampson.relations[0]
            .ties
            .iter()
            .all(|t| !t.spells.is_empty()),
        "time marks kept"
    );
    assert_eq!(read("sampson.paj", Some("Sampson_T4")).people.len(), 18);
}

type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Combine,
    Option<&'static str>,
    Option<i64>,
);

/// (vector case, file, network, combination, group partition, time)
fn real_cases() -> Vec<Case> {
    vec![
        (
            "real_strike",
            "strike.paj",
            None,
            Combine::Keep,
            Some("Strike_groups.clu"),
            None,
        ),
        (
            "real_sawmill",
            "sawmill.net",
            None,
            Combine::Keep,
            None,
            None,
        ),
        (
            "real_hi-tech",
            "hi-tech.paj",
            None,
            Combine::Keep,
            Some("Hi-tech_union.clu"),
            None,
        ),
        (
            "real_hi-tech_either",
            "hi-tech.paj",
            None,
            Combine::Either,
            Some("Hi-tech_union.clu"),
            None,
        ),
        (
            "real_sampson_t2",
            "sampson.paj",
            Some("Sampson"),
            Combine::Keep,
            Some("Sampson_cloisterville"),
            Some(2),
        ),
        (
            "real_sampson_t3",
            "sampson.paj",
            Some("Sampson"),
            Combine::Keep,
            Some("Sampson_cloisterville"),
            Some(3),
        ),
        (
            "real_sampson_t4",
            "sampson.paj",
            Some("Sampson"),
            Combine::Keep,
            Some("Sampson_cloisterville"),
            Some(4),
        ),
        (
            "real_sampson_T4net",
            "sampson.paj",
            Some("Sampson_T4"),
            Combine::Keep,
            Some("Sampson_factions_T4"),
            None,
        ),
    ]
}

#[test]
fn real_networks_equal_networkx() {
    let mut errors = Vec::new();
    for (case, file, network, combine, partition, time) in real_cases() {
        let v = vector(case);
        let mut net = read(file, network);
        // The vectors keep every vertex at every time point; only ties are
        // selected by time here.
        for p in &mut net.people {
            p.spells.clear();
        }
        let opts = BuildOptions {
            combine,
            threshold: Threshold::All,
            time,
            ..BuildOptions::file()
        };
        let an = build(&net, &opts).unwrap();
        let groups = match partition {
            Some(p) => GroupSource::Partition(p.to_string()),
            None => GroupSource::PrimaryFunction,
        };
        let res = analyze(
            &net,
            &an,
            &AnalysisOptions {
                groups,
                ..AnalysisOptions::default()
            },
        );
        let ids: Vec<&str> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let got_ids: Vec<&str> = res.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, got_ids, "{case}: node order");
        let graph = serde_json::to_value(&res.graph).unwrap();
        // A field missing from the reference fails, except those the real
        // cases leave out on purpose: strength (their values are collapsed
        // to 1 in the reference) and in/out degree of undirected networks.
        let directed = v["directed"].as_bool().unwrap_or(false);
        for f in GRAPH_FIELDS {
            match v["unweighted"]["graph"].get(f) {
                Some(e) => check_graph(
                    &mut errors,
                    case,
                    f,
                    e,
                    graph.get(f).unwrap_or(&Value::Null),
                ),
                None => errors.push(format!("{case}: the reference has no field {f}")),
            }
        }
        for f in NODE_FIELDS {
            match v["unweighted"]["nodes"].get(f) {
                Some(e) => check_nodes(&mut errors, case, f, e, &node_values(&res, f)),
                None if f == "strength" => {}
                None if !directed && (f == "in_degree" || f == "out_degree") => {}
                None => errors.push(format!("{case}: the reference has no field {f}")),
            }
        }
        if partition.is_some() {
            let exp = &v["groups_expected"];
            let groups = res.groups.as_ref().unwrap();
            let counts: Vec<Vec<usize>> =
                serde_json::from_value(exp["function_matrix"]["counts"].clone()).unwrap();
            if groups.function_matrix.as_ref().unwrap().counts != counts {
                errors.push(format!("{case}: function matrix differs"));
            }
            let got: Vec<Value> = res
                .nodes
                .iter()
                .map(|n| serde_json::to_value(n.brokerage.unwrap()).unwrap()["total"].clone())
                .collect();
            check_nodes(
                &mut errors,
                case,
                "brokerage.total",
                &exp["brokerage"]["total"],
                &got,
            );
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The textbook reading of the strike network: three groups joined by a few
/// brokers. Alejandro links the Spanish speakers, Bob and Norm the young and
/// the older English speakers; they are the three people with the highest
/// betweenness and all three are bridge builders.
#[test]
fn strike_brokers_are_the_bridge_builders() {
    let net = read("strike.paj", None);
    let an = build(&net, &BuildOptions::file()).unwrap();
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let mut by_betweenness: Vec<(&str, f64)> = res
        .nodes
        .iter()
        .map(|n| (n.label.as_str(), n.betweenness.flatten().unwrap()))
        .collect();
    by_betweenness.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top: Vec<&str> = by_betweenness.iter().take(3).map(|x| x.0).collect();
    assert_eq!(top, vec!["Bob", "Norm", "Alejandro"]);
    let builders = &res.bridges.as_ref().unwrap().builders;
    let labels: Vec<&str> = builders
        .iter()
        .map(|id| {
            res.nodes
                .iter()
                .find(|n| &n.id == id)
                .unwrap()
                .label
                .as_str()
        })
        .collect();
    for name in ["Alejandro", "Bob", "Norm"] {
        assert!(labels.contains(&name), "{name} missing from {labels:?}");
    }
    // Alejandro is the Spanish speakers' only way out: an articulation point.
    let alejandro = res.nodes.iter().find(|n| n.label == "Alejandro").unwrap();
    assert_eq!(alejandro.articulation_point, Some(true));
}

/// Hi-tech: three employees did not return the questionnaire. In this file
/// nobody nominated them either, so they stay as isolates when kept (no tie
/// can be reconstructed) and the other 33 keep every tie when dropped.
#[test]
fn hi_tech_non_respondents() {
    let mut net = read("hi-tech.paj", None);
    for p in &mut net.people {
        if ["Fran", "Quincy", "York"].contains(&p.label.as_str()) {
            p.responded = false;
        }
    }
    let an = build(&net, &BuildOptions::file()).unwrap();
    let res = analyze(&net, &an, &AnalysisOptions::default());
    assert_eq!(res.graph.non_respondents, 3);
    for n in res.nodes.iter().filter(|n| !n.responded) {
        assert_eq!(n.out_degree, Some(0), "{} made no nominations", n.label);
        assert_eq!(n.in_degree, Some(0), "{} was nominated by nobody", n.label);
    }
    assert_eq!(an.ties.reconstructed, 0);
    assert_eq!((an.ties.confirmed, an.ties.one_sided), (112, 35));
    assert_eq!(res.graph.isolates, 3);
    let dropped = BuildOptions {
        non_respondents: samspill_engine::NonRespondents::Drop,
        ..BuildOptions::file()
    };
    let an2 = build(&net, &dropped).unwrap();
    assert_eq!(an2.graph.node_count(), 33);
    assert_eq!(an2.graph.edge_count(), 147);
}
