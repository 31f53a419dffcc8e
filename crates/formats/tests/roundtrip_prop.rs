//! Property tests: writing a network and reading it back gives the same
//! network, for every format that can hold it whole.

use std::collections::BTreeMap;

use proptest::prelude::*;
use samspill_engine::model::{
    AttrValue, Level, Network, Partition, Person, Relation, Spell, Tie, Vector,
};
use samspill_formats::{Document, Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

fn spells() -> impl Strategy<Value = Vec<Spell>> {
    prop::collection::vec(
        (0i64..9, prop::option::of(0i64..9)).prop_map(|(a, b)| Spell {
            start: Some(a.to_string()),
            end: b.map(|b| (a + b).to_string()),
        }),
        0..3,
    )
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-3i32..=3).prop_map(f64::from),
        prop::num::f64::NORMAL | prop::num::f64::ZERO,
    ]
}

fn ties(n: usize) -> impl Strategy<Value = Vec<Tie>> {
    prop::collection::vec(
        (0..n, 0..n, value(), any::<bool>(), spells()).prop_map(|(s, t, v, d, sp)| Tie {
            source: s,
            target: t,
            value: v,
            directed: d,
            spells: sp,
            attributes: BTreeMap::new(),
        }),
        0..12,
    )
}

/// Relations with distinct names.
fn relations(n: usize) -> impl Strategy<Value = Vec<Relation>> {
    prop::collection::vec(ties(n), 1..4).prop_map(|all| {
        all.into_iter()
            .enumerate()
            .map(|(k, ties)| Relation {
                name: format!("rel{k}"),
                ties,
            })
            .collect()
    })
}

fn partitions(n: usize) -> impl Strategy<Value = Vec<Partition>> {
    prop::collection::vec(prop::collection::vec(prop::option::of(-5i64..100), n), 0..3).prop_map(
        |all| {
            all.into_iter()
                .enumerate()
                .map(|(k, classes)| Partition {
                    name: format!("part{k}"),
                    classes,
                })
                .collect()
        },
    )
}

fn vectors(n: usize) -> impl Strategy<Value = Vec<Vector>> {
    prop::collection::vec(
        prop::collection::vec(
            prop::option::of(prop::num::f64::NORMAL | prop::num::f64::ZERO),
            n,
        ),
        0..2,
    )
    .prop_map(|all| {
        all.into_iter()
            .enumerate()
            .map(|(k, values)| Vector {
                name: format!("vec{k}"),
                values,
            })
            .collect()
    })
}

/// A network Pajek can hold whole: ids 1..n, labels without quotes,
/// coordinates only.
fn pajek_network() -> impl Strategy<Value = Network> {
    (0usize..8)
        .prop_flat_map(|n| {
            (
                "[A-Za-z][A-Za-z0-9_]{0,8}",
                prop::collection::vec(
                    (
                        "[a-zA-Z0-9 æøåÆØÅ_.-]{0,10}",
                        prop::option::of((
                            prop::num::f64::NORMAL | prop::num::f64::ZERO,
                            prop::num::f64::NORMAL,
                        )),
                        spells(),
                    ),
                    n,
                ),
                relations(n.max(1)),
                partitions(n),
                vectors(n),
            )
        })
        .prop_map(|(name, people, mut relations, partitions, vectors)| {
            let n = people.len();
            if n == 0 {
                relations.iter_mut().for_each(|r| r.ties.clear());
            }
            let people = people
                .into_iter()
                .enumerate()
                .map(|(i, (label, xy, spells))| {
                    let mut p = Person::new((i + 1).to_string(), label);
                    if let Some((x, y)) = xy {
                        p.attributes.insert("x".into(), AttrValue::Float(x));
                        p.attributes.insert("y".into(), AttrValue::Float(y));
                    }
                    p.spells = spells;
                    p
                })
                .collect();
            Network {
                name,
                people,
                relations,
                partitions,
                vectors,
                attributes: BTreeMap::new(),
            }
        })
}

fn level() -> impl Strategy<Value = Option<Level>> {
    prop::option::of(prop::sample::select(Level::ALL.to_vec()))
}

fn person_attrs() -> impl Strategy<Value = BTreeMap<String, AttrValue>> {
    (
        prop::option::of(any::<i64>()),
        prop::option::of(prop::num::f64::NORMAL),
        prop::option::of(any::<bool>()),
        prop::option::of("[ -~æøå]{0,8}"),
    )
        .prop_map(|(a, b, c, d)| {
            let mut m = BTreeMap::new();
            if let Some(a) = a {
                m.insert("age".to_string(), AttrValue::Int(a));
            }
            if let Some(b) = b {
                m.insert("score".to_string(), AttrValue::Float(b));
            }
            if let Some(c) = c {
                m.insert("ok".to_string(), AttrValue::Bool(c));
            }
            if let Some(d) = d {
                m.insert("note".to_string(), AttrValue::Text(d));
            }
            m
        })
}

/// A network with everything a survey network has, with unique free-form
/// ids.
fn rich_network() -> impl Strategy<Value = Network> {
    (
        prop::collection::btree_set("[a-zA-Z0-9æøå_ -]{1,6}", 0..8),
        "[A-Za-z][A-Za-z0-9_]{0,8}",
    )
        .prop_flat_map(|(ids, name)| {
            let n = ids.len();
            (
                Just(ids.into_iter().collect::<Vec<_>>()),
                Just(name),
                prop::collection::vec(
                    (
                        "[ -~æøåÆØÅ\t]{0,10}",
                        prop::collection::vec("[A-Za-z][A-Za-z æø]{0,8}[a-z]", 0..3),
                        prop::option::of("[A-Za-z][A-Za-z &]{0,6}[a-z]"),
                        level(),
                        any::<bool>(),
                        spells(),
                        person_attrs(),
                    ),
                    n,
                ),
                relations(n.max(1)),
                partitions(n),
                vectors(n),
                prop::option::of(any::<i64>()),
            )
        })
        .prop_map(
            |(ids, name, people, mut relations, partitions, vectors, net_attr)| {
                if ids.is_empty() {
                    relations.iter_mut().for_each(|r| r.ties.clear());
                }
                let people = ids
                    .into_iter()
                    .zip(people)
                    .map(
                        |(id, (label, functions, unit, level, responded, spells, attributes))| {
                            Person {
                                id,
                                label,
                                functions,
                                unit,
                                level,
                                responded,
                                spells,
                                attributes,
                            }
                        },
                    )
                    .collect();
                let mut attributes = BTreeMap::new();
                if let Some(a) = net_attr {
                    attributes.insert("round".to_string(), AttrValue::Int(a));
                }
                for (k, r) in relations.iter_mut().enumerate() {
                    for t in &mut r.ties {
                        if k == 0 {
                            t.attributes
                                .insert("colour".into(), AttrValue::Text("red".into()));
                        }
                    }
                }
                Network {
                    name,
                    people,
                    relations,
                    partitions,
                    vectors,
                    attributes,
                }
            },
        )
}

fn round_trip(doc: &Document, format: Format, file: &str) -> Result<Document, TestCaseError> {
    let w = write_bytes(doc, format, &WriteOptions::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(w.dropped.is_empty(), "dropped: {:?}", w.dropped);
    let back = read_bytes(&w.bytes, format, file, &ReadOptions::default())
        .map_err(|e| TestCaseError::fail(format!("{e}\n{}", String::from_utf8_lossy(&w.bytes))))?;
    Ok(back)
}

/// GraphML drops relations without ties, and partitions and vectors
/// without values (it keeps values, not columns).
fn without_empty_relations(mut n: Network) -> Network {
    n.relations.retain(|r| !r.ties.is_empty());
    n.partitions
        .retain(|p| p.classes.iter().any(Option::is_some));
    n.vectors.retain(|v| v.values.iter().any(Option::is_some));
    if n.relations.is_empty() {
        n.relations.push(Relation {
            name: n.name.clone(),
            ties: Vec::new(),
        });
    }
    n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn pajek_round_trip(nets in prop::collection::vec(pajek_network(), 1..3)) {
        let doc = Document { networks: nets, warnings: Vec::new() };
        let back = round_trip(&doc, Format::Pajek, "p.paj")?;
        prop_assert_eq!(back.networks, doc.networks);
    }

    #[test]
    fn graphml_round_trip(net in rich_network()) {
        let net = without_empty_relations(net);
        let doc = Document::single(net);
        let back = round_trip(&doc, Format::GraphMl, "g.graphml")?;
        prop_assert_eq!(back.networks, doc.networks);
    }

    #[test]
    fn json_round_trip(nets in prop::collection::vec(rich_network(), 0..3)) {
        let doc = Document { networks: nets, warnings: Vec::new() };
        let back = round_trip(&doc, Format::Json, "j.json")?;
        prop_assert_eq!(back.networks, doc.networks);
    }
}
