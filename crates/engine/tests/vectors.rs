//! The engine against NetworkX reference values.
//!
//! `tests/vectors/*.json` are written by `tools/reference/generate_vectors.py`
//! (NetworkX 3.7; weighted path measures with exact fractions). Every value
//! must agree to 1e-9. Cases without an edge list (the real networks) are
//! checked in the command-line crate, which can read Pajek files.

use std::path::Path;

use samspill_engine::analysis::{AnalysisOptions, GroupSource};
use samspill_engine::build::{BuildOptions, Combine, Threshold};
use samspill_engine::community;
use samspill_engine::model::{Network, Person, Relation, Tie};
use samspill_engine::{Analysis, analyze, build};
use serde_json::Value;

mod support;
use support::compare::{GRAPH_FIELDS, NODE_FIELDS, check_graph, check_nodes, close, node_values};

/// Builds the model network of a vector case: people "0".."n-1" in order,
/// each with its group as the only function, and the edges with weights.
fn network(case: &Value) -> Network {
    let ids: Vec<String> = case["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let groups = case["groups"].as_array();
    let directed = case["directed"].as_bool().unwrap();
    let people = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut p = Person::new(id.clone(), id.clone());
            if let Some(g) = groups {
                p.functions = vec![g[i].as_str().unwrap().to_string()];
            }
            p
        })
        .collect();
    let ties = case["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (u, v, w) = (
                e[0].as_u64().unwrap() as usize,
                e[1].as_u64().unwrap() as usize,
                e[2].as_f64().unwrap(),
            );
            if directed {
                Tie::arc(u, v, w)
            } else {
                Tie::edge(u, v, w)
            }
        })
        .collect();
    Network {
        name: case["name"].as_str().unwrap().to_string(),
        people,
        relations: vec![Relation {
            name: "ties".into(),
            ties,
        }],
        ..Network::default()
    }
}

fn run(net: &Network, weighted: bool) -> (samspill_engine::Analysed, Analysis) {
    let opts = BuildOptions {
        combine: Combine::Keep,
        threshold: Threshold::All,
        weighted,
        ..BuildOptions::file()
    };
    let an = build(net, &opts).expect("vector network builds");
    let res = analyze(
        net,
        &an,
        &AnalysisOptions {
            groups: GroupSource::PrimaryFunction,
            ..AnalysisOptions::default()
        },
    );
    (an, res)
}

fn cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), v)
        })
        .filter(|(_, v)| v.get("edges").is_some())
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        out.len() >= 25,
        "expected at least 25 vector cases with edges, found {}",
        out.len()
    );
    out
}

/// Fields that only directed cases carry.
const DIRECTED_ONLY: [&str; 4] = ["in_degree", "out_degree", "in_strength", "out_strength"];

/// The expected value of a field: a field missing from the reference is an
/// error (never a silent pass), except a directed-only field of an
/// undirected case, which must then be undefined in the engine too.
fn expected_field<'a>(
    errors: &mut Vec<String>,
    case: &str,
    block: &'a Value,
    field: &str,
    directed: bool,
) -> Option<&'a Value> {
    match block.get(field) {
        Some(v) => Some(v),
        None if !directed && DIRECTED_ONLY.contains(&field) => Some(&Value::Null),
        None => {
            errors.push(format!("{case}: the reference has no field {field}"));
            None
        }
    }
}

#[test]
fn unweighted_measures_equal_networkx() {
    let mut errors = Vec::new();
    for (name, case) in cases() {
        let net = network(&case);
        let (_, res) = run(&net, false);
        let exp = &case["unweighted"];
        let directed = case["directed"].as_bool().unwrap();
        let graph = serde_json::to_value(&res.graph).unwrap();
        for f in GRAPH_FIELDS {
            if let Some(e) = expected_field(&mut errors, &name, &exp["graph"], f, directed) {
                check_graph(
                    &mut errors,
                    &name,
                    f,
                    e,
                    graph.get(f).unwrap_or(&Value::Null),
                );
            }
        }
        for f in NODE_FIELDS.iter().chain(&["in_strength", "out_strength"]) {
            if let Some(e) = expected_field(&mut errors, &name, &exp["nodes"], f, directed) {
                check_nodes(&mut errors, &name, f, e, &node_values(&res, f));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn weighted_measures_equal_exact_reference() {
    let mut errors = Vec::new();
    let mut checked = 0;
    for (name, case) in cases() {
        let exp = &case["weighted"];
        if exp.is_null() {
            continue;
        }
        checked += 1;
        let net = network(&case);
        let (_, res) = run(&net, true);
        // Integer lengths where the weights allow, floating point (issue
        // 14) where they do not: either way the values must be right.
        let distance = match case["distance"].as_str() {
            Some("float") => "1/value, floating point",
            _ => "1/value, exact",
        };
        assert_eq!(res.settings.distance.as_deref(), Some(distance), "{name}");
        let directed = case["directed"].as_bool().unwrap();
        let graph = serde_json::to_value(&res.graph).unwrap();
        // `modularity` is compared in `modularity_of_given_partitions…`.
        for f in [
            "diameter",
            "average_path_length",
            "betweenness_centralization",
        ] {
            if let Some(e) = expected_field(&mut errors, &name, &exp["graph"], f, directed) {
                check_graph(
                    &mut errors,
                    &name,
                    f,
                    e,
                    graph.get(f).unwrap_or(&Value::Null),
                );
            }
        }
        for f in [
            "strength",
            "in_strength",
            "out_strength",
            "betweenness",
            "closeness",
            "harmonic",
            "pagerank",
            "eigenvector",
            "clustering",
            "constraint",
            "effective_size",
        ] {
            if let Some(e) = expected_field(&mut errors, &name, &exp["nodes"], f, directed) {
                check_nodes(
                    &mut errors,
                    &name,
                    &format!("weighted {f}"),
                    e,
                    &node_values(&res, f),
                );
            }
        }
    }
    assert!(checked >= 8, "only {checked} weighted cases");
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn modularity_of_given_partitions_equals_networkx() {
    let mut errors = Vec::new();
    for (name, case) in cases() {
        let net = network(&case);
        let partition: Vec<usize> = case["partition"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as usize)
            .collect();
        for (weighted, key) in [(false, "unweighted"), (true, "weighted")] {
            let exp = &case[key];
            if exp.is_null() {
                continue;
            }
            let Some(e) = exp["graph"].get("modularity") else {
                continue;
            };
            let (an, _) = run(&net, weighted);
            let got = community::modularity(&an.graph, &partition, weighted);
            // NetworkX gives 0 for a graph without ties; the engine says
            // undefined (null), which is the honest answer.
            let ok = match (e.as_f64(), got) {
                (Some(x), Some(y)) => close(y, x),
                (Some(x), None) => x == 0.0 && an.graph.edge_count() == 0,
                (None, None) => true,
                _ => false,
            };
            if !ok {
                errors.push(format!(
                    "{name}: {key} modularity expected {e}, got {got:?}"
                ));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn louvain_reaches_networkx_louvain() {
    let mut errors = Vec::new();
    for (name, case) in cases() {
        let Some(bar) = case["unweighted"]["graph"]["louvain_modularity"].as_f64() else {
            continue;
        };
        let net = network(&case);
        let (_, res) = run(&net, false);
        let got = res.graph.modularity.flatten();
        match got {
            Some(q) if q >= bar - 1e-9 => {}
            None if net.relations[0].ties.is_empty() => {}
            _ => errors.push(format!(
                "{name}: modularity {got:?} below NetworkX Louvain's {bar}"
            )),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn group_measures_equal_reference() {
    let mut errors = Vec::new();
    let mut checked = 0;
    for (name, case) in cases() {
        let exp = &case["groups_expected"];
        if exp.is_null() {
            continue;
        }
        checked += 1;
        let net = network(&case);
        let (_, res) = run(&net, false);
        let groups = res.groups.as_ref().expect("groups computed");
        let m = groups.function_matrix.as_ref().unwrap();
        let exp_labels: Vec<String> = exp["function_matrix"]["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().into())
            .collect();
        if m.labels != exp_labels {
            errors.push(format!(
                "{name}: matrix labels {:?} != {:?}",
                m.labels, exp_labels
            ));
            continue;
        }
        let exp_counts: Vec<Vec<usize>> =
            serde_json::from_value(exp["function_matrix"]["counts"].clone()).unwrap();
        if m.counts != exp_counts {
            errors.push(format!("{name}: matrix counts differ"));
        }
        // Sizes and densities colour the drawn matrix: checked too.
        let exp_sizes: Vec<usize> =
            serde_json::from_value(exp["function_matrix"]["sizes"].clone()).unwrap();
        if m.sizes != exp_sizes {
            errors.push(format!(
                "{name}: matrix sizes {:?} != {exp_sizes:?}",
                m.sizes
            ));
        }
        let exp_density: Vec<Vec<Option<f64>>> =
            serde_json::from_value(exp["function_matrix"]["density"].clone()).unwrap();
        for (a, (row, erow)) in m.density.iter().zip(&exp_density).enumerate() {
            for (b, (got, e)) in row.iter().zip(erow).enumerate() {
                let ok = match (got, e) {
                    (Some(x), Some(y)) => close(*x, *y),
                    (None, None) => true,
                    _ => false,
                };
                if !ok {
                    errors.push(format!(
                        "{name}: density[{a}][{b}] expected {e:?}, got {got:?}"
                    ));
                }
            }
        }
        if m.density.len() != exp_density.len() {
            errors.push(format!("{name}: density has {} rows", m.density.len()));
        }
        let ei = groups.ei_index.as_ref().unwrap();
        for (got, key) in [(ei.value, "ei_index"), (ei.expected, "ei_expected")] {
            let e = exp[key].as_f64();
            let ok = match (got, e) {
                (Some(a), Some(b)) => close(a, b),
                (None, None) => true,
                _ => false,
            };
            if !ok {
                errors.push(format!("{name}: {key} expected {e:?}, got {got:?}"));
            }
        }
        for (label, got) in &ei.by_group {
            let e = exp["ei_by_group"][label].as_f64();
            let ok = match (got, e) {
                (Some(a), Some(b)) => close(*a, b),
                (None, None) => true,
                _ => false,
            };
            if !ok {
                errors.push(format!(
                    "{name}: ei_by_group[{label}] expected {e:?}, got {got:?}"
                ));
            }
        }
        for role in [
            "coordinator",
            "itinerant",
            "representative",
            "gatekeeper",
            "liaison",
            "total",
        ] {
            let got: Vec<Value> = res
                .nodes
                .iter()
                .map(|n| serde_json::to_value(n.brokerage.unwrap()).unwrap()[role].clone())
                .collect();
            check_nodes(
                &mut errors,
                &name,
                &format!("brokerage.{role}"),
                &exp["brokerage"][role],
                &got,
            );
        }
    }
    assert!(checked >= 10, "only {checked} cases with groups");
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
