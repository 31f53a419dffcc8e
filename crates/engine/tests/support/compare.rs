//! Comparison helpers shared by the vector tests of the engine and of the
//! command line (included with `#[path]`).

#![allow(dead_code)]

use samspill_engine::Analysis;
use serde_json::Value;

/// Agreement required with the reference values.
pub const TOL: f64 = 1e-9;

/// Whether `a` equals the reference `b` to [`TOL`] (relative above 1).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOL * b.abs().max(1.0)
}

/// Compares a list of expected node values (numbers, booleans or nulls)
/// with what the engine gives, collecting mismatches.
pub fn check_nodes(
    errors: &mut Vec<String>,
    case: &str,
    name: &str,
    expected: &Value,
    got: &[Value],
) {
    if expected.is_null() {
        for (i, g) in got.iter().enumerate() {
            if !g.is_null() {
                errors.push(format!(
                    "{case}: {name}[{i}] expected null (undefined), got {g}"
                ));
            }
        }
        return;
    }
    let exp = expected.as_array().unwrap();
    assert_eq!(exp.len(), got.len(), "{case}: {name} length");
    for (i, (e, g)) in exp.iter().zip(got).enumerate() {
        let ok = match (e, g) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => close(b.as_f64().unwrap(), a.as_f64().unwrap()),
            _ => false,
        };
        if !ok {
            errors.push(format!("{case}: {name}[{i}] expected {e}, got {g}"));
        }
    }
}

pub fn check_graph(
    errors: &mut Vec<String>,
    case: &str,
    name: &str,
    expected: &Value,
    got: &Value,
) {
    let ok = match (expected, got) {
        (Value::Null, Value::Null) => true,
        (Value::Number(a), Value::Number(b)) => close(b.as_f64().unwrap(), a.as_f64().unwrap()),
        _ => false,
    };
    if !ok {
        errors.push(format!(
            "{case}: graph.{name} expected {expected}, got {got}"
        ));
    }
}

pub fn node_values(res: &Analysis, field: &str) -> Vec<Value> {
    let v = serde_json::to_value(&res.nodes).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.get(field).cloned().unwrap_or(Value::Null))
        .collect()
}

/// Graph-level fields every vector case carries.
pub const GRAPH_FIELDS: [&str; 13] = [
    "nodes",
    "edges",
    "density",
    "reciprocity",
    "weak_components",
    "strong_components",
    "diameter",
    "average_path_length",
    "transitivity",
    "degree_centralization",
    "in_degree_centralization",
    "out_degree_centralization",
    "betweenness_centralization",
];

/// Node-level fields every vector case carries.
pub const NODE_FIELDS: [&str; 14] = [
    "pagerank",
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "clustering",
    "constraint",
    "effective_size",
    "core_number",
    "articulation_point",
    "strength",
];
