//! The comparison of two rounds of one municipality (engine
//! [`waves::compare`](samspill_engine::waves::compare) on the daily + weekly
//! networks): who joined and left, ties gained and lost, how the key
//! numbers and the coordination score changed.
//!
//! Both rounds are analysed with the later round's rules and shown with one
//! pseudonym map ([`comparison_map`]), so a person is «Tildeling 5» in both
//! columns and in the picture; the key numbers are each round's own
//! [`Facts`], so a cluster is what it is in each round's report.

use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::{Threshold, build};
use samspill_engine::waves::compare;
use samspill_i18n::{Arg, Texts};

use crate::doc::{Block, Doc};
use crate::facts::{Facts, NetFacts, build_options};
use crate::figures::ids;
use crate::municipality::{named, shell};
use crate::summary::percent;
use crate::{Input, Pseudonyms, Rendered, ReportError};

/// The one pseudonym map of a comparison: the earlier round's map over its
/// roster, the later round's entries over it, extended with anyone still
/// missing in the later roster. When the later map already extends the
/// earlier one (as the store keeps them), this is the later map.
pub fn comparison_map(a: &Input, b: &Input) -> Pseudonyms {
    a.pseudonym_map().merged(&b.pseudonyms).extend(&b.network)
}

fn n(x: usize) -> Arg<'static> {
    Arg::Num(x as f64)
}

/// A change as people read it: "+3", "−1", "0".
fn change(t: &Texts, before: Option<f64>, after: Option<f64>, d: usize) -> String {
    match (before, after) {
        (Some(a), Some(b)) => {
            let v = b - a;
            let s = t.number(v.abs(), d);
            if v > 0.0 && s != t.number(0.0, d) {
                format!("+{s}")
            } else if v < 0.0 && s != t.number(0.0, d) {
                format!("−{s}")
            } else {
                s
            }
        }
        _ => "–".into(),
    }
}

/// The key numbers of both rounds, each from its own facts.
fn measures(t: &Texts, a: &NetFacts, b: &NetFacts) -> Vec<Vec<String>> {
    let rows: [(&str, Option<f64>, Option<f64>, usize); 10] = [
        (
            "report-m-people",
            Some(a.people as f64),
            Some(b.people as f64),
            0,
        ),
        ("report-m-ties", Some(a.ties as f64), Some(b.ties as f64), 0),
        ("report-m-density", Some(a.density), Some(b.density), 2),
        (
            "report-m-parts",
            Some(a.parts.len() as f64),
            Some(b.parts.len() as f64),
            0,
        ),
        (
            "report-m-largest",
            Some(a.largest as f64),
            Some(b.largest as f64),
            0,
        ),
        (
            "report-m-isolates",
            Some(a.isolates.len() as f64),
            Some(b.isolates.len() as f64),
            0,
        ),
        ("report-m-diameter", a.diameter, b.diameter, 0),
        (
            "report-m-distance",
            a.average_distance,
            b.average_distance,
            1,
        ),
        (
            "report-m-clusters",
            Some(a.clusters.len() as f64),
            Some(b.clusters.len() as f64),
            0,
        ),
        (
            "report-m-builders",
            Some(a.builders.len() as f64),
            Some(b.builders.len() as f64),
            0,
        ),
    ];
    rows.iter()
        .map(|(key, x, y, d)| {
            let f = |v: &Option<f64>| v.map_or("–".into(), |v| t.number(v, *d));
            vec![t.get(key), f(x), f(y), change(t, *x, *y, *d)]
        })
        .collect()
}

/// The comparison of round `a` (earlier) with round `b` (later).
pub fn document(a: &Input, b: &Input) -> Result<Doc, ReportError> {
    comparison(a, b).map(|(d, _)| d)
}

/// The comparison's document and its facts: each round's facts (under the
/// later round's rules and the one map) and the changes.
fn comparison(a: &Input, b: &Input) -> Result<(Doc, serde_json::Value), ReportError> {
    let t = Texts::new(b.lang);
    let map = comparison_map(a, b);
    // Both rounds under the later round's rules and the one map.
    let with = |i: &Input| Input {
        pseudonyms: map.clone(),
        rules: b.rules,
        lang: b.lang,
        show_names: b.show_names,
        ..i.clone()
    };
    let (ia, ib) = (with(a), with(b));
    let opts = build_options(&b.rules, Threshold::WEEKLY, b.rules.reconstruct);
    let an_a = build(&a.network, &opts)?;
    let an_b = build(&b.network, &opts)?;
    let res_a = analyze(&a.network, &an_a, &AnalysisOptions::default());
    let res_b = analyze(&b.network, &an_b, &AnalysisOptions::default());
    let c = compare((&an_a, &res_a), (&an_b, &res_b));
    let fa = Facts::compute(&ia)?;
    let fb = Facts::compute(&ib)?;
    let name_of = |id: &str| -> String {
        b.network
            .index_of(id)
            .and_then(|i| fb.names.get(i).cloned())
            .or_else(|| {
                a.network
                    .index_of(id)
                    .and_then(|i| fa.names.get(i).cloned())
            })
            .unwrap_or_default()
    };

    let mut d = shell(
        &t,
        t.format("report-wave-title", &[("name", Arg::Str(&b.name))]),
        t.format(
            "report-wave-subtitle",
            &[
                ("from", Arg::Str(&a.round)),
                ("to", Arg::Str(&b.round)),
                ("named", named(b.show_names)),
            ],
        ),
        b.show_names,
    );
    let blocks = &mut d.blocks;
    blocks.push(Block::Heading {
        level: 1,
        text: t.get("report-wave-ch-people"),
    });
    let mut people = vec![t.format("report-wave-stayed", &[("stayed", n(c.stayed))])];
    let joined: Vec<String> = c.joined.iter().map(|x| name_of(x)).collect();
    let left: Vec<String> = c.left.iter().map(|x| name_of(x)).collect();
    match (joined.is_empty(), left.is_empty()) {
        (true, true) => people.push(t.get("report-wave-no-change")),
        _ => {
            if !joined.is_empty() {
                people.push(t.format(
                    "report-wave-joined",
                    &[
                        ("joined", n(joined.len())),
                        ("list", Arg::Str(&joined.join(", "))),
                    ],
                ));
            }
            if !left.is_empty() {
                people.push(t.format(
                    "report-wave-left",
                    &[
                        ("left", n(left.len())),
                        ("list", Arg::Str(&left.join(", "))),
                    ],
                ));
            }
        }
    }
    blocks.push(Block::Para {
        text: people.join(" "),
    });
    blocks.push(Block::Para {
        text: t.format(
            "report-wave-ties",
            &[
                ("gained", n(c.ties_gained.len())),
                ("lost", n(c.ties_lost.len())),
                ("kept", n(c.ties_kept)),
            ],
        ),
    });
    blocks.push(Block::Table {
        caption: t.get("report-wave-table-measures"),
        header: vec![
            t.get("report-col-measure"),
            a.round.clone(),
            b.round.clone(),
            t.get("report-wave-col-change"),
        ],
        rows: measures(&t, &fa.weekly, &fb.weekly),
    });
    blocks.push(Block::Para {
        text: t.format(
            "report-wave-integration",
            &[
                (
                    "before",
                    Arg::Str(&percent(&t, 100.0 * fa.weekly.integration())),
                ),
                (
                    "after",
                    Arg::Str(&percent(&t, 100.0 * fb.weekly.integration())),
                ),
            ],
        ),
    });
    let mean = |f: &Facts| {
        f.coordination
            .as_ref()
            .and_then(|s| s.mean.map(|m| (t.number(m, 1), s.n)))
    };
    if let (Some((ma, na)), Some((mb, nb))) = (mean(&fa), mean(&fb)) {
        blocks.push(Block::Para {
            text: t.format(
                "report-wave-rating",
                &[
                    ("before", Arg::Str(&ma)),
                    ("nbefore", n(na)),
                    ("after", Arg::Str(&mb)),
                    ("nafter", n(nb)),
                ],
            ),
        });
    }
    // People whose number of weekly contacts changed most.
    let mut movers: Vec<(String, i64, i64)> = c
        .people
        .iter()
        .map(|p| (p.id.clone(), p.ties_gained as i64, p.ties_lost as i64))
        .filter(|(_, g, l)| g + l > 0)
        .collect();
    movers.sort_by_key(|(id, g, l)| (std::cmp::Reverse(g + l), id.clone()));
    movers.truncate(10);
    if !movers.is_empty() {
        blocks.push(Block::Table {
            caption: t.get("report-wave-table-people"),
            header: vec![
                t.get("report-col-person"),
                t.get("report-wave-col-gained"),
                t.get("report-wave-col-lost"),
            ],
            rows: movers
                .iter()
                .map(|(id, g, l)| vec![name_of(id), g.to_string(), l.to_string()])
                .collect(),
        });
    }
    if let Some(f) = crate::figures::for_waves(&ia, &ib, &map)? {
        blocks.push(Block::Figure(f));
    } else {
        let figures: Vec<_> = [a, b]
            .iter()
            .filter_map(|i| {
                i.figures
                    .iter()
                    .find(|f| f.id == ids::NETWORK_WEEKLY)
                    .cloned()
            })
            .collect();
        if !figures.is_empty() {
            blocks.push(Block::FigureGrid { figures });
        }
    }
    blocks.push(Block::Note {
        text: format!(
            "{} {}",
            t.get("report-wave-note"),
            crate::municipality::rule_sentence(&t, &b.rules)
        ),
    });
    let facts = serde_json::json!({
        "from": {"round": a.round, "facts": fa.json()},
        "to": {"round": b.round, "facts": fb.json()},
        "changes": {
            "stayed": c.stayed,
            "joined": joined,
            "joined_count": joined.len(),
            "left": left,
            "left_count": left.len(),
            "ties_gained": c.ties_gained.len(),
            "ties_lost": c.ties_lost.len(),
            "ties_kept": c.ties_kept,
        },
    });
    Ok((d, facts))
}

/// Writes the comparison of round `a` with round `b`.
pub fn comparison_report(a: &Input, b: &Input) -> Result<Rendered, ReportError> {
    let (doc, facts) = comparison(a, b)?;
    Ok(Rendered {
        html: crate::html::render(&doc),
        pdf: crate::pdf::render(&doc)?,
        facts_json: serde_json::to_string_pretty(&facts).unwrap_or_default(),
    })
}
